const express = require('express');
const app = express();
const { Pool } = require('pg');
const pool = new Pool();
app.get('/users', async (req, res) => {
  const { rows } = await pool.query(`SELECT * FROM users WHERE email = '${req.query.email}'`);
  res.json(rows);
});
