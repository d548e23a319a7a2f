#!/usr/bin/env bash
# The browser test against the local stack. Reuses a stack that is already up (./run in another
# terminal); otherwise starts one, and stops it again at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ]; then
  echo "The browser test needs Chromium: apt-get install chromium (or set CHROMIUM to its path)." >&2
  exit 2
fi
command -v npm >/dev/null || { echo "The browser test needs Node.js with npm." >&2; exit 2; }
export CHROMIUM

ready=.local/stack.ready
started_here=""
stop_stack() {
  if [ -n "$started_here" ] && kill -0 "$started_here" 2>/dev/null; then
    echo "Stopping the local stack started for the test..."
    kill -TERM "$started_here"
    wait "$started_here" 2>/dev/null || true
  fi
}
trap stop_stack EXIT

if [ -f "$ready" ] && curl -fsS -o /dev/null http://localhost:8088/actuator/health; then
  echo "Using the local stack that is already running."
else
  mkdir -p .local/logs
  echo "Starting the local stack (log: .local/logs/run.log)..."
  ./run > .local/logs/run.log 2>&1 &
  started_here=$!
  for _ in $(seq 1 600); do
    [ -f "$ready" ] && break
    if ! kill -0 "$started_here" 2>/dev/null; then
      echo "The local stack did not start:" >&2
      grep -v '^WARNING' .local/logs/run.log | tail -20 >&2
      exit 1
    fi
    sleep 1
  done
  [ -f "$ready" ] || { echo "The local stack was not ready within 10 minutes." >&2; tail -20 .local/logs/run.log >&2; exit 1; }
  grep -v '^WARNING' .local/logs/run.log | grep -E '^\[|^Ready'
fi

(cd e2e && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund; } && npm test)
