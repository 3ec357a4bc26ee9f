from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/login')
def login():
    return redirect(request.args.get('next'))
