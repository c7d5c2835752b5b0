#!/usr/bin/env bash
# Orders and catalog reads through the gateway: POST /api/orders (each one reserves stock at inventory-service
# with a service token and writes the order and its OrderPlaced event in one transaction) and anonymous
# GET /api/inventory/products (a page of 20 with what is available), with wrk at 50 connections. Prints
# throughput, p50/p95/p99 latency and errors of each, beside the targets (>= 400 orders/s, >= 3,000 catalog
# reads/s, p99 <= 100 ms, 0 errors). Starts its own platform (ports and databases of its own, the rate limits
# raised so the load is not refused) and stops it. Not part of CI.
# Usage: bench/orders-and-catalog.sh [duration per round, default 20s] [connections, 50]
# Environment: BENCH_TARGETS ("orders catalog", or one of them), BENCH_ROUNDS (2), BENCH_USERS (200),
# BENCH_PRODUCTS (50), BENCH_WARMUP (60 s of each target: less leaves the JIT compiling into the measured rounds),
# BENCH_SAMPLING (trace sampling, 0.1), BENCH_ENV_ORDER_SERVICE (extra KEY=VALUE for order-service),
# BENCH_JFR (set: a JFR recording of each service per round, kept in .run/bench/<service>-<target>.jfr; the
# platform's databases are dropped, the recordings stay)
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20s}"
connections="${2:-50}"
rounds="${BENCH_ROUNDS:-2}"
users="${BENCH_USERS:-200}"
product_count="${BENCH_PRODUCTS:-50}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

# shellcheck source=bench/lib.sh
source bench/lib.sh
bench_start
products="$EMPORIUM_RUN_DIR/bench-products"
bench_products "$product_count" "$products"
tokens="$EMPORIUM_RUN_DIR/bench-tokens"
bench_customers "$users" "$tokens"
export BENCH_TOKENS_FILE="$tokens" BENCH_PRODUCTS_FILE="$products"
# one order by hand first: a load of refusals would measure nothing
answer="$(curl -sS -w '\n%{http_code}' -X POST "$gateway/api/orders" -H "authorization: Bearer $(head -n 1 "$tokens")" \
  -H 'content-type: application/json' -d "{\"items\":[{\"productId\":\"$(head -n 1 "$products")\",\"quantity\":1}],
  \"shippingAddress\":{\"name\":\"Bench\",\"line1\":\"1 Load Street\",\"city\":\"Springfield\",\"postalCode\":\"12345\",\"country\":\"US\"}}")"
[[ "$(tail -n 1 <<<"$answer")" == 201 ]] || { echo "bench: a first order was refused: $answer" >&2; exit 1; }
echo "bench: $(wc -l <"$tokens") customers, $(wc -l <"$products") products, $connections connections," \
  "$rounds rounds of $duration per target, trace sampling ${BENCH_SAMPLING:-0.1}"

catalog_url="$gateway/api/inventory/products?page=0&size=20&sort=name,asc"
bench_processes=(gateway user-service inventory-service order-service)
run() {
  local name="$1" out rps p50 p95 p99 non2xx errors requests before after
  # shellcheck disable=SC2034 # read by bench_cpu_per through a name reference
  mapfile -t before < <(bench_snapshot)
  if [[ -n "${BENCH_JFR:-}" ]]; then
    local svc
    for svc in "${bench_processes[@]}"; do
      jcmd "$(cat "$EMPORIUM_RUN_DIR/pids/$svc.pid")" JFR.start name=bench settings=profile \
        filename="$EMPORIUM_RUN_DIR/$svc-$name.jfr" >/dev/null
    done
  fi
  if [[ "$name" == orders ]]; then
    out="$(wrk -t2 -c"$connections" -d"$duration" -s bench/order.lua "$gateway/api/orders")"
  else
    out="$(wrk -t2 -c"$connections" -d"$duration" -s bench/percentiles.lua "$catalog_url")"
  fi
  # shellcheck disable=SC2034
  mapfile -t after < <(bench_snapshot)
  if [[ -n "${BENCH_JFR:-}" ]]; then
    for svc in "${bench_processes[@]}"; do
      jcmd "$(cat "$EMPORIUM_RUN_DIR/pids/$svc.pid")" JFR.stop name=bench >/dev/null
    done
  fi
  rps="$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' <<<"$out")"
  requests="$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<<"$out")"
  p50="$(sed -n 's/^50%: *//p' <<<"$out")"
  p95="$(sed -n 's/^95%: *//p' <<<"$out")"
  p99="$(sed -n 's/^99%: *//p' <<<"$out")"
  non2xx="$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' <<<"$out")"
  errors="$(sed -n 's/^ *Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1+\2+\3+\4/p' <<<"$out")"
  errors=$(( ${non2xx:-0} + ${errors:-0} ))
  printf '%-8s %9.0f %9s %9s %9s %7d' "$name" "$rps" "$p50" "$p95" "$p99" "$errors"
  bench_cpu_per before after "$requests"
  echo
}

warmup="${BENCH_WARMUP:-60}"
targets="${BENCH_TARGETS:-orders catalog}"
echo "warm-up: ${warmup} s of each of: $targets"
[[ " $targets " == *" orders "* ]] && wrk -t2 -c"$connections" -d"${warmup}s" -s bench/order.lua "$gateway/api/orders" >/dev/null
[[ " $targets " == *" catalog "* ]] && wrk -t2 -c"$connections" -d"${warmup}s" "$catalog_url" >/dev/null

echo
printf '%-8s %9s %9s %9s %9s %7s %7s %7s %7s %7s %7s %7s\n' TARGET REQ/S P50 P95 P99 ERRORS GW USER INVENT ORDER PG RABBIT
for _ in $(seq 1 "$rounds"); do
  for target in $targets; do run "$target"; done
done
echo
echo "(GW … RABBIT: CPU µs each process spent per request: gateway, user-, inventory-, order-service, PostgreSQL, RabbitMQ)"
echo "targets: orders >= 400/s, catalog >= 3000/s, p99 <= 100 ms, 0 errors (cores: $(nproc))"
