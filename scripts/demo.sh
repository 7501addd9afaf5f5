#!/usr/bin/env bash
# The demo: a local S3 server, a private raw bucket with 26 months of generated exports, a build
# and a deploy to the public website bucket, using ./site-config.json. The server keeps running.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE="$PWD/.reportsite/rgw"
# the SDK warns that its 2027 releases need Node 22; the pinned one works on Node 20
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
mkdir -p .reportsite
echo "[demo] starting the local S3 server (Ceph RGW) on 127.0.0.1:7480"
bash scripts/s3-local/start-rgw.sh 7480 "$STATE" > .reportsite/demo.env
# shellcheck disable=SC1091
source .reportsite/demo.env
npx tsx scripts/demo-seed.ts site-config.json
node bin/reportsite.mjs build
node bin/reportsite.mjs deploy
cat <<MSG

[demo] dist/ is at $PWD/dist; the website is at http://127.0.0.1:7482/gid-reports/
[demo] preview dist/ locally with: npm run preview
[demo] the S3 server keeps running; for more commands against it, first: source .reportsite/demo.env
[demo] stop it with: npm run s3:stop -- $STATE --kill --purge
MSG
