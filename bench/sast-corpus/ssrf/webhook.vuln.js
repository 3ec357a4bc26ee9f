const express = require('express');
const app = express();
app.post('/hook', express.json(), async (req, res) => {
  const target = req.body.callbackUrl;
  await fetch(target, { method: 'POST', body: '{}' });
  res.sendStatus(204);
});
