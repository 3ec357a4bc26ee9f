ShopifyAPI::Context.setup(
  api_key: ENV["SHOPIFY_API_KEY"],
  access_token: "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",
)
