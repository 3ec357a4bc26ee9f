const express = require('express');
const app = express();
const { execFile } = require('child_process');
app.get('/ping', (req, res) => {
  execFile('ping', ['-c', '1', String(req.query.host)], (err, out) => res.type('text').send(out));
});
