def test_login(client):
    resp = client.post("/login", json={"username": "alice", "password": "test-password-123"})
    assert resp.status_code == 200
    token = "fake-token-for-tests"
