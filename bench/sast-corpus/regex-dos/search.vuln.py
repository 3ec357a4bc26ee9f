import re
from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/search')
def search():
    q = request.args.get('q')
    return str([n for n in ['a', 'b'] if re.search(q, n)])
