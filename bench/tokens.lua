-- wrk: GET the path with a bearer token taken in turn from BENCH_TOKENS_FILE (one token per line), so the
-- calls spread over many users: each has its own rate-limit bucket and its own cached token.
local tokens = {}
local next_index = 1

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS_FILE")) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  if #tokens == 0 then error("no tokens in BENCH_TOKENS_FILE") end
end

function request()
  local token = tokens[next_index]
  next_index = next_index % #tokens + 1
  return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. token })
end
