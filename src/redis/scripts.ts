/**
 * The Lua scripts that make the admission decision in Redis, atomically and on Redis's own clock
 * (`TIME`), so every process sharing a token decides against one record and one clock.
 *
 * Keys of one token (all with the same `{hash}` tag, so they live in one Redis Cluster slot):
 *   sent    sorted set: one member per request let through, scored by the latest moment (ms,
 *           Redis clock) it may reach the server, as `admission-rule.ts` counts it;
 *   queue   sorted set: the callers waiting, scored by arrival ticket (first come, first served);
 *   leases  sorted set: the same callers, scored by when their lease runs out, so the waiters of
 *           a process that died stop blocking the queue once their lease lapses;
 *   epoch   a random value kept while the record lives: a new one means the record was lost
 *           (Redis restarted or evicted it) and what it held is no longer known.
 */

export interface LuaScript {
  /** For error messages. */
  name: string;
  source: string;
}

/**
 * Shared by both scripts: Redis's clock in milliseconds, and numbers written as strings with
 * every digit (Redis would otherwise format a Lua number with 14 significant digits, which rounds
 * a millisecond timestamp to a tenth of a millisecond).
 */
const prelude = `
pcall(function() redis.replicate_commands() end)
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
end
local function exact(x)
  return string.format('%.17g', x)
end
`;

/**
 * `earliestStart` of admission-rule.ts, line for line: `arrivals` sorted newest first (1-based
 * here, so `together` is i + 1 where the TypeScript has i + 2), the same operations in the same
 * order, so both give the same double for the same input. A test runs both on the same vectors.
 */
const earliestStartLua = `
local function earliest_start(arrivals, rate, capacity, window_limit, window_ms, now)
  local start = now
  for i = 1, #arrivals do
    local arrival = arrivals[i]
    local together = i + 1
    if together > capacity then
      local refill = (1000 * (together - capacity)) / rate
      if arrival + refill > start then start = arrival + refill end
    end
    if together > window_limit and arrival + window_ms > start then
      start = arrival + window_ms
    end
  end
  return start
end
local function newest_first(a, b) return a > b end
`;

/**
 * One step of the shared limiter for one process: forget what no longer matters, drop waiters
 * whose lease lapsed and those the process says left, register or refresh the process's waiters
 * (in its arrival order), then admit the head of the queue as long as it is one of them, the rule
 * allows it now and `max_admit` is not reached. A head whose turn came `late_head_ms` ago and was
 * not taken (its process is busy, or died and its lease has not lapsed yet) does not hold up the
 * others: this process's first waiter goes instead, and the head keeps its place.
 *
 * KEYS: sent, queue, leases, epoch.
 * ARGV: rate, capacity, window_limit (-1: none), window_ms, transit_ms, memory_ms, lease_ms,
 *       key_ttl_ms, epoch_ttl_ms, max_admit, expected_epoch ('' if none), new_epoch,
 *       late_head_ms, n_leaving, then n_leaving ids that left, then the ids of the waiters in
 *       arrival order.
 * Returns: { admitted ids, now, earliest start before admitting, wait hint (-1: none of ours
 *   waits), epoch, queue position of our first waiter (-1: none), epoch matched (1/0) }.
 *
 * The wait hint is a lower bound of when our first waiter may go: the queue ahead of it admitted
 * one by one, each request in flight counted as if its answer came now. Sleeping until then never
 * oversleeps a settled answer; a waiter that wakes too early just asks again.
 */
