const apiKey = process.env.API_KEY;
const token = await auth.getToken();
const secretName = "prod/payments/api";
const tokenUrl = "https://auth.corp.internal/oauth/token";
