import ssl, urllib.request
ctx = ssl.create_default_context()
urllib.request.urlopen('https://internal', context=ctx)
