const stripe = Stripe(process.env.STRIPE_PUBLISHABLE_KEY);
const secret = await fetchClientSecret(orderId);
