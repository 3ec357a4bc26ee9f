import Stripe from "stripe";

export const stripe = new Stripe("sk_live_4XS9IWa4NBIYiAIkmbHfncCz", { apiVersion: "2024-06-20" });
