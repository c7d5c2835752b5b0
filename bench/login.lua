-- wrk script: POST /api/auth/login, cycling through the bench's accounts (set up by login-throughput.sh), so
-- that the per-account limit (attempts in flight count against it) measures nothing but itself.
local prefix = os.getenv("BENCH_EMAIL_PREFIX")
local password = os.getenv("BENCH_PASSWORD")
local accounts = tonumber(os.getenv("BENCH_ACCOUNTS"))
local counter = 0

request = function()
  counter = counter + 1
  local body = string.format('{"email":"%s%d@example.com","password":"%s"}', prefix, counter % accounts, password)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("logins/s: %.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50: %.1f ms, p99: %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("non-2xx or socket errors: %d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
