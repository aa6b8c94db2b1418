-- wrk script: every request comes from the next venID in VENIDS_FILE, so the server looks up a different VEN each
-- time. MESSAGE=poll (default): an oadrPoll exactly as OpenLEADR's VEN sends it, answered with oadrResponse.
-- MESSAGE=requestEvent: an oadrRequestEvent, answered with the VEN's events (EXPECT names the answer to check).
local file = os.getenv("VENIDS_FILE") or "venids.txt"
local message = os.getenv("MESSAGE") or "poll"
local expect = os.getenv("EXPECT") or "oadrResponse"
local bodies = {}
for venid in io.lines(file) do
  local inner
  if message == "requestEvent" then
    inner = '<oadr:oadrRequestEvent ei:schemaVersion="2.0b" xmlns:ei="http://docs.oasis-open.org/ns/energyinterop/201110" xmlns:pyld="http://docs.oasis-open.org/ns/energyinterop/201110/payloads"><pyld:eiRequestEvent><pyld:requestID>wrk</pyld:requestID><ei:venID>' .. venid .. '</ei:venID></pyld:eiRequestEvent></oadr:oadrRequestEvent>'
  else
    inner = '<oadr:oadrPoll ei:schemaVersion="2.0b" xmlns:ei="http://docs.oasis-open.org/ns/energyinterop/201110"><ei:venID>' .. venid .. '</ei:venID></oadr:oadrPoll>'
  end
  bodies[#bodies + 1] = '<?xml version="1.0" encoding="utf-8"?>\n<oadr:oadrPayload xmlns:oadr="http://openadr.org/oadr-2.0b/2012/07">\n<oadr:oadrSignedObject xmlns:oadr="http://openadr.org/oadr-2.0b/2012/07" oadr:Id="oadrSignedObject">' .. inner .. '</oadr:oadrSignedObject>\n</oadr:oadrPayload>\n'
end

local counter = 0
local threads = {}
local path = os.getenv("POLL_PATH") or "/OpenADR2/Simple/2.0b/OadrPoll"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/xml"

function setup(thread)
  thread:set("offset", counter * 7919)
  thread:set("wrong", 0)
  threads[#threads + 1] = thread
  counter = counter + 1
end

local i = 0
function request()
  i = i + 1
  local body = bodies[((offset or 0) + i) % #bodies + 1]
  return wrk.format(nil, path, nil, body)
end

wrong = 0
function response(status, headers, body)
  if status ~= 200 or not string.find(body, expect, 1, true) then
    wrong = wrong + 1
  end
end

function done(summary, latency, requests)
  local wrongAnswers = 0
  for _, thread in ipairs(threads) do
    wrongAnswers = wrongAnswers + thread:get("wrong")
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("wrk: %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, errors %d (socket %d, not %s %d)\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    socket + wrongAnswers, socket, expect, wrongAnswers))
end
