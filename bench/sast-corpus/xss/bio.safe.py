from flask import render_template
from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/bio')
def bio():
    return render_template('bio.html', bio=request.form['bio'])
