-- wrk script for scripts/load-test.sh: every request posts a new customer message (a unique externalId) on one of
-- THREADS customer threads, as a provider's webhook relay would. Arguments (after "--"): prefix, API token.
-- At the end it prints the figures the harness reports, and the number of answers that were not 201 Created.
local THREADS = 2000
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  prefix = args[1]
  wrk.headers["Authorization"] = "Bearer " .. args[2]
  wrk.headers["Content-Type"] = "application/json"
  sent = 0
  unexpected = 0
end

function request()
  sent = sent + 1
  -- unique across up to 16 wrk threads: request k of thread t is number 16 k + t
  local n = sent * 16 + tid
  local customer = n % THREADS
  local body = string.format('{"externalId":"%s-%d","threadKey":"t-%d","from":{"kind":"TWITTER","value":"%d",'
      .. '"name":"Customer %d"},"body":"Mi pedido %d no ha llegado todavía, ¿me ayudáis? #help","visibility":"PUBLIC"}',
      prefix, n, customer, 100000 + customer, customer, n)
  return wrk.format("POST", nil, nil, body)
end

function response(status, headers, body)
  if status ~= 201 then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local others = 0
  for _, t in ipairs(threads) do
    others = others + t:get("unexpected")
  end
  io.write(string.format("answered %d requests in %.1f s: %.0f messages/s\n", summary.requests,
      summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f\n", latency:percentile(50) / 1000,
      latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("answers other than 201: %d; socket errors: %d\n", others,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
