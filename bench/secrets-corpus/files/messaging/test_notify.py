def test_posts_to_slack(monkeypatch):
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-992999301859-302599839333-oxFOtB63cEPjIOY4yS3TlRHw")
    assert notify("deploy done")
