/**
 * The Lua script that makes the admission decision in Redis, atomically and on Redis's own clock
 * (`TIME`), so every process sharing a token decides against one record and one clock. One
 * script does everything (one hash to load, one round trip per decision).
 *
 * Keys of one token (all with the same `{hash}` tag, so they live in one Redis Cluster slot):
 *   sent    sorted set: one member per request let through, scored by the latest moment (ms,
 *           Redis clock, whole ms rounded up) it may reach the server, as `admission-rule.ts`
 *           counts it;
 *   lanes   sorted set: the callers waiting, scored `lane * 2^40 + tag * 2^12 + ticket mod 2^12`
 *           (lanes.ts ranks the lanes; the tags interleave processes, see below; the ticket
 *           orders callers of one tag by arrival);
 *   leases  sorted set: the same callers, scored by when their lease runs out, so the waiters of
 *           a process that died stop blocking the queue once their lease lapses;
 *   epoch   a random value kept while the record lives: a new one means the record was lost
 *           (Redis restarted or evicted it) and what it held is no longer known;
 *   turns   hash: per lane, how many turns went to other lanes while it waited (lanes.ts), and
 *           the last arrival ticket.
 *
 * A caller's id ends with its lane's rank (`...:0` interactive, `:1` normal, `:2` background).
 * Fair turns across processes: a process's new caller gets the lane's head tag, or the tag after
 * its own last queued one if that is later, so processes with backlogs alternate, one caller
 * each, instead of one backlog going whole (start-time fair queueing with equal weights).
 */

import { passOverLimit } from "../http/lanes.js";
import type { AdmissionRule } from "../http/admission-rule.js";

/** The timing settings one step of the shared record works with, in milliseconds. */
export interface RecordSettings {
  rule: AdmissionRule;
  transitMs: number;
  /** How long a request is kept after its latest arrival (admission-rule.ts `memoryMs`). */
  memoryMs: number;
  leaseMs: number;
  keyTtlMs: number;
  epochTtlMs: number;
  /** How long the head of the queue may leave its turn untaken before others go first. */
  lateHeadMs: number;
}

export interface LuaScript {
  /** For error messages. */
  name: string;
  source: string;
}

/** The span of scores each lane's tags live in: 2^40, far below 2^53 for three lanes. */
export const laneSpan = 2 ** 40;
/** Scores per tag: the low 12 bits order callers of one tag by arrival. */
const tagSpan = 2 ** 12;

/**
 * Numbers written as strings with every digit (Redis would
 * otherwise format a Lua number with 14 significant digits, which rounds a millisecond timestamp
 * to a tenth of a millisecond).
 */
const prelude = `
-- Redis before 5 replicates a script by its source, which TIME makes unsafe (7 has no need).
if not redis.REDIS_VERSION_NUM then pcall(redis.replicate_commands) end
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

/** `chooseLane` and `countTurn` of lanes.ts, line for line (lanes ranked 0, 1, 2). */
const lanesLua = `
local function choose_lane(waiting, passed, limit)
  local highest = -1
  for lane = 0, 2 do
    if waiting[lane] then
      if passed[lane] >= limit then return lane end
      if highest < 0 then highest = lane end
    end
  end
  return highest
end
local function count_turn(waiting, passed, taken)
  for lane = 0, 2 do
    if lane == taken then passed[lane] = 0
    elseif waiting[lane] then passed[lane] = passed[lane] + 1 end
  end
