from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/bio')
def bio():
    return Markup('<div>' + request.form['bio'] + '</div>')
