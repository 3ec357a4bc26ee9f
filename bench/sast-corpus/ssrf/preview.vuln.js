const express = require('express');
const app = express();
const axios = require('axios');
app.get('/preview', async (req, res) => {
  const { data } = await axios.get(req.query.url);
  res.send(data);
});
