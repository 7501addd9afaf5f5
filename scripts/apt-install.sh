#!/usr/bin/env bash
# apt-install.sh LABEL PACKAGE...: install Debian packages (nothing to do without any), as root or
# through sudo. The project's setup scripts use it; nothing is ever installed by hand.
set -euo pipefail
label=$1
shift
(($#)) || exit 0
SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"
echo "[$label] installing $* with apt-get" >&2
$SUDO apt-get update -q >&2 || echo "[$label] apt-get update failed; trying install anyway" >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "$@" >&2
