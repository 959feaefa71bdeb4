#!/usr/bin/env bash
# `make restore`: restore a pg_dump custom-format archive into DATABASE_URL.
#   BACKUP_FILE  the archive (default: the newest backups/*.dump)
# Creates the database when it does not exist; otherwise replaces the objects in
# the archive (--clean). Runs in one transaction: all of it or nothing.
set -euo pipefail

url="${DATABASE_URL:-postgres://ttp:ttp@127.0.0.1:5432/ttp}"
file="${BACKUP_FILE:-$(ls -t backups/*.dump 2>/dev/null | head -n 1)}"
if [[ -z "$file" || ! -f "$file" ]]; then
    echo "restore: no backup file (set BACKUP_FILE or run make backup)" >&2
    exit 2
fi

database="${url##*/}"
database="${database%%\?*}"
server="${url%/*}"
exists="$(psql "$server/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")"
if [[ "$exists" != "1" ]]; then
    echo "restore: creating database $database"
    psql "$server/postgres" -qc "CREATE DATABASE \"$database\""
fi
pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
    --single-transaction --dbname "$url" "$file"
echo "restore: $file -> $database"
