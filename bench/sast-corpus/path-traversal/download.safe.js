const express = require('express');
const app = express();
const fs = require('fs');
const path = require('path');
app.get('/files', (req, res) => {
  const file = path.join(__dirname, 'uploads', path.basename(req.query.name));
  fs.readFile(file, (err, data) => res.send(data));
});
