#!/usr/bin/env bash
# Complete checkouts through the gateway: order (stock reserved at inventory-service), payment (payment-service
# takes the amount from OrderPlaced or order-service, charges the sandbox, records PaymentSucceeded), and the
# order read until it is "confirmed" (the event crossed the broker to order-service). wrk drives each connection
# through that cycle (bench/checkout.lua, one thread per connection). Prints checkouts/s, p50/p95/p99/max from
# sending the order to reading "confirmed", failures, and the CPU µs each process spent per checkout, beside the
# targets (>= 250 checkouts/s, p99 <= 250 ms, 0 errors). Starts its own platform (ports and databases of its
# own, rate limits and the pending-order cap raised) and stops it. Not part of CI.
# Usage: bench/checkout.sh [duration per round, default 20s] [connections, default 32]
# Environment: BENCH_ROUNDS (2), BENCH_USERS (200), BENCH_PRODUCTS (50), BENCH_WARMUP (seconds, 60),
# BENCH_POLL_MS (5: the wait between two reads of a pending order), BENCH_SAMPLING (trace sampling, 0.1),
# BENCH_ENV_ORDER_SERVICE / BENCH_ENV_PAYMENT_SERVICE (extra KEY=VALUE for those services), BENCH_JFR (set: a JFR
# recording of each service per round, kept in .run/bench/<service>-round<n>.jfr)
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20s}"
connections="${2:-32}"
rounds="${BENCH_ROUNDS:-2}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

# shellcheck source=bench/lib.sh
source bench/lib.sh
bench_start
products="$EMPORIUM_RUN_DIR/bench-products"
bench_products "${BENCH_PRODUCTS:-50}" "$products"
tokens="$EMPORIUM_RUN_DIR/bench-tokens"
bench_customers "${BENCH_USERS:-200}" "$tokens"
export BENCH_TOKENS_FILE="$tokens" BENCH_PRODUCTS_FILE="$products"

# one checkout by hand first: a load of refusals would measure nothing
token="$(head -n 1 "$tokens")"
order="$(curl -fsS -X POST "$gateway/api/orders" -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d "{\"items\":[{\"productId\":\"$(head -n 1 "$products")\",\"quantity\":1}],\"shippingAddress\":{\"name\":\"Bench\",\"line1\":\"1 Load Street\",\"city\":\"Springfield\",\"postalCode\":\"12345\",\"country\":\"US\"}}" |
  bench_json_field orderId | grep .)"
curl -fsS -o /dev/null -X POST "$gateway/api/payments" -H "authorization: Bearer $token" -H "idempotency-key: $order" \
  -H 'content-type: application/json' -d "{\"orderId\":\"$order\",\"paymentToken\":\"tok_visa\"}" ||
  { echo "bench: a first payment was refused" >&2; exit 1; }
for _ in $(seq 1 100); do
  curl -fsS "$gateway/api/orders/$order" -H "authorization: Bearer $token" | grep -q '"status":"confirmed"' && break
  sleep 0.1
done
curl -fsS "$gateway/api/orders/$order" -H "authorization: Bearer $token" | grep -q '"status":"confirmed"' ||
  { echo "bench: a first paid order was not confirmed within 10 s" >&2; exit 1; }
echo "bench: $(wc -l <"$tokens") customers, $(wc -l <"$products") products, $connections connections," \
  "$rounds rounds of $duration, trace sampling ${BENCH_SAMPLING:-0.1}"

bench_processes=(gateway user-service inventory-service order-service payment-service payment-sandbox)
jfr() {
  local svc
  [[ -n "${BENCH_JFR:-}" ]] || return 0
  for svc in "${bench_processes[@]}"; do
    if [[ "$1" == start ]]; then
      jcmd "$(cat "$EMPORIUM_RUN_DIR/pids/$svc.pid")" JFR.start name=bench settings=profile \
        filename="$EMPORIUM_RUN_DIR/$svc-round$2.jfr" >/dev/null
    else
      jcmd "$(cat "$EMPORIUM_RUN_DIR/pids/$svc.pid")" JFR.stop name=bench >/dev/null
    fi
  done
}
run() {
  local out before after checkouts
  # shellcheck disable=SC2034 # read by bench_cpu_per through a name reference
  mapfile -t before < <(bench_snapshot)
  jfr start "$2"
  out="$(wrk -t"$connections" -c"$connections" -d"$1" -s bench/checkout.lua "$gateway")"
  jfr stop "$2"
  # shellcheck disable=SC2034
  mapfile -t after < <(bench_snapshot)
  checkouts="$(sed -n 's/^checkouts: //p' <<<"$out")"
  printf '%11.1f %8s %8s %8s %8s %7s' "$(sed -n 's/^checkouts\/s: //p' <<<"$out")" \
    "$(sed -n 's/^50%: //p' <<<"$out")" "$(sed -n 's/^95%: //p' <<<"$out")" "$(sed -n 's/^99%: //p' <<<"$out")" \
    "$(sed -n 's/^max: //p' <<<"$out")" "$(sed -n 's/^failed: //p' <<<"$out")"
  bench_cpu_per before after "$checkouts"
  echo
  grep '^failed step\|^polls' <<<"$out" | sed 's/^/    /' || true
}

warmup="${BENCH_WARMUP:-60}"
echo "warm-up: ${warmup} s"
wrk -t"$connections" -c"$connections" -d"${warmup}s" -s bench/checkout.lua "$gateway" >/dev/null
echo
printf '%11s %8s %8s %8s %8s %7s %7s %7s %7s %7s %7s %7s %7s %7s\n' CHECKOUTS/S P50 P95 P99 MAX FAILED \
  GW USER INVENT ORDER PAYMENT SANDBOX PG RABBIT
for round in $(seq 1 "$rounds"); do run "$duration" "$round"; done
echo
echo "(GW … RABBIT: CPU µs each process spent per checkout: gateway, user-, inventory-, order-, payment-service,"
echo " the payment sandbox, PostgreSQL, RabbitMQ)"
echo "targets: >= 250 checkouts/s, p99 <= 250 ms from order to confirmed, 0 errors (cores: $(nproc))"
