from lxml import etree
parser = etree.XMLParser(load_dtd=True)
def parse(path):
    return etree.parse(path, parser)