end
`;

/**
 * One step of the shared limiter for one process: forget what no longer matters, write the
 * latest arrivals the process learned of (a request that left or was answered), drop waiters
 * whose lease lapsed and those the process says left, register or refresh the process's
 * waiters (given in the order the process would send them), then admit while the rule allows
 * it now and `max_admit` is not reached: the head of the lane whose turn it is, as long as it
 * is one of ours. A head whose turn came `late_head_ms` ago and was not taken (its process is
 * busy, or died and its lease has not lapsed yet) does not hold up the others: this process's
 * first waiter goes instead, and the head keeps its place. With nobody queued, our waiters go
 * without being registered at all (the common path: a handful of commands).
 *
 * The settings (`RecordSettings`) are written into the script as constants, one script per
 * set of settings: they never change between steps, and each argument sent costs the client and
 * the server on every step (eleven of them made up a third of an idle admission's cost).
 *
 * KEYS: sent, lanes, leases, epoch, turns.
 * ARGV: max_admit, expected_epoch ('' if none), new_epoch, n_updates, n_leaving, then n_updates
 *       pairs (latest arrival, id), as ZADD takes them, then n_leaving ids that left, then the
 *       ids of our waiters.
 * Returns, on the common path (one waiter admitted, nobody queued, the epoch as expected): Redis's
 *   clock in whole microseconds, an integer. Otherwise: { admitted ids, now, earliest start
 *   before admitting, wait hint (-1: none of ours waits), epoch, lower bound of our first
 *   waiter's queue position (-1: none), epoch matched (1/0), callers of other processes waiting }.
 *
 * The wait hint is a lower bound of when our first waiter may go: the queue ahead of it admitted
 * one by one, each request in flight counted as if its answer came now. Sleeping until then never
 * oversleeps a settled answer; a waiter that wakes too early just asks again.
 */
const stepSource = ({
  rule,
  ...settings
}: RecordSettings) => `${prelude}${earliestStartLua}${lanesLua}
local sent, queue, leases, epoch_key, turns = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local rate = ${luaNumber(rule.ratePerSecond)}
local capacity = ${luaNumber(rule.capacity)}
local window_limit = ${Number.isFinite(rule.windowLimit) ? luaNumber(rule.windowLimit) : "math.huge"}
local window_ms = ${luaNumber(rule.windowMs)}
local transit_ms = ${luaNumber(settings.transitMs)}
local memory_ms = ${luaNumber(settings.memoryMs)}
local lease_ms = ${luaNumber(settings.leaseMs)}
local key_ttl_ms = ${luaNumber(Math.ceil(settings.keyTtlMs))}
local epoch_ttl_ms = ${luaNumber(Math.ceil(settings.epochTtlMs))}
local late_head_ms = ${luaNumber(settings.lateHeadMs)}
local pass_over_limit = ${luaNumber(passOverLimit)}
local max_admit = tonumber(ARGV[1])
local expected_epoch = ARGV[2]
local new_epoch = ARGV[3]
local n_updates = tonumber(ARGV[4])
local n_leaving = tonumber(ARGV[5])
local first_leaving = 6 + 2 * n_updates
local first_waiter = first_leaving + n_leaving
local span = ${laneSpan}
local tag_span = ${tagSpan}
local function tag_of(score, lane) return math.floor((score - lane * span) / tag_span) end

-- Redis's clock in whole microseconds (exact in a double), and in milliseconds from it: the
-- caller divides the same integer by 1000, so both hold the same double.
local clock = redis.call('TIME')
local now_us = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local now = now_us / 1000
-- A request let through now may arrive until then: whole milliseconds, rounded up (later is the
-- safe side), which Redis formats and Lua reads back faster than fractions.
local latest = math.ceil(now + transit_ms)

