#!/usr/bin/env bash
# Logins per second on user-service (Argon2id verification, token signing, refresh-token insert, Redis
# throttles), measured with wrk against a user-service that this script starts and stops. Not part of CI.
# Usage: bench/login-throughput.sh [duration, default 20s] [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20s}"
connections="${2:-16}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

if curl -fsS -o /dev/null "http://127.0.0.1:3001/health/ready" 2>/dev/null; then
  echo "bench: user-service already answers on 3001; stop it first (./emporium stop)" >&2
  exit 1
fi
# the bench speaks from one address: raise that address's login limit, keep everything else as shipped
EMPORIUM_ENV_USER_SERVICE="LOGIN_ADDRESS_LIMIT=100000000 REGISTER_ADDRESS_LIMIT=1000 ${BENCH_ENV:-}" ./emporium start
trap './emporium stop' EXIT

export BENCH_EMAIL_PREFIX="bench-$(date +%s)-" BENCH_PASSWORD="a perfectly long bench password" BENCH_ACCOUNTS=64
for i in $(seq 0 $((BENCH_ACCOUNTS - 1))); do
  curl -fsS -o /dev/null -X POST http://127.0.0.1:3001/api/auth/register -H 'content-type: application/json' \
    -d "{\"email\":\"$BENCH_EMAIL_PREFIX$i@example.com\",\"password\":\"$BENCH_PASSWORD\",\"displayName\":\"Bench\"}"
done
# warm-up, then the measured run
wrk -t2 -c"$connections" -d5s -s bench/login.lua http://127.0.0.1:3001/api/auth/login >/dev/null
echo "login throughput, $connections connections, $duration:"
wrk -t2 -c"$connections" -d"$duration" --latency -s bench/login.lua http://127.0.0.1:3001/api/auth/login
