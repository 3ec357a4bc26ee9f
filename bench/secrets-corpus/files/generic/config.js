module.exports = {
  port: 8080,
  apiKey: "2vzUqf7zBkvJDy02pyoe3lVjkx0dJcGJpdNegR2Y",
  timeoutMs: 5000,
};
