import random, secrets
def make_token():
    delay = random.uniform(0.1, 0.5)
    return secrets.token_urlsafe(32)
