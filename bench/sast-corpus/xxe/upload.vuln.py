from lxml import etree
from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/upload', methods=['POST'])
def upload():
    doc = etree.fromstring(request.data)
    return doc.tag
