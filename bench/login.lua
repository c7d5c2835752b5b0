-- wrk script: POST /api/auth/login with the bench account's credentials (set by login-throughput.sh).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"email":"%s","password":"%s"}', os.getenv("BENCH_EMAIL"), os.getenv("BENCH_PASSWORD"))

local statuses = {}

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("logins/s: %.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50: %.1f ms, p99: %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("non-2xx or socket errors: %d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