-- Newest first, as the sorted set already holds them, and only those that can hold anyone back:
-- with n requests recorded (and \`extra\` more we may admit or write back), one older than
-- max(window, (n + 1 - capacity) / rate) can no longer push the start past now.
local function recent_arrivals(extra)
  local recorded = redis.call('ZCARD', sent) + extra
  local horizon = math.max(window_ms, 1000 * (recorded + 1 - capacity) / rate)
  local scores = redis.call('ZREVRANGEBYSCORE', sent, '+inf', '(' .. exact(math.floor(now - horizon)), 'WITHSCORES')
  local arrivals = {}
  for i = 2, #scores, 2 do arrivals[#arrivals + 1] = tonumber(scores[i]) end
  return arrivals
end

-- Old requests forgotten, and the latest arrivals the process learned better, in one command.
local function forget_and_update()
  redis.call('ZREMRANGEBYSCORE', sent, '-inf', '(' .. exact(math.floor(now - memory_ms)))
  if n_updates > 0 then
    redis.call('ZADD', sent, 'XX', unpack(ARGV, 6, first_leaving - 1))
  end
end

local epoch, epoch_matched, queued, arrivals
-- The common path: one caller, nobody queued, the record the one this process knows, room in
-- the rule. Admitted with the fewest commands and answered with Redis's clock alone (an integer),
-- the reply the caller reads fastest. Otherwise the full step below goes on from what this has
-- read: the epoch, and without room also that nobody is queued and the recent arrivals.
if n_leaving == 0 and #ARGV == first_waiter and max_admit > 0 and expected_epoch ~= '' then
  epoch = redis.pcall('GETEX', epoch_key, 'PX', epoch_ttl_ms)
  if epoch == expected_epoch and redis.call('EXISTS', queue) == 0 then
    forget_and_update()
    arrivals = recent_arrivals(1)
    if earliest_start(arrivals, rate, capacity, window_limit, window_ms, now) <= now then
      redis.call('ZADD', sent, exact(latest), ARGV[first_waiter])
      redis.call('PEXPIRE', sent, key_ttl_ms)
      return now_us
    end
    epoch_matched, queued = 1, 0
  end
end

if arrivals == nil then
  -- Read and kept alive in one command (GETEX, Redis 6.2+), else in two; read once per step.
  if epoch == nil then epoch = redis.pcall('GETEX', epoch_key, 'PX', epoch_ttl_ms) end
  if type(epoch) == 'table' and epoch.err then
    epoch = redis.call('GET', epoch_key)
    if epoch then redis.call('PEXPIRE', epoch_key, epoch_ttl_ms) end
  end
  if not epoch then
    epoch = new_epoch
    redis.call('SET', epoch_key, epoch, 'PX', epoch_ttl_ms)
  end
  epoch_matched = 1
  if expected_epoch ~= '' and expected_epoch ~= epoch then
    -- The record this process relied on is gone: decide nothing until it has taken stock.
    epoch_matched = 0
    max_admit = 0
  end

  forget_and_update()

  queued = redis.call('ZCARD', queue)
  if queued > 0 then
    local lapsed = redis.call('ZRANGEBYSCORE', leases, '-inf', '(' .. exact(now))
    for _, id in ipairs(lapsed) do
      redis.call('ZREM', queue, id)
      redis.call('ZREM', leases, id)
    end
    for i = first_leaving, first_waiter - 1 do
      redis.call('ZREM', queue, ARGV[i])
      redis.call('ZREM', leases, ARGV[i])
    end
    queued = redis.call('ZCARD', queue)
  end

  arrivals = recent_arrivals(#ARGV - first_waiter + 1)
end
-- This step's admissions, written in one ZADD at the end.
local writes = {}
local start = earliest_start(arrivals, rate, capacity, window_limit, window_ms, now)
local first_start = start
local admitted = {}

local function admit(id)
  writes[#writes + 1] = exact(latest)
  writes[#writes + 1] = id
  admitted[#admitted + 1] = id
  -- Usually the newest: its latest arrival is now + transit.
  if arrivals[1] == nil or latest >= arrivals[1] then
    table.insert(arrivals, 1, latest)
  else
    arrivals[#arrivals + 1] = latest
    table.sort(arrivals, newest_first)
  end
  start = earliest_start(arrivals, rate, capacity, window_limit, window_ms, now)
end

-- Nobody else waits: ours go in their order, unregistered, as long as the rule allows.
local next_waiter = first_waiter
if queued == 0 then
  while next_waiter <= #ARGV and #admitted < max_admit and start <= now do
    admit(ARGV[next_waiter])
    next_waiter = next_waiter + 1
  end
end

local position = -1
local wait = -1
local others = queued
if next_waiter <= #ARGV then
  local state = redis.call('HMGET', turns, '0', '1', '2', 't')
  local passed = { [0] = tonumber(state[1]) or 0, tonumber(state[2]) or 0, tonumber(state[3]) or 0 }
  local ticket = tonumber(state[4]) or 0
  -- Register (or refresh) the rest of ours: a new one gets the lane's head tag, or the tag after
  -- our own last one in the lane if that is later, so processes alternate.
  local mine = {}
  local order = {}
  local head_tag = {}
  local last_tag = {}
  for i = next_waiter, #ARGV do
    local id = ARGV[i]
    local lane = tonumber(string.sub(id, -1))
    local score = redis.call('ZSCORE', queue, id)
    if score then
      score = tonumber(score)
      others = others - 1
    else
      if head_tag[lane] == nil then
        local head = redis.call('ZRANGEBYSCORE', queue, lane * span, '(' .. ((lane + 1) * span), 'WITHSCORES', 'LIMIT', 0, 1)
        head_tag[lane] = head[2] and tag_of(tonumber(head[2]), lane) or 0
      end
      ticket = ticket + 1
      local tag = math.max(head_tag[lane], (last_tag[lane] or 0) + 1)
      score = lane * span + tag * tag_span + ticket % tag_span
      redis.call('ZADD', queue, exact(score), id)
    end
    last_tag[lane] = math.max(last_tag[lane] or 0, tag_of(score, lane))
    mine[id] = score
    order[#order + 1] = id
    redis.call('ZADD', leases, exact(now + lease_ms), id)
  end

  while #admitted < max_admit and start <= now do
    local heads = {}
    local waiting = {}
    for lane = 0, 2 do
      heads[lane] = redis.call('ZRANGEBYSCORE', queue, lane * span, '(' .. ((lane + 1) * span), 'LIMIT', 0, 1)[1]
      waiting[lane] = heads[lane] ~= nil
    end
    local lane = choose_lane(waiting, passed, pass_over_limit)
    if lane < 0 then break end
    local pick = nil
    if mine[heads[lane]] then
      pick = heads[lane]
    elseif now - earliest_start(arrivals, rate, capacity, window_limit, window_ms, -math.huge) >= late_head_ms then
      -- The head's turn came late_head_ms ago and its process has not taken it (busy, or dead
      -- with its lease still running): our first waiter goes meanwhile; the head keeps its place.
      for _, id in ipairs(order) do
        if mine[id] then pick = id; break end
      end
    end
    if not pick then break end
    count_turn(waiting, passed, tonumber(string.sub(pick, -1)))
    redis.call('ZREM', queue, pick)
    redis.call('ZREM', leases, pick)
    mine[pick] = nil
    admit(pick)
  end
  redis.call('HSET', turns, '0', passed[0], '1', passed[1], '2', passed[2], 't', ticket)

  local first = nil
  for _, id in ipairs(order) do
    if mine[id] then first = id; break end
  end
  if first then
    -- A lower bound: those ahead in its lane, and the higher lanes' turns until its lane's
    -- reserved turn comes.
    local lane = tonumber(string.sub(first, -1))
    local ahead = redis.call('ZCOUNT', queue, lane * span, '(' .. exact(mine[first]))
    local higher = 0
    if lane > 0 then higher = redis.call('ZCOUNT', queue, 0, '(' .. (lane * span)) end
    position = ahead + math.min(higher, math.max(0, pass_over_limit - passed[lane]))
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
  redis.call('PEXPIRE', queue, key_ttl_ms)
  redis.call('PEXPIRE', leases, key_ttl_ms)
  redis.call('PEXPIRE', turns, key_ttl_ms)
end

if #writes > 0 then redis.call('ZADD', sent, unpack(writes)) end
redis.call('PEXPIRE', sent, key_ttl_ms)
return { admitted, exact(now), exact(first_start), exact(wait), epoch, position, epoch_matched, others }
`;

/** Step scripts already written, by their settings. */
const stepScripts = new Map<string, LuaScript>();

/**
 * The step script for one set of settings: the same object for the same settings, so every
 * limiter with them shares its hash (the runner knows a script by the object, not its text).
 */
export function stepScript(settings: RecordSettings): LuaScript {
  const { rule, ...rest } = settings;
  const key = JSON.stringify([
    rule.ratePerSecond,
    rule.capacity,
    rule.windowLimit,
    rule.windowMs,
    rest,
  ]);
  let script = stepScripts.get(key);
  if (script === undefined) {
    script = { name: "step", source: stepSource(settings) };
    stepScripts.set(key, script);
  }
  return script;
}

/** A number as a Lua literal that reads back as the same double (JavaScript's shortest form). */
function luaNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`a step setting must be finite, got ${value}`);
  return String(value);
}
