import requests
from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/fetch')
def fetch():
    url = request.args.get('url')
    return requests.get(url, timeout=5).text
