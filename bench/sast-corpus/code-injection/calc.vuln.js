const express = require('express');
const app = express();
app.post('/calc', express.json(), (req, res) => {
  const expr = req.body.expression;
  res.json({ result: eval(expr) });
});
