from slack_sdk import WebClient

client = WebClient(token="xoxb-674301099396-5940760713011-lSOPvfybNo1BElU9BjnW2XYo")
client.chat_postMessage(channel="#deploys", text="done")
