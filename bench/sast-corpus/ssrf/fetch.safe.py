import requests
from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/fetch')
def fetch():
    q = request.args.get('q')
    return requests.get('https://api.example.com/search', params={'q': q}, timeout=5).text
