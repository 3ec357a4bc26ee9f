import hashlib
def etag(content):
    return hashlib.sha256(content).hexdigest()
