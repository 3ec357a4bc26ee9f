import random, string
def make_token():
    reset_token = ''.join(random.choice(string.ascii_letters) for _ in range(32))
    return reset_token
