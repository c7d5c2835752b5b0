#!/usr/bin/env bash
# What the gateway costs: the same cheap authenticated read (GET /api/users/me) measured directly on
# user-service and through the gateway (JWT verification, per-consumer rate limiting in Redis, circuit breaker,
# header rewriting all on; the user route's limit raised so the load is not refused), with wrk at 100
# connections, alternating the two targets. Prints throughput, p50/p99 latency, errors, CPU per request of each
# process, and the ratio gateway / direct. Starts its own platform (ports and databases of its own) and stops
# it. Not part of CI. Usage: bench/gateway-overhead.sh [duration per round, default 20s] [connections, 100]
# Environment: BENCH_ROUNDS (2), BENCH_USERS (100), BENCH_WARMUP (60 s), BENCH_SAMPLING (trace sampling, 0.1),
# BENCH_ENV_GATEWAY / BENCH_ENV_USER_SERVICE (extra KEY=VALUE for one of them)
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20s}"
connections="${2:-100}"
rounds="${BENCH_ROUNDS:-2}"
users="${BENCH_USERS:-100}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

export EMPORIUM_RUN_DIR="$PWD/.run/bench" EMPORIUM_PORTS=auto EMPORIUM_DB_PREFIX=bench_ EMPORIUM_DB_FRESH=1
# the bench registers its users from one address, and the users' route must not refuse the load; buckets of
# its own in Redis (a bucket keeps the limits it was created with)
keys="emporium:bench:$(date +%s):"
export EMPORIUM_ENV_USER_SERVICE="REGISTER_ADDRESS_LIMIT=100000 LOGIN_ADDRESS_LIMIT=100000 THROTTLE_KEY_PREFIX=${keys}user: ${BENCH_ENV_USER_SERVICE:-}"
export EMPORIUM_ENV_GATEWAY="USERS_RATE_LIMIT=1000000000 RATE_LIMIT_KEY_PREFIX=${keys}gateway: ${BENCH_ENV_GATEWAY:-}"
# both processes at the platform's default sampling (the run command would sample every trace)
export EMPORIUM_ENV="TRACING_SAMPLING_PROBABILITY=${BENCH_SAMPLING:-0.1}"
./emporium start
trap 'EMPORIUM_DB_DROP=1 ./emporium stop >/dev/null' EXIT

url_of() { sed -n "s/^$1_URL=//p" "$EMPORIUM_RUN_DIR/services.env"; }
gateway="$(url_of GATEWAY)"
direct="$(url_of USER_SERVICE)"
pid_of() { cat "$EMPORIUM_RUN_DIR/pids/$1.pid"; }
gateway_pid="$(pid_of gateway)"
service_pid="$(pid_of user-service)"
redis_pid="$(pgrep -x redis-server | head -n 1 || true)"

tokens="$EMPORIUM_RUN_DIR/bench-tokens"
: >"$tokens"
for i in $(seq 1 "$users"); do
  body="{\"email\":\"bench-$i-$RANDOM@example.com\",\"password\":\"a perfectly long bench password\",\"displayName\":\"Bench $i\"}"
  curl -fsS -o /dev/null -X POST "$gateway/api/auth/register" -H 'content-type: application/json' -d "$body"
  token="$(curl -fsS -X POST "$gateway/api/auth/login" -H 'content-type: application/json' -d "$body" |
    sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')"
  [[ -n "$token" ]] || { echo "bench: login of bench user $i gave no token" >&2; exit 1; }
  printf '%s\n' "$token" >>"$tokens"
done
export BENCH_TOKENS_FILE="$tokens"
echo "bench: $(wc -l <"$tokens") users, $connections connections, $rounds rounds of $duration per target," \
  "trace sampling ${BENCH_SAMPLING:-0.1}"

cpu_ticks() { [[ -n "$1" ]] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }
ticks_per_second="$(getconf CLK_TCK)"

# run TARGET_NAME URL: one wrk round; prints one line of figures
run() {
  local name="$1" url="$2" out requests rps p50 p99 non2xx errors g0 s0 r0 g1 s1 r1
  g0="$(cpu_ticks "$gateway_pid")" s0="$(cpu_ticks "$service_pid")" r0="$(cpu_ticks "$redis_pid")"
  out="$(wrk -t2 -c"$connections" -d"$duration" --latency -s bench/tokens.lua "$url/api/users/me")"
  g1="$(cpu_ticks "$gateway_pid")" s1="$(cpu_ticks "$service_pid")" r1="$(cpu_ticks "$redis_pid")"
  requests="$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<<"$out")"
  rps="$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  non2xx="$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' <<<"$out")"
  errors="$(sed -n 's/^ *Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1+\2+\3+\4/p' <<<"$out")"
  errors=$(( ${non2xx:-0} + ${errors:-0} ))
  awk -v n="$name" -v rps="$rps" -v p50="$p50" -v p99="$p99" -v e="$errors" -v req="$requests" -v hz="$ticks_per_second" \
    -v g="$((g1 - g0))" -v s="$((s1 - s0))" -v r="$((r1 - r0))" 'BEGIN {
      printf "%-8s %9.0f %9s %9s %7d %12.0f %12.0f %10.0f\n", n, rps, p50, p99, e,
        g * 1e6 / hz / req, s * 1e6 / hz / req, r * 1e6 / hz / req }'
  printf '%s %s\n' "$name" "$rps" >>"$EMPORIUM_RUN_DIR/bench-rps"
}

warmup="${BENCH_WARMUP:-60}"
echo "warm-up: ${warmup} s on the gateway path (the reactive stack takes C2 about that long on 2 cores), half on the direct one"
wrk -t2 -c"$connections" -d"$((warmup / 2))s" -s bench/tokens.lua "$direct/api/users/me" >/dev/null
wrk -t2 -c"$connections" -d"${warmup}s" -s bench/tokens.lua "$gateway/api/users/me" >/dev/null

: >"$EMPORIUM_RUN_DIR/bench-rps"
echo
printf '%-8s %9s %9s %9s %7s %12s %12s %10s\n' TARGET REQ/S P50 P99 ERRORS "GW µs/REQ" "SVC µs/REQ" "REDIS µs"
for round in $(seq 1 "$rounds"); do
  run direct "$direct"
  run gateway "$gateway"
done
awk '{ sum[$1] += $2; n[$1]++ } END {
  d = sum["direct"] / n["direct"]; g = sum["gateway"] / n["gateway"]
  printf "\nmean: direct %.0f req/s, through the gateway %.0f req/s; ratio gateway/direct = %.2f (target >= 0.60)\n", d, g, g / d }' \
  "$EMPORIUM_RUN_DIR/bench-rps"
echo "(µs/REQ: CPU time each process spent per request in that round; the machine's cores: $(nproc))"
