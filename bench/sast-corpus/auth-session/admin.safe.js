const jwt = require('jsonwebtoken');
function isAdmin(req, key) {
  const user = jwt.verify(req.headers.authorization.slice(7), key, { algorithms: ['RS256'] });
  return user.role === 'admin';
}
