const express = require('express');
const app = express();
const ALLOWED = ['https://app.example.com'];
app.use((req, res, next) => {
  if (ALLOWED.includes(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', ALLOWED[0]);
  next();
});
