import jwt
def issue(payload, key):
    return jwt.encode(payload, key, algorithm='RS256')
