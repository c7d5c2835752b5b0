-- wrk: prints the 50th, 95th and 99th latency percentiles ("50%: 1.23ms") after the run; wrk's --latency
-- table has no 95th.
function done(summary, latency, requests)
  for _, p in ipairs({ 50, 95, 99 }) do
    io.write(string.format("%d%%: %.2fms\n", p, latency:percentile(p) / 1000))
  end
end
