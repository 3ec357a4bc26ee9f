client = Square::Client.new(
  access_token: "EAAAv4HAwKKmzAAuL6ay0Oogg_tzsB8Y-U1C4MekqtLBM3P0WtndgRNglYWh6l0d",
  environment: "production"
)
