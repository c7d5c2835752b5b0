-- wrk: POST /api/orders with a bearer token taken in turn from BENCH_TOKENS_FILE and one product taken in turn
-- from BENCH_PRODUCTS_FILE (one id per line), one unit of it, so orders spread over many customers and products.
local tokens, products = {}, {}
local next_token, next_product = 1, 1

local function read_lines(variable, into)
  for line in io.lines(os.getenv(variable)) do
    if #line > 0 then into[#into + 1] = line end
  end
  if #into == 0 then error("nothing in " .. variable) end
end

function init(args)
  read_lines("BENCH_TOKENS_FILE", tokens)
  read_lines("BENCH_PRODUCTS_FILE", products)
end

function request()
  local token, product = tokens[next_token], products[next_product]
  next_token = next_token % #tokens + 1
  next_product = next_product % #products + 1
  local body = '{"items":[{"productId":"' .. product .. '","quantity":1}],' ..
      '"shippingAddress":{"name":"Bench","line1":"1 Load Street","city":"Springfield","postalCode":"12345","country":"US"}}'
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, body)
end

-- the 50th, 95th and 99th latency percentiles, as bench/percentiles.lua prints them
function done(summary, latency, requests)
  for _, p in ipairs({ 50, 95, 99 }) do
    io.write(string.format("%d%%: %.2fms\n", p, latency:percentile(p) / 1000))
  end
end
