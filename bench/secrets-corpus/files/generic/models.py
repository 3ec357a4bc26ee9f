class User(Base):
    password_hash: str
    api_key: Optional[str] = None
    token = Column(String(64))

def login(password: str) -> Token:
    token = create_token(user)
    return token
