const admin = require("firebase-admin");
const config = {
  databaseURL: "https://corp-prod.firebaseio.com",
  serviceAccountSecret: "_LUsisinxbYpyI99vN7ecPYHkoj6d0snI4suJgj6bFMBguGl",
};
