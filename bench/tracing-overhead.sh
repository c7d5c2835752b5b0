#!/usr/bin/env bash
# What tracing costs at 100 % sampling: anonymous catalog reads through the gateway (GET /api/inventory/products,
# a page of 20: the gateway's server and client spans, inventory-service's server span and its query spans), each
# request a trace of its own, with wrk at 100 connections. On one platform started with sampling 1.0 and its
# Zipkin server, rounds alternate between requests whose traceparent says "sampled" (every span recorded and
# exported to Zipkin) and "not sampled" (the parent-based sampler records and exports nothing: sampling 0), so
# both sides share the same JVMs, JIT state and machine load. Prints req/s, p50/p95/p99 and errors per round,
# CPU per request of the gateway, inventory-service and Zipkin, the mean of each side, the overhead in % of
# throughput of each round's pair and their median (target <= 10 %), the CPU per request of each side, and
# checks that Zipkin received the sampled traces. Starts its own platform (ports and databases of its own, rate
# limits raised) and stops it. Not part of CI.
# Usage: bench/tracing-overhead.sh [duration per round, default 8s] [connections, 100]
# Environment: BENCH_ROUNDS (5 per side), BENCH_WARMUP (90 s of each side: less leaves the JIT compiling into the
# measured rounds on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-8s}"
connections="${2:-100}"
rounds="${BENCH_ROUNDS:-5}"
warmup="${BENCH_WARMUP:-90}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

# shellcheck source=bench/lib.sh
source bench/lib.sh
export BENCH_SAMPLING=1.0
bench_start
zipkin="$(sed -n 's/^ZIPKIN_URL=//p' "$EMPORIUM_RUN_DIR/services.env")"
[[ -n "$zipkin" ]] || { echo "bench: the platform runs no Zipkin (EMPORIUM_ZIPKIN=0 or OTEL_EXPORTER_OTLP_ENDPOINT set?)" >&2; exit 1; }
catalog_url="$gateway/api/inventory/products?page=0&size=20&sort=name,asc"
[[ "$(curl -s -o /dev/null -w '%{http_code}' "$catalog_url")" == 200 ]] || { echo "bench: the catalog does not answer" >&2; exit 1; }
pid_of() { cat "$EMPORIUM_RUN_DIR/pids/$1.pid"; }
procs=("$(pid_of gateway)" "$(pid_of inventory-service)" "$(pid_of zipkin)")
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
hz="$(getconf CLK_TCK)"
echo "bench: $connections connections, $rounds rounds of $duration per side, platform sampling 1.0, Zipkin at $zipkin"

# run NAME SAMPLED: one wrk round; one line of figures, and "NAME RPS" into the tally
run() {
  local name="$1" out rps requests p50 p95 p99 non2xx errors before=() after=() pid i
  for pid in "${procs[@]}"; do before+=("$(ticks "$pid")"); done
  out="$(BENCH_SAMPLED="$2" wrk -t2 -c"$connections" -d"$duration" -s bench/traced.lua "$catalog_url")"
  for pid in "${procs[@]}"; do after+=("$(ticks "$pid")"); done
  rps="$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' <<<"$out")"
  requests="$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<<"$out")"
  p50="$(sed -n 's/^50%: *//p' <<<"$out")"
  p95="$(sed -n 's/^95%: *//p' <<<"$out")"
  p99="$(sed -n 's/^99%: *//p' <<<"$out")"
  non2xx="$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' <<<"$out")"
  errors="$(sed -n 's/^ *Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1+\2+\3+\4/p' <<<"$out")"
  errors=$(( ${non2xx:-0} + ${errors:-0} ))
  printf '%-12s %9.0f %9s %9s %9s %7d' "$name" "$rps" "$p50" "$p95" "$p99" "$errors"
  for i in "${!procs[@]}"; do
    awk -v d="$((after[i] - before[i]))" -v hz="$hz" -v n="$requests" 'BEGIN { printf " %9.0f", (n > 0 ? d * 1e6 / hz / n : 0) }'
  done
  echo
  local cpu=0
  for i in "${!procs[@]}"; do cpu=$((cpu + after[i] - before[i])); done
  printf '%s %s %s %s\n' "$round" "$name" "$rps" "$(awk -v d="$cpu" -v hz="$hz" -v n="$requests" \
    'BEGIN { printf "%.0f", (n > 0 ? d * 1e6 / hz / n : 0) }')" >>"$EMPORIUM_RUN_DIR/bench-tracing"
}

