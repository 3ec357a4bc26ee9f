const express = require('express');
const app = express();
const HOOKS = { slack: 'https://hooks.slack.com/services/x' };
app.post('/hook', express.json(), async (req, res) => {
  await fetch(HOOKS.slack, { method: 'POST', body: JSON.stringify({ text: req.body.text }) });
  res.sendStatus(204);
});
