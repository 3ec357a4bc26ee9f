const express = require('express');
const app = express();
app.get('/avatar/:name', (req, res) => {
  res.sendFile(req.params.name, { root: '/srv/avatars' });
});
