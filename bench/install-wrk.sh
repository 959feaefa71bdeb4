#!/usr/bin/env bash
# wrk (Debian package) for the throughput column of `make bench`; only when missing.
set -euo pipefail
command -v wrk >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "bench: wrk is missing; install it (apt-get install wrk) or run as root" >&2
  exit 1
fi
echo "bench: installing wrk"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends wrk >/dev/null
