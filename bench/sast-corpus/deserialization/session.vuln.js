const express = require('express');
const app = express();
const serialize = require('node-serialize');
app.get('/', (req, res) => {
  const profile = serialize.unserialize(Buffer.from(req.cookies.profile, 'base64').toString());
  res.send(profile.name);
});
