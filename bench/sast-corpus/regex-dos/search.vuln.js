const express = require('express');
const app = express();
app.get('/search', (req, res) => {
  const re = new RegExp(req.query.q, 'i');
  res.json(['a', 'b'].filter((s) => re.test(s)));
});
