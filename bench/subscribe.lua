-- wrk script: POST /subscribe/{list} with a new address every request (so no per-address limit applies)
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
  -- a fresh sequence in every run and thread, so every request is a new address
  math.randomseed(os.time() * 100 + id)
  run = math.random(1, 1000000000)
end

request = function()
  counter = counter + 1
  local body = "email=bench" .. run .. "-" .. thread_id .. "-" .. counter ..
    "%40load.example.org&name=Load+Test"
  return wrk.format("POST", "/subscribe/" .. (os.getenv("LIST") or "bench"),
    { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
