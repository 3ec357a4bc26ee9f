import ast
from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/calc')
def calc():
    value = ast.literal_eval(request.args['value'])
    return str(value)