echo "warm-up: ${warmup} s of each side (the reactive stack takes C2 a while on 2 cores)"
BENCH_SAMPLED=1 wrk -t2 -c"$connections" -d"${warmup}s" -s bench/traced.lua "$catalog_url" >/dev/null
BENCH_SAMPLED=0 wrk -t2 -c"$connections" -d"${warmup}s" -s bench/traced.lua "$catalog_url" >/dev/null

: >"$EMPORIUM_RUN_DIR/bench-tracing"
echo
printf '%-12s %9s %9s %9s %9s %7s %9s %9s %9s\n' SIDE REQ/S P50 P95 P99 ERRORS "GW µs" "INV µs" "ZIPKIN µs"
# The sides take turns in A B B A order, so a trend (the JIT still compiling, another load on the machine
# coming or going) weighs on both alike; each round's pair gives one overhead figure, and the median of them is
# the least moved by a round that something else disturbed.
for round in $(seq 1 "$rounds"); do
  if ((round % 2)); then
    run unsampled 0
    run sampled 1
  else
    run sampled 1
    run unsampled 0
  fi
done
awk '{ rps[$1, $2] = $3; cpu[$1, $2] = $4; if ($1 > rounds) rounds = $1 }
  END {
    for (r = 1; r <= rounds; r++) {
      off += rps[r, "unsampled"]; on += rps[r, "sampled"]
      offc += cpu[r, "unsampled"]; onc += cpu[r, "sampled"]
      pair[r] = (rps[r, "unsampled"] - rps[r, "sampled"]) * 100 / rps[r, "unsampled"]
    }
    # the median by insertion sort (no gawk-only asort)
    for (i = 2; i <= rounds; i++) { v = pair[i]; for (j = i - 1; j >= 1 && pair[j] > v; j--) pair[j + 1] = pair[j]; pair[j + 1] = v }
    median = (rounds % 2) ? pair[(rounds + 1) / 2] : (pair[rounds / 2] + pair[rounds / 2 + 1]) / 2
    printf "\nmean: not sampled %.0f req/s, sampled and exported %.0f req/s; overhead %.1f %% of throughput\n",
      off / rounds, on / rounds, (off - on) * 100 / off
    printf "overhead per round, sorted:"; for (r = 1; r <= rounds; r++) printf " %.1f %%", pair[r]
    printf "; median %.1f %% (target <= 10 %%)\n", median
    printf "CPU per request (gateway + inventory-service + Zipkin): not sampled %.0f µs, sampled %.0f µs (+%.1f %%)\n",
      offc / rounds, onc / rounds, (onc - offc) * 100 / offc
  }' "$EMPORIUM_RUN_DIR/bench-tracing"
# the sampled side really was traced: Zipkin knows the gateway's and inventory-service's spans of the last minute
traces="$(curl -fsS "$zipkin/api/v2/traces?serviceName=inventory-service&lookback=60000&limit=100000" | grep -o '"traceId":"[0-9a-f]*"' | sort -u | wc -l)"
echo "Zipkin holds $traces traces with an inventory-service span from the last minute (it keeps at most ${EMPORIUM_ZIPKIN_MAX_SPANS:-50000} spans)"
echo "(µs: CPU time each process spent per request in that round; the machine's cores: $(nproc))"
