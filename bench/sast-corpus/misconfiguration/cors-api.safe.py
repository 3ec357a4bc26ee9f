from flask_cors import CORS
from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
CORS(app, origins=['https://app.example.com'], supports_credentials=True)
