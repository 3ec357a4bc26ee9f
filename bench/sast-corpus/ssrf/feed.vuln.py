from urllib.request import urlopen
from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/feed')
def feed():
    return urlopen(request.args['feed']).read()
