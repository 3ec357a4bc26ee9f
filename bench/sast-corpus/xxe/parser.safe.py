from lxml import etree
parser = etree.XMLParser(resolve_entities=False, no_network=True)
def parse(path):
    return etree.parse(path, parser)
