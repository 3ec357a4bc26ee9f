import sqlite3
from flask import Flask, request, redirect, send_file, Markup, make_response
app = Flask(__name__)
@app.route('/user')
def user():
    name = request.args.get('name')
    cur = sqlite3.connect('app.db').cursor()
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)
    return str(cur.fetchall())
