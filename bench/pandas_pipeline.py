"""The yardstick: the month report as an analyst writes it with boto3 and pandas.

List the month's objects (every page), get_object each in turn, read_csv, concat,
groupby().size(), then to_csv and to_html.
usage: pandas_pipeline.py BUCKET PREFIX OUT_DIR   (endpoint and credentials from AWS_* env)
"""
import io, os, sys
import boto3
import pandas as pd

bucket, prefix, out = sys.argv[1], sys.argv[2], sys.argv[3]
s3 = boto3.client("s3", endpoint_url=os.environ.get("AWS_ENDPOINT_URL"))
keys = []
for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
    keys += [o["Key"] for o in page.get("Contents", [])]
frames = [pd.read_csv(io.BytesIO(s3.get_object(Bucket=bucket, Key=k)["Body"].read())) for k in keys]
month = pd.concat(frames)
counts = month.groupby("service_name").size().sort_values(ascending=False).rename("count").reset_index()
os.makedirs(out, exist_ok=True)
counts.to_csv(os.path.join(out, "final_report.csv"), index=False)
with open(os.path.join(out, "final_report.html"), "w") as f:
    f.write(counts.to_html(index=False))
