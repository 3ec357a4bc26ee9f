Gitlab.configure do |config|
  config.endpoint = "https://gitlab.corp.internal/api/v4"
  config.private_token = "glpat-5M3rB6RCoK3pmQqIEdAE"
end
