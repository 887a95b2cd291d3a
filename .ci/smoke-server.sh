#!/usr/bin/env bash
# Starts `npm start` on a new database, checks that it serves the web application and the public
# portal's API, and stops it.
set -euo pipefail
dir=$(mktemp -d)
port=18080
# In its own process group, so that stopping it stops npm and the server it runs.
DAYLIGHT_DB="$dir/smoke.db" PORT=$port setsid npm start --silent >"$dir/server.log" 2>&1 &
pid=$!
trap 'kill -- -$pid 2>/dev/null || true; sleep 1; rm -rf "$dir"' EXIT
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/api/session" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/" | grep -q '<div id="root">'
curl -fsS "http://127.0.0.1:$port/api/public/figures?rows=act_type_top" | grep -q '"published"'
echo "smoke: npm start serves the application on a new database"
