-- wrk script for `make bench`: rotate the requests given after `--` as path, Cookie header
-- pairs (none: plain GETs of the URL), and report the run as one JSON object on the last line.

local prepared = {}
local next_request = 1

function init(args)
  for i = 1, #args - 1, 2 do
    prepared[#prepared + 1] = wrk.format("GET", args[i], { ["Cookie"] = args[i + 1] })
  end
  if #prepared == 0 then
    prepared[1] = wrk.format("GET")
  end
end

function request()
  local chosen = prepared[next_request]
  next_request = next_request % #prepared + 1
  return chosen
end

function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, '
      .. '"bad_status": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
