const express = require('express');
const app = express();
const prefs = new Map();
app.post('/prefs', express.json(), (req, res) => {
  prefs.set(String(req.body.key), String(req.body.value));
  res.sendStatus(204);
});
