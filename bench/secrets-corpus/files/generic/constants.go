const (
	TokenTypeBearer = "Bearer"
	PasswordMinLength = 12
	SecretHeader = "X-Webhook-Signature"
)
