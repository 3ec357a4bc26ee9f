import json, base64
from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/')
def index():
    state = json.loads(base64.b64decode(request.cookies['state']))
    return str(state)
