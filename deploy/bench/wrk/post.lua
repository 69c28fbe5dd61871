-- POST /contacts, each request as the next benchmark user, each with a name of its own.
-- wrk ... -s post.lua URL -- TOKENS_FILE RUN_ID
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
local common = require("common")

setup = common.setup
done = common.done

local tokens, run_id
local counter = 0

function init(args)
    tokens = common.read_lines(args[1])
    run_id = args[2] or "0"
end

function request()
    counter = counter + 1
    local token = tokens[(counter + thread_id) % #tokens + 1]
    local n = run_id .. "-" .. thread_id .. "-" .. counter
    local body = '{"name":"Bench ' .. n .. '","company":"Bench Co","email":"bench-' .. n
        .. '@bench.example","tags":["bench"]}'
    return wrk.format("POST", "/contacts",
        { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
