from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/calc')
def calc():
    formula = request.args['formula']
    return str(eval(formula))
