-- wrk script: POST /v1/triggers with a unique delivery id and commit per request,
-- counting the status codes each thread saw.
local threads = {}
local counter = 0
local tid = 0
local accepted = 0
local other = 0
local prefix = "bench"

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  tid = tonumber(wrk.thread:get("tid"))
  if args[1] then prefix = args[1] end
end

request = function()
  counter = counter + 1
  local sha = string.format("%08x%08x%08x%08x%08x", tid, counter, #prefix, tid * 7919, counter * 31)
  local body = string.format(
    '{"deliveryId":"%s-%d-%d","event":"push","repository":"mudler/LocalAI",' ..
    '"payload":{"ref":"refs/heads/master","before":"%s","after":"%s",' ..
    '"repository":{"full_name":"mudler/LocalAI"}}}',
    prefix, tid, counter, string.rep("0", 40), sha)
  return wrk.format("POST", "/v1/triggers",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer bench-ci"}, body)
end

response = function(status, headers, body)
  if status == 202 then accepted = accepted + 1 else other = other + 1 end
  wrk.thread:set("accepted", accepted)
  wrk.thread:set("other", other)
end

done = function(summary, latency, requests)
  local a, o = 0, 0
  for _, t in ipairs(threads) do
    a = a + (tonumber(t:get("accepted")) or 0)
    o = o + (tonumber(t:get("other")) or 0)
  end
  io.write(string.format("ACCEPTED %d OTHER %d\n", a, o))
end
