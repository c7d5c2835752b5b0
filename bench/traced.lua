-- wrk: each request starts a trace of its own with a random W3C traceparent, sampled (flags 01) when
-- BENCH_SAMPLED=1, else not (flags 00). The platform's sampling is parent-based, so the flag decides for the
-- gateway and every service behind it. Prints the 50th, 95th and 99th latency percentiles after the run.
local flags = os.getenv("BENCH_SAMPLED") == "1" and "01" or "00"
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + seed)
end

local function hex(digits)
  local out = {}
  for i = 1, digits do
    out[i] = string.format("%x", math.random(0, 15))
  end
  return table.concat(out)
end

function request()
  return wrk.format("GET", wrk.path, { ["traceparent"] = "00-" .. hex(32) .. "-" .. hex(16) .. "-" .. flags })
end

function done(summary, latency, requests)
  for _, p in ipairs({ 50, 95, 99 }) do
    io.write(string.format("%d%%: %.2fms\n", p, latency:percentile(p) / 1000))
  end
end