const stepSource = `${prelude}${earliestStartLua}
local sent, queue, leases, epoch_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local window_limit = tonumber(ARGV[3])
if window_limit < 0 then window_limit = math.huge end
local window_ms = tonumber(ARGV[4])
local transit_ms = tonumber(ARGV[5])
local memory_ms = tonumber(ARGV[6])
local lease_ms = tonumber(ARGV[7])
local key_ttl_ms = tonumber(ARGV[8])
local epoch_ttl_ms = tonumber(ARGV[9])
local max_admit = tonumber(ARGV[10])
local expected_epoch = ARGV[11]
local new_epoch = ARGV[12]
local late_head_ms = tonumber(ARGV[13])
local n_leaving = tonumber(ARGV[14])
local first_waiter = 15 + n_leaving

local now = now_ms()

local epoch = redis.call('GET', epoch_key)
if not epoch then
  epoch = new_epoch
  redis.call('SET', epoch_key, epoch, 'PX', epoch_ttl_ms)
else
  redis.call('PEXPIRE', epoch_key, epoch_ttl_ms)
end
local epoch_matched = 1
if expected_epoch ~= '' and expected_epoch ~= epoch then
  -- The record this process relied on is gone: decide nothing until it has taken stock.
  epoch_matched = 0
  max_admit = 0
end

redis.call('ZREMRANGEBYSCORE', sent, '-inf', '(' .. exact(now - memory_ms))
local lapsed = redis.call('ZRANGEBYSCORE', leases, '-inf', '(' .. exact(now))
for _, id in ipairs(lapsed) do
  redis.call('ZREM', queue, id)
  redis.call('ZREM', leases, id)
end
for i = 15, first_waiter - 1 do
  redis.call('ZREM', queue, ARGV[i])
  redis.call('ZREM', leases, ARGV[i])
end

local mine = {}
local last = redis.call('ZRANGE', queue, -1, -1, 'WITHSCORES')
local ticket = 0
if last[2] then ticket = tonumber(last[2]) end
for i = first_waiter, #ARGV do
  local id = ARGV[i]
  mine[id] = true
  if not redis.call('ZSCORE', queue, id) then
    ticket = ticket + 1
    redis.call('ZADD', queue, ticket, id)
  end
  redis.call('ZADD', leases, exact(now + lease_ms), id)
end

local scores = redis.call('ZRANGE', sent, 0, -1, 'WITHSCORES')
local arrivals = {}
for i = 2, #scores, 2 do arrivals[#arrivals + 1] = tonumber(scores[i]) end
table.sort(arrivals, newest_first)

local start = earliest_start(arrivals, rate, capacity, window_limit, window_ms, now)
local first_start = start
local admitted = {}
while #admitted < max_admit and start <= now do
  local head = redis.call('ZRANGE', queue, 0, 0)[1]
  if not head then break end
  local pick = nil
  if mine[head] then
    pick = head
  elseif now - earliest_start(arrivals, rate, capacity, window_limit, window_ms, -math.huge) >= late_head_ms then
    -- The head's turn came late_head_ms ago and its process has not taken it (busy, or dead
    -- with its lease still running): our first waiter goes meanwhile; the head keeps its place.
    local best = nil
    for i = first_waiter, #ARGV do
      local rank = redis.call('ZRANK', queue, ARGV[i])
      if rank and (best == nil or rank < best) then best = rank; pick = ARGV[i] end
    end
  end
  if not pick then break end
  local latest = now + transit_ms
  redis.call('ZADD', sent, exact(latest), pick)
  redis.call('ZREM', queue, pick)
  redis.call('ZREM', leases, pick)
  admitted[#admitted + 1] = pick
  arrivals[#arrivals + 1] = latest
  table.sort(arrivals, newest_first)
  start = earliest_start(arrivals, rate, capacity, window_limit, window_ms, now)
end

local position = -1
for i = first_waiter, #ARGV do
  local rank = redis.call('ZRANK', queue, ARGV[i])
  if rank and (position < 0 or rank < position) then position = rank end
end

local wait = -1
if position >= 0 then
  local optimistic = {}
  for i = 1, #arrivals do optimistic[i] = math.min(arrivals[i], now) end
  table.sort(optimistic, newest_first)
  local at = now
  local simulated = math.min(position, 32)
  for k = 0, simulated do
    at = earliest_start(optimistic, rate, capacity, window_limit, window_ms, at)
    table.insert(optimistic, 1, at)
  end
  if position > simulated then at = at + (position - simulated) * 1000 / rate end
  wait = at - now
end

redis.call('PEXPIRE', sent, key_ttl_ms)
redis.call('PEXPIRE', queue, key_ttl_ms)
redis.call('PEXPIRE', leases, key_ttl_ms)
return { admitted, exact(now), exact(first_start), exact(wait), epoch, position, epoch_matched }
`;

/**
 * A request's answer arrived (or it failed): it can no longer reach the server later than now,
 * so its score drops to now if that is lower. KEYS: sent. ARGV: id. Returns now.
 */
const settleSource = `${prelude}
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
local now = now_ms()
if score and tonumber(score) > now then
  redis.call('ZADD', KEYS[1], 'XX', exact(now), ARGV[1])
end
return exact(now)
`;

export const stepScript: LuaScript = { name: "step", source: stepSource };
export const settleScript: LuaScript = { name: "settle", source: settleSource };
