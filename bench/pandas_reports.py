"""The yardstick of several reports: the four tables of the demo's site-config.json as an analyst
writes them with boto3 and pandas, from one read of the month.

List the month's objects (every page), get_object each in turn, read_csv, concat; then
  requests by service (split by case_record_type), requests by council district,
  median case_age_days by service of the rows whose status is Closed,
  requests by weekday and hour of requested_datetime;
each to_csv and to_html.
usage: pandas_reports.py BUCKET PREFIX OUT_DIR   (endpoint and credentials from AWS_* env)
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

by_service = month.groupby(["service_name", "case_record_type"]).size().rename("count").reset_index()
by_district = month.groupby("council_district").size().sort_values(ascending=False).rename("count").reset_index()
closed = month[month["status"] == "Closed"]
days = closed.groupby("service_name")["case_age_days"].median().sort_values(ascending=False)
days = days.rename("median_case_age_days").reset_index()
# the wall-clock weekday and hour written in the cell, as the site's heatmap reads them
requested = pd.to_datetime(month["requested_datetime"])
weekday = requested.dt.day_name().rename("requested_datetime_weekday")
hour = requested.dt.strftime("%H").rename("requested_datetime_hour")
arrive = month.groupby([weekday, hour]).size().rename("count").reset_index()

os.makedirs(out, exist_ok=True)
tables = {
    "requests-by-service": by_service,
    "requests-by-district": by_district,
    "days-to-close": days,
    "when-requests-arrive": arrive,
}
for name, table in tables.items():
    table.to_csv(os.path.join(out, f"{name}.csv"), index=False)
    with open(os.path.join(out, f"{name}.html"), "w") as f:
        f.write(table.to_html(index=False))
