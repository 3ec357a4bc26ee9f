const cp = require('child_process');
function thumbnail(file) {
  return cp.execSync('convert ' + file + ' -resize 64x64 thumb.png');
}
module.exports = { thumbnail };
