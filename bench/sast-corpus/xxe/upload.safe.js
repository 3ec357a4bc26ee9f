const express = require('express');
const app = express();
const libxmljs = require('libxmljs');
app.post('/upload', express.text(), (req, res) => {
  const doc = libxmljs.parseXml(req.body);
  res.send(doc.root().name());
});
