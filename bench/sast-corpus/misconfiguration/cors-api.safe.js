const express = require('express');
const app = express();
const cors = require('cors');
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
