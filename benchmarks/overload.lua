-- wrk script for overload runs: every request comes from the next venID in VENIDS_FILE and the answers are counted
-- by status: 200 with the expected answer, 503 with Retry-After (refused by OpenAdr:MaxConcurrentRequests), and
-- anything else. MESSAGE=poll (default): oadrPoll, answered from memory. MESSAGE=registerReport: oadrRegisterReport
-- (OpenLEADR's telemetry METADATA), which the VTN stores before it answers, so requests wait for the disk.
local file = os.getenv("VENIDS_FILE") or "venids.txt"
local message = os.getenv("MESSAGE") or "poll"
local ei = 'xmlns:ei="http://docs.oasis-open.org/ns/energyinterop/201110"'
local bodies = {}
local expect, path
if message == "registerReport" then
  expect, path = "oadrRegisteredReport", "/OpenADR2/Simple/2.0b/EiReport"
else
  expect, path = "oadrResponse", "/OpenADR2/Simple/2.0b/OadrPoll"
end
for venid in io.lines(file) do
  local inner
  if message == "registerReport" then
    inner = '<oadr:oadrRegisterReport ei:schemaVersion="2.0b" ' .. ei .. '><requestID xmlns="http://docs.oasis-open.org/ns/energyinterop/201110/payloads">overload</requestID>'
      .. '<oadr:oadrReport xmlns:xcal="urn:ietf:params:xml:ns:icalendar-2.0"><xcal:duration><xcal:duration>PT1H</xcal:duration></xcal:duration>'
      .. '<oadr:oadrReportDescription xmlns:power="http://docs.oasis-open.org/ns/emix/2011/06/power"><ei:rID>power</ei:rID><ei:reportDataSource><ei:resourceID>device-1</ei:resourceID></ei:reportDataSource>'
      .. '<ei:reportType>usage</ei:reportType><power:powerReal xmlns:scale="http://docs.oasis-open.org/ns/emix/2011/06/siscale"><power:itemDescription>RealPower</power:itemDescription>'
      .. '<power:itemUnits>W</power:itemUnits><scale:siScaleCode>none</scale:siScaleCode><power:powerAttributes><power:hertz>50</power:hertz><power:voltage>230</power:voltage>'
      .. '<power:ac>true</power:ac></power:powerAttributes></power:powerReal><ei:readingType>Direct Read</ei:readingType><oadr:oadrSamplingRate><oadr:oadrMinPeriod>PT10S</oadr:oadrMinPeriod>'
      .. '<oadr:oadrMaxPeriod>PT1H</oadr:oadrMaxPeriod><oadr:oadrOnChange>false</oadr:oadrOnChange></oadr:oadrSamplingRate></oadr:oadrReportDescription>'
      .. '<ei:reportRequestID>0</ei:reportRequestID><ei:reportSpecifierID>telemetry</ei:reportSpecifierID><ei:reportName>METADATA_TELEMETRY_USAGE</ei:reportName>'
      .. '<ei:createdDateTime>2026-11-26T00:00:00Z</ei:createdDateTime></oadr:oadrReport><ei:venID>' .. venid .. '</ei:venID></oadr:oadrRegisterReport>'
  else
    inner = '<oadr:oadrPoll ei:schemaVersion="2.0b" ' .. ei .. '><ei:venID>' .. venid .. '</ei:venID></oadr:oadrPoll>'
  end
  bodies[#bodies + 1] = '<?xml version="1.0" encoding="utf-8"?>\n<oadr:oadrPayload xmlns:oadr="http://openadr.org/oadr-2.0b/2012/07">\n<oadr:oadrSignedObject xmlns:oadr="http://openadr.org/oadr-2.0b/2012/07" oadr:Id="oadrSignedObject">' .. inner .. '</oadr:oadrSignedObject>\n</oadr:oadrPayload>\n'
end

local counter = 0
local threads = {}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/xml"

function setup(thread)
  thread:set("offset", counter * 7919)
  thread:set("ok", 0)
  thread:set("refused", 0)
  thread:set("noretry", 0)
  thread:set("other", 0)
  threads[#threads + 1] = thread
  counter = counter + 1
end

local i = 0
function request()
  i = i + 1
  return wrk.format(nil, path, nil, bodies[((offset or 0) + i) % #bodies + 1])
end

ok, refused, noretry, other = 0, 0, 0, 0
function response(status, headers, body)
  if status == 200 and string.find(body, expect, 1, true) then
    ok = ok + 1
  elseif status == 503 then
    refused = refused + 1
    if headers["Retry-After"] == nil then
      noretry = noretry + 1
    end
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local o, r, n, x = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    o, r, n, x = o + thread:get("ok"), r + thread:get("refused"), n + thread:get("noretry"), x + thread:get("other")
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("wrk: %d requests, %.0f req/s (%.0f answered 200/s), 503 %.1f%% (%d without Retry-After), other %d, socket errors %d, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms\n",
    summary.requests, summary.requests / seconds, o / seconds, 100 * r / math.max(1, summary.requests), n, x, socket,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
