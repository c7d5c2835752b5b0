-- wrk: complete checkouts through the gateway, one per connection at a time. Run it with as many threads as
-- connections (wrk -tN -cN): each thread then drives one connection, so its state below is that connection's.
-- A checkout is: POST /api/orders (one unit of a product taken in turn from BENCH_PRODUCTS_FILE, for a customer
-- taken in turn from BENCH_TOKENS_FILE), POST /api/payments with the sandbox's ready-made token tok_visa, then
-- GET /api/orders/{id} every BENCH_POLL_MS (5) ms until the order reads "confirmed": the PaymentSucceeded event
-- has crossed the broker and order-service has confirmed it. Its time is from sending the order to reading
-- "confirmed", on the monotonic clock. done() prints checkouts/s, the percentiles of those times, and what failed.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local timespec = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  threads[#threads + 1] = thread
end

local tokens, products = {}, {}
local next_token, next_product = 1, 1
local poll_ms = tonumber(os.getenv("BENCH_POLL_MS") or "5")

-- this thread's connection: its step, its order and when it was sent
local step, token, order_id, started = "order", nil, nil, 0
-- what this thread measured, read by done()
durations, checkouts, failures, polls = {}, 0, 0, 0
failed_steps = {}

local function read_lines(variable, into)
  for line in io.lines(os.getenv(variable)) do
    if #line > 0 then into[#into + 1] = line end
  end
  if #into == 0 then error("nothing in " .. variable) end
end

function init(args)
  read_lines("BENCH_TOKENS_FILE", tokens)
  read_lines("BENCH_PRODUCTS_FILE", products)
  -- threads start at different customers and products, so they do not all queue on the same rows
  next_token = (thread_number * 7) % #tokens + 1
  next_product = (thread_number * 3) % #products + 1
end

local address = '"shippingAddress":{"name":"Bench","line1":"1 Load Street","city":"Springfield",' ..
    '"postalCode":"12345","country":"US"}'

function request()
  if step == "order" then
    token = tokens[next_token]
    next_token = next_token % #tokens + 1
    local product = products[next_product]
    next_product = next_product % #products + 1
    started = now_ms()
    return wrk.format("POST", "/api/orders", {
      ["Authorization"] = "Bearer " .. token,
      ["Content-Type"] = "application/json",
    }, '{"items":[{"productId":"' .. product .. '","quantity":1}],' .. address .. '}')
  elseif step == "pay" then
    return wrk.format("POST", "/api/payments", {
      ["Authorization"] = "Bearer " .. token,
      ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = order_id,
    }, '{"orderId":"' .. order_id .. '","paymentToken":"tok_visa"}')
  else
    polls = polls + 1
    return wrk.format("GET", "/api/orders/" .. order_id, { ["Authorization"] = "Bearer " .. token })
  end
end

function delay()
  if step == "poll" then return poll_ms end
  return 0
end

local function fail(what, status)
  failures = failures + 1
  local key = what .. " " .. status
  failed_steps[key] = (failed_steps[key] or 0) + 1
  step = "order"
end

function response(status, headers, body)
  if step == "order" then
    if status ~= 201 then return fail("order", status) end
    order_id = body:match('"orderId":"([0-9a-f%-]+)"')
    step = "pay"
  elseif step == "pay" then
    if status ~= 201 then return fail("payment", status) end
    step = "poll"
  else
    if status ~= 200 then return fail("poll", status) end
    local order_status = body:match('"status":"(%a+)"')
    if order_status == "confirmed" then
      checkouts = checkouts + 1
      durations[#durations + 1] = now_ms() - started
      step = "order"
    elseif order_status ~= "pending" then
      fail("order became", order_status or "?")
    end
  end
end

function done(summary, latency, requests)
  local all, total, failed, total_polls, steps = {}, 0, 0, 0, {}
  for _, thread in ipairs(threads) do
    for _, duration in ipairs(thread:get("durations")) do all[#all + 1] = duration end
    total = total + thread:get("checkouts")
    failed = failed + thread:get("failures")
    total_polls = total_polls + thread:get("polls")
    for key, count in pairs(thread:get("failed_steps")) do steps[key] = (steps[key] or 0) + count end
  end
  table.sort(all)
  local function percentile(p)
    if #all == 0 then return 0 end
    return all[math.max(1, math.ceil(#all * p / 100))]
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("checkouts: %d\n", total))
  io.write(string.format("checkouts/s: %.1f\n", total / seconds))
  for _, p in ipairs({ 50, 95, 99 }) do
    io.write(string.format("%d%%: %.1fms\n", p, percentile(p)))
  end
  io.write(string.format("max: %.1fms\n", all[#all] or 0))
  io.write(string.format("failed: %d\n", failed + summary.errors.connect + summary.errors.read +
      summary.errors.write + summary.errors.timeout))
  io.write(string.format("polls per checkout: %.2f\n", total > 0 and total_polls / total or 0))
  for key, count in pairs(steps) do io.write(string.format("failed step: %s x%d\n", key, count)) end
end
