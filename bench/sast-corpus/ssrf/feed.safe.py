from urllib.request import urlopen
FEED = 'https://example.com/feed.xml'
def feed():
    return urlopen(FEED).read()
