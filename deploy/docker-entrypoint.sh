#!/bin/sh
# The server image's entrypoint (see docs/deployment.md).
#   serve (the default)  migrate the database, then run the API with $WORKERS processes
#   anything else        a `shopguide-server` command: migrate, seed, create-user, --help
# Migrating at every start is safe with several containers: migrations take a
# PostgreSQL advisory lock, so the others wait and then find nothing to do.
set -eu

if [ "${1:-serve}" = "serve" ]; then
    [ "$#" -gt 0 ] && shift
    shopguide-server migrate
    exec shopguide-server serve --host 0.0.0.0 --port "${PORT:-8000}" --workers "${WORKERS:-2}" "$@"
fi
exec shopguide-server "$@"
