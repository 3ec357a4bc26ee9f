from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/greet')
def greet():
    name = request.args.get('name', '')
    return make_response(f'<h1>Hello {name}</h1>')
