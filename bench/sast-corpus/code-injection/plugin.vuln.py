def load_plugin(source_text):
    namespace = {}
    exec(source_text, namespace)
    return namespace
