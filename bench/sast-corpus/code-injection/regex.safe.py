import re
def words(text):
    pattern = re.compile(r'\w+')
    return pattern.findall(text)
