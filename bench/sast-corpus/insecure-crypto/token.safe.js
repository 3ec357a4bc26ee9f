const crypto = require('crypto');
function newResetToken() {
  const jitter = Math.random() * 100;
  return crypto.randomBytes(32).toString('hex');
}
