const express = require('express');
const app = express();
const axios = require('axios');
app.get('/preview', async (req, res) => {
  const { data } = await axios.get('https://api.example.com/preview', { params: { id: req.query.id } });
  res.send(data);
});
