-- Shared by post.lua and get.lua: benchmark users' tokens (one per line, in user order) rotated
-- per request, and a summary line that deploy/bench/run reads.
local M = {}

local threads = {}

-- Runs in the main state once per thread: numbers the threads so their requests differ.
function M.setup(thread)
    thread:set("thread_id", #threads)
    table.insert(threads, thread)
end

function M.read_lines(file)
    local lines = {}
    for line in io.lines(file) do
        if line ~= "" then
            table.insert(lines, line)
        end
    end
    assert(#lines > 0, "no line in " .. file)
    return lines
end

function M.done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format("BENCH requests=%d seconds=%.3f rps=%.1f non2xx=%d socket_errors=%d p50_ms=%.2f p99_ms=%.2f\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), e.status,
        e.connect + e.read + e.write + e.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end

return M
