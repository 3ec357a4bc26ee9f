import os
from werkzeug.utils import secure_filename
from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/files')
def files():
    name = secure_filename(request.args.get('name'))
    with open(os.path.join('/srv/uploads', name), 'rb') as f:
        return f.read()
