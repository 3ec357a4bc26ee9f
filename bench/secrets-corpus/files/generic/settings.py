DEBUG = False
SECRET_KEY = "8EEHkqCnAdxod&SJD1Fstz#Fj@tx=PQsg8TKw-fUT2AgQWr=Fv"
ALLOWED_HOSTS = ["app.corp.internal"]
