import requests
def status(url):
    return requests.get(url, verify='/etc/ssl/ca.pem', timeout=5).status_code
