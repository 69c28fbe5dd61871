-- GET /contacts/{id} over contacts of the benchmark users, each read with its owner's token.
-- wrk ... -s get.lua URL -- TOKENS_FILE IDS_FILE   (IDS_FILE: "USER_INDEX CONTACT_ID" per line,
-- USER_INDEX counting from 1 in TOKENS_FILE's order)
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
local common = require("common")

setup = common.setup
done = common.done

local tokens, reads

function init(args)
    tokens = common.read_lines(args[1])
    reads = {}
    for _, line in ipairs(common.read_lines(args[2])) do
        local user, id = line:match("^(%d+)%s+(%S+)$")
        table.insert(reads, { headers = { ["Authorization"] = "Bearer " .. tokens[tonumber(user)] }, path = "/contacts/" .. id })
    end
    math.randomseed(os.time() + thread_id * 7919)
end

function request()
    local r = reads[math.random(#reads)]
    return wrk.format("GET", r.path, r.headers)
end
