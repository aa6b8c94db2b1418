-- wrk script: every request is an oadrPoll (exactly as OpenLEADR's VEN sends it) from the next venID in VENIDS_FILE,
-- so the server looks up a different VEN each time.
local file = os.getenv("VENIDS_FILE") or "venids.txt"
local bodies = {}
for venid in io.lines(file) do
  bodies[#bodies + 1] = '<?xml version="1.0" encoding="utf-8"?>\n<oadr:oadrPayload xmlns:oadr="http://openadr.org/oadr-2.0b/2012/07">\n<oadr:oadrSignedObject xmlns:oadr="http://openadr.org/oadr-2.0b/2012/07" oadr:Id="oadrSignedObject"><oadr:oadrPoll ei:schemaVersion="2.0b" xmlns:ei="http://docs.oasis-open.org/ns/energyinterop/201110"><ei:venID>' .. venid .. '</ei:venID></oadr:oadrPoll></oadr:oadrSignedObject>\n</oadr:oadrPayload>\n'
end

local counter = 0
local path = os.getenv("POLL_PATH") or "/OpenADR2/Simple/2.0b/OadrPoll"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/xml"

function setup(thread)
  thread:set("offset", counter * 7919)
  counter = counter + 1
end

local i = 0
function request()
  i = i + 1
  local body = bodies[((offset or 0) + i) % #bodies + 1]
  return wrk.format(nil, path, nil, body)
end

local non200 = 0
function response(status, headers, body)
  if status ~= 200 or not string.find(body, "oadrResponse", 1, true) then
    non200 = non200 + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("wrk: %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, errors %d (socket %d, status %d)\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
