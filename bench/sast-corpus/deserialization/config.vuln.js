const yaml = require('js-yaml');
function loadConfig(text) {
  return yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });
}
