const express = require('express');
const app = express();
const escapeRegExp = require('lodash.escaperegexp');
app.get('/search', (req, res) => {
  const re = new RegExp(escapeRegExp(req.query.q), 'i');
  res.json(['a', 'b'].filter((s) => re.test(s)));
});
