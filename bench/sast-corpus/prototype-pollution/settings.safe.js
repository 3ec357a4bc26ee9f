const express = require('express');
const app = express();
const _ = require('lodash');
const settings = {};
app.post('/settings', express.json(), (req, res) => {
  _.merge(settings, { theme: req.body.theme === 'dark' ? 'dark' : 'light' });
  res.sendStatus(204);
});
