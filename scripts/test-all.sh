#!/usr/bin/env bash
# The whole test run: lint, type check, unit, integration and e2e tests, the benchmark smoke.
# Starts what it needs: PostgreSQL (the local server, else an embedded one) and a Kafka broker.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
cleanup=()
on_exit() { for c in "${cleanup[@]}"; do eval "$c" || true; done; }
trap on_exit EXIT

step() { printf '\n=== %s ===\n' "$*"; }

if [ ! -d node_modules ]; then step "npm install"; npm install --no-audit --no-fund; fi

step "build"
node scripts/build.mjs

step "PostgreSQL"
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
    export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
  else
    url_file="$root/.cache/test-postgres/url"
    rm -f "$url_file"
    node scripts/test-postgres.mjs "$root/.cache/test-postgres" >"$root/.cache/test-postgres.log" 2>&1 &
    pg_pid=$!
    cleanup+=("kill $pg_pid; wait $pg_pid 2>/dev/null")
    for _ in $(seq 1 120); do [ -s "$url_file" ] && break; sleep 1; done
    [ -s "$url_file" ] || { cat "$root/.cache/test-postgres.log"; echo "embedded PostgreSQL did not start"; exit 1; }
    TEST_DATABASE_URL=$(cat "$url_file"); export TEST_DATABASE_URL
  fi
fi
echo "tests use ${TEST_DATABASE_URL%%@*}@… (one database per test file, dropped afterwards)"

if [ -z "${KAFKA_BROKERS:-}" ]; then
  step "Kafka broker (scripts/kafka/broker.sh)"
  export KAFKA_PORT=${KAFKA_PORT:-19092}
  bash scripts/kafka/broker.sh start
  cleanup+=("bash scripts/kafka/broker.sh stop")
  export KAFKA_BROKERS="127.0.0.1:${KAFKA_PORT}"
fi
step "kcat (an independent Kafka client for the header check)"
bash scripts/kafka/kcat-check.sh
export TEST_KAFKA_BROKERS="$KAFKA_BROKERS"

if [ ! -x /usr/bin/chromium ]; then
  step "chromium (the dashboard's browser test drives Debian's chromium)"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium
fi

step "lint"
npm run -s lint
step "type check"
npm run -s typecheck
step "tests (unit, integration, e2e)"
mkdir -p test-artifacts
status=0
npx jest --maxWorkers=2 --json --outputFile=test-artifacts/jest-results.json || status=$?
node -e '
  const r = require("./test-artifacts/jest-results.json");
  console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
'
[ "$status" -eq 0 ] || exit "$status"

if [ "${CI:-}" = "true" ] || [ "${BENCH_SMOKE:-}" = "1" ]; then
  step "benchmark smoke (npm run bench -- --quick; no thresholds)"
  npm run -s bench -- --quick
fi
