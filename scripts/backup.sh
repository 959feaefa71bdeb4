#!/usr/bin/env bash
# `make backup`: dump DATABASE_URL with pg_dump in the custom format.
#   BACKUP_FILE  where to write (default backups/ttp-<UTC time>.dump)
# The dump is written under a temporary name and renamed when complete, so a
# failed run never leaves a file that looks like a good backup.
set -euo pipefail

url="${DATABASE_URL:-postgres://ttp:ttp@127.0.0.1:5432/ttp}"
file="${BACKUP_FILE:-backups/ttp-$(date -u +%Y%m%dT%H%M%SZ).dump}"

mkdir -p "$(dirname "$file")"
pg_dump --format=custom --no-owner --no-privileges --file "$file.partial" "$url"
pg_restore --list "$file.partial" > /dev/null  # readable archive, or fail here
mv "$file.partial" "$file"
echo "backup: wrote $file ($(du -h "$file" | cut -f1))"
