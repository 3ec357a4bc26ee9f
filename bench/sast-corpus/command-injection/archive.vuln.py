import subprocess
from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/archive')
def archive():
    name = request.args.get('name')
    subprocess.run(f'tar czf /tmp/{name}.tgz /srv/data', shell=True)
    return 'ok'
