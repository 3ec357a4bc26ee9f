const express = require('express');
const app = express();
app.post('/login', (req, res) => {
  res.redirect(req.query.next);
});
