#!/usr/bin/env bash
# Installs the system packages the registry needs, when they are missing:
# PostgreSQL + PostGIS (for the local server's major version), GDAL/GEOS/PROJ,
# Redis, python3-venv and nginx. Needs root or sudo only when something is missing.
set -euo pipefail

need=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }

pg_major() {
  if have_cmd pg_lsclusters && [ -n "$(pg_lsclusters -h 2>/dev/null)" ]; then
    pg_lsclusters -h | awk '{print $1}' | sort -n | tail -n 1
  elif [ -d /usr/lib/postgresql ] && ls /usr/lib/postgresql | grep -q .; then
    ls /usr/lib/postgresql | sort -n | tail -n 1
  fi
}

local_db=1
case "${DATABASE_URL:-}" in
  "" | *@127.0.0.1* | *@localhost* | *@\[::1\]*) ;;
  *) local_db=0 ;;
esac

major=$(pg_major || true)
if [ "$local_db" = 1 ]; then
  if [ -z "$major" ]; then
    need+=(postgresql postgresql-contrib)
  fi
  if [ -n "$major" ] && [ ! -f "/usr/share/postgresql/$major/extension/postgis.control" ]; then
    need+=("postgresql-$major-postgis-3")
  fi
fi
have_lib libgdal.so || need+=(gdal-bin)
have_lib libgeos_c.so || need+=(libgeos-c1v5)
have_lib libproj.so || need+=(proj-bin)
have_cmd psql || need+=(postgresql-client)
if [ -z "${REDIS_URL:-}" ] && ! have_cmd redis-server; then
  need+=(redis-server)
fi
python3 -c 'import ensurepip, venv' 2>/dev/null || need+=(python3-venv)
# Map clients: npm installs MapLibre GL JS (package-lock.json); the browser test
# drives Debian's headless Chromium; gdal-bin's ogrinfo/ogr2ogr read our tiles.
have_cmd npm || need+=(npm)
have_cmd chromium || need+=(chromium)
# nginx: `make run` serves through it (Procfile proxy, scripts/run_nginx.py), so
# slow clients never hold gunicorn's sync workers (issue 13).
have_cmd nginx || [ -x /usr/sbin/nginx ] || need+=(nginx)
# gettext: msgfmt/xgettext for `make messages` (issue 5; the compiled .mo is committed).
have_cmd msgfmt || need+=(gettext)
have_cmd ogr2ogr || need+=(gdal-bin)

if [ ${#need[@]} -eq 0 ]; then
  echo "setup: system packages present"
  exit 0
fi

if [ "$(id -u)" = 0 ]; then sudo=""; elif have_cmd sudo; then sudo="sudo"; else
  echo "setup: missing packages ${need[*]}; run as root or install them" >&2
  exit 1
fi
echo "setup: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# When no server was installed before, its version is only known now.
major=$(pg_major || true)
if [ "$local_db" = 1 ] && [ ! -f "/usr/share/postgresql/$major/extension/postgis.control" ]; then
  $sudo apt-get install -y -qq --no-install-recommends "postgresql-$major-postgis-3" >/dev/null
fi
echo "setup: system packages installed"
