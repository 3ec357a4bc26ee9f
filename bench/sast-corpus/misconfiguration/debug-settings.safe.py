import os
SECRET_KEY = os.environ['SECRET_KEY']
DEBUG = os.environ.get('DJANGO_DEBUG') == '1'
