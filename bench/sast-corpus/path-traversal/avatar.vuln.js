const express = require('express');
const app = express();
app.get('/avatar/:name', (req, res) => {
  res.sendFile('/srv/avatars/' + req.params.name);
});
