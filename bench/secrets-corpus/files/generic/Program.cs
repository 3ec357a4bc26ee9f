var client = new PaymentClient(new PaymentOptions {
    ClientSecret = "hLJzh7DZ6PcQTy4iIX5uHUf6e2exD5pO",
    Region = "eu"
});
