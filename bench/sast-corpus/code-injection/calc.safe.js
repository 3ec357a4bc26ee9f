const express = require('express');
const app = express();
const ops = { add: (a, b) => a + b, mul: (a, b) => a * b };
app.post('/calc', express.json(), (req, res) => {
  const op = ops[req.body.op];
  res.json({ result: op ? op(req.body.a, req.body.b) : null });
});
