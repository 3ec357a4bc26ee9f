const express = require('express');
const app = express();
app.get('/back', (req, res) => {
  res.redirect(302, '/home');
});
