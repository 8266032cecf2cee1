-- The no-JavaScript intake as browsers send it, for wrk (bench/intake.py): GET the form, then POST
-- a message with the CSRF cookie and token and the wait token that this GET handed out.
--
-- wrk gives a thread's connections one Lua state and does not say which connection an answer
-- belongs to, so each thread keeps a queue of the forms it has received: a connection posts when
-- a form is waiting and opens the form otherwise (each token is used once: the server refuses a
-- replay). Every GET goes without cookies, as a new visitor's does, and gets its own CSRF cookie.

local host = os.getenv("INTAKE_HOST")
local path = os.getenv("INTAKE_PATH") or "/en/relay/send/"
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local forms = {}
local first, last = 1, 0
local sent = 0
accepted, refused, opened, unreadable, other = 0, 0, 0, 0, 0

local function encode(text)
  return (string.gsub(text, "[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  if last >= first then
    local form = forms[first]
    forms[first] = nil
    first = first + 1
    sent = sent + 1
    local body = "csrfmiddlewaretoken=" .. encode(form.csrf) .. "&wait_token=" .. encode(form.wait)
      .. "&consent=on&text=" .. encode("We stand with you, people of Iran. Message " .. id .. "-" .. sent .. " from the bench.")
    return wrk.format("POST", path, {
      ["Host"] = host,
      ["Cookie"] = "csrftoken=" .. form.cookie,
      ["Content-Type"] = "application/x-www-form-urlencoded",
    }, body)
  end
  return wrk.format("GET", path, { ["Host"] = host })
end

response = function(status, headers, body)
  if status == 200 then
    local csrf = string.match(body, 'name="csrfmiddlewaretoken" value="([^"]+)"')
    local wait = string.match(body, 'name="wait_token" value="([^"]+)"')
    local cookie = string.match(headers["Set-Cookie"] or "", "csrftoken=([^;]+)")
    if csrf and wait and cookie then
      opened = opened + 1
      last = last + 1
      forms[last] = { csrf = csrf, wait = wait, cookie = cookie }
    else
      unreadable = unreadable + 1
    end
  elseif status == 302 and string.find(headers["Location"] or "", "/send/thanks/", 1, true) then
    accepted = accepted + 1
  elseif status == 400 or status == 403 or status == 429 then
    refused = refused + 1
  else
    other = other + 1
  end
end

done = function(summary, latency, requests)
  local totals = { accepted = 0, refused = 0, opened = 0, unreadable = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  local e = summary.errors
  io.write(string.format(
    'INTAKE {"requests": %d, "seconds": %.3f, "accepted": %d, "refused": %d, "opened": %d, "unreadable": %d,'
      .. ' "other": %d, "socket_errors": %d, "p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}\n',
    summary.requests, summary.duration / 1e6, totals.accepted, totals.refused, totals.opened, totals.unreadable,
    totals.other, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
