-- wrk script for bench_inbound: POST pre-signed Twilio webhooks read from a file, in order.
-- Arguments after `--`: the path to post to, and the file: one "signature<TAB>form body" per
-- line, each with its own MessageSid. The bench makes more lines than a run can send, and
-- checks afterwards that each request was stored once. Reports the run as one JSON object on
-- the last line.

local prepared = {}
local next_request = 0

function init(args)
  for line in io.lines(args[2]) do
    local signature, body = line:match("^([^\t]+)\t(.*)$")
    prepared[#prepared + 1] = wrk.format("POST", args[1], {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["X-Twilio-Signature"] = signature,
    }, body)
  end
end

function request()
  next_request = next_request % #prepared + 1
  return prepared[next_request]
end

function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, '
      .. '"bad_status": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
