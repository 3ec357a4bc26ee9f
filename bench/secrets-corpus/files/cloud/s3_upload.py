import boto3

s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIA9A322AXZB6CQRZTP",
    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
)
