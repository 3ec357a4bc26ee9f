import os
from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
if __name__ == '__main__':
    app.run(host='0.0.0.0', debug=os.environ.get('FLASK_DEBUG') == '1')
