# shellcheck shell=bash
# What the platform benchmarks share: a platform of their own (random ports, bench_ databases, Redis keys of
# their own, rate limits raised so the load is not refused), customers and products made through the gateway,
# and the CPU time each process spends. Sourced by bench/orders-and-catalog.sh and bench/checkout.sh.

# bench_start: starts the platform with EMPORIUM_ENV_* as the caller set them plus the raised limits below, and
# stops it (dropping its databases) when the script exits. Sets gateway (its URL) and admin (an admin's token).
bench_start() {
  export EMPORIUM_RUN_DIR="$PWD/.run/bench" EMPORIUM_PORTS=auto EMPORIUM_DB_PREFIX=bench_ EMPORIUM_DB_FRESH=1
  local keys admin_password
  keys="emporium:bench:$(date +%s):"
  admin_password="bench-admin-$RANDOM$RANDOM"
  export EMPORIUM_ENV_USER_SERVICE="REGISTER_ADDRESS_LIMIT=100000 LOGIN_ADDRESS_LIMIT=100000 THROTTLE_KEY_PREFIX=${keys}user: ADMIN_PASSWORD=$admin_password"
  export EMPORIUM_ENV_GATEWAY="USERS_RATE_LIMIT=1000000000 ORDERS_RATE_LIMIT=1000000000 INVENTORY_RATE_LIMIT=1000000000 PAYMENTS_RATE_LIMIT=1000000000 RATE_LIMIT_KEY_PREFIX=${keys}gateway:"
  # a customer may have as many pending orders as the bench makes
  export EMPORIUM_ENV_ORDER_SERVICE="MAX_PENDING_ORDERS=1000000 ${BENCH_ENV_ORDER_SERVICE:-}"
  export EMPORIUM_ENV_PAYMENT_SERVICE="${BENCH_ENV_PAYMENT_SERVICE:-}"
  export EMPORIUM_ENV="TRACING_SAMPLING_PROBABILITY=${BENCH_SAMPLING:-0.1}"
  ./emporium start
  trap 'EMPORIUM_DB_DROP=1 ./emporium stop >/dev/null' EXIT
  gateway="$(sed -n 's/^GATEWAY_URL=//p' "$EMPORIUM_RUN_DIR/services.env")"
  admin="$(bench_login "{\"email\":\"admin@example.com\",\"password\":\"$admin_password\"}")"
}

# one value per line (the answers end without a newline, which sed would keep)
bench_json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; echo; }

bench_login() {
  curl -fsS -X POST "$gateway/api/auth/login" -H 'content-type: application/json' -d "$1" | bench_json_field accessToken
}

# bench_products COUNT FILE: COUNT products with a million units each; their ids in FILE, one per line.
bench_products() {
  local i body
  : >"$2"
  for i in $(seq 1 "$1"); do
    body="{\"sku\":\"BENCH-$i\",\"name\":\"Bench product $i\",\"description\":\"Stock for a benchmark\",\"price\":9.99,\"category\":\"bench\",\"onHand\":1000000}"
    curl -fsS -X POST "$gateway/api/inventory/admin/products" -H "authorization: Bearer $admin" \
      -H 'content-type: application/json' -d "$body" | bench_json_field productId | grep . >>"$2"
  done
}

# bench_customers COUNT FILE: COUNT new customers; their access tokens in FILE, one per line.
bench_customers() {
  local i body
  : >"$2"
  for i in $(seq 1 "$1"); do
    body="{\"email\":\"bench-$i-$RANDOM@example.com\",\"password\":\"a perfectly long bench password\",\"displayName\":\"Bench $i\"}"
    curl -fsS -o /dev/null -X POST "$gateway/api/auth/register" -H 'content-type: application/json' -d "$body"
    bench_login "$body" | grep . >>"$2"
  done
}

# CPU time (user + system ticks) of each process, to say where a request's time goes: the services named in
# bench_processes, then PostgreSQL (all its processes), then RabbitMQ.
bench_cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
bench_pg_ticks() {
  local total=0 pid
  for pid in $(pgrep -x postgres); do total=$((total + $(bench_cpu_ticks "$pid"))); done
  echo "$total"
}
bench_rabbit_ticks() { local pid; pid="$(pgrep -f beam.smp | head -n 1)"; [[ -n "$pid" ]] && bench_cpu_ticks "$pid" || echo 0; }
bench_snapshot() {
  local svc
  # shellcheck disable=SC2154 # set by the sourcing script
  for svc in "${bench_processes[@]}"; do bench_cpu_ticks "$(cat "$EMPORIUM_RUN_DIR/pids/$svc.pid")"; done
  bench_pg_ticks
  bench_rabbit_ticks
}
# bench_cpu_per BEFORE_NAME AFTER_NAME COUNT: prints " µs" per unit for each process (two arrays of snapshots).
bench_cpu_per() {
  local -n from="$1" to="$2"
  local i hz
  hz="$(getconf CLK_TCK)"
  for i in "${!from[@]}"; do
    awk -v d="$((to[i] - from[i]))" -v hz="$hz" -v n="$3" 'BEGIN { printf " %7.0f", (n > 0 ? d * 1e6 / hz / n : 0) }'
  done
}
