const express = require('express');
const app = express();
const _ = require('lodash');
const settings = {};
app.post('/settings', express.json(), (req, res) => {
  _.merge(settings, req.body);
  res.sendStatus(204);
});
