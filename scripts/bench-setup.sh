#!/usr/bin/env bash
# Installs the benchmark's yardsticks that npm does not: Debian's python3-pandas and python3-boto3
# (the analyst's script) and awscli (`aws s3 sync`), plus the test server's packages (test-setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-setup.sh
need=()
/usr/bin/python3 -c "import boto3" >/dev/null 2>&1 || need+=(python3-boto3)
command -v aws >/dev/null 2>&1 || need+=(awscli)
bash scripts/apt-install.sh bench-setup ${need[@]+"${need[@]}"}
