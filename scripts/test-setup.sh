#!/usr/bin/env bash
# Installs what the test suite needs that npm does not: Ceph RGW (the local S3 server), Chromium
# (browser tests), jq (the generated workflow's summary lines run in a test) and Debian's python3-pandas
# (the reference the aggregate counts are checked against). Idempotent and quiet when everything is there; needs root (or sudo) to install.
set -euo pipefail
need=()
for bin in ceph-mon:ceph-mon ceph-osd:ceph-osd radosgw:radosgw ceph:ceph-common monmaptool:ceph-base \
           uuidgen:uuid-runtime curl:curl chromium:chromium jq:jq; do
  command -v "${bin%%:*}" >/dev/null 2>&1 || need+=("${bin#*:}")
done
/usr/bin/python3 -c "import pandas" >/dev/null 2>&1 || need+=(python3-pandas)
bash "$(dirname "$0")/apt-install.sh" test-setup ${need[@]+"${need[@]}"}
