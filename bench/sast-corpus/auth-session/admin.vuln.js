const jwt = require('jsonwebtoken');
function isAdmin(req) {
  const user = jwt.decode(req.headers.authorization.slice(7));
  return user && user.role === 'admin';
}
