const express = require('express');
const app = express();
const prefs = {};
app.post('/prefs', express.json(), (req, res) => {
  const { section, key, value } = req.body;
  prefs[section][key] = value;
  res.sendStatus(204);
});
