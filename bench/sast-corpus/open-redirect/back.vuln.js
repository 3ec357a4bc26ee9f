const express = require('express');
const app = express();
app.get('/back', (req, res) => {
  const target = req.headers.referer;
  res.redirect(302, target);
});
