from flask import send_from_directory
from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/report')
def report():
    return send_from_directory('/srv/reports', request.args['file'])
