const express = require('express');
const app = express();
app.get('/', (req, res) => {
  const profile = JSON.parse(Buffer.from(req.cookies.profile, 'base64').toString());
  res.send(profile.name);
});
