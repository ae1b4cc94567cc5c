-- Accepts one webhook event exactly once: marks its key as seen and appends it to its chat's
-- queue in one step, so an event is never marked seen without being queued. Above the backlog
-- limit a new event is refused unmarked, so that LINE's redelivery brings it back later.
-- KEYS[1] seen marker, KEYS[2] chat queue, KEYS[3] set of chats with queued events,
-- KEYS[4] backlog counter (events queued and not finished, all instances)
-- ARGV[1] de-duplication TTL in seconds, ARGV[2] queued entry, ARGV[3] chat key,
-- ARGV[4] backlog limit (negative: none)
-- Returns 1 when queued, 0 when seen before, 2 when refused for the backlog.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
local limit = tonumber(ARGV[4])
if limit >= 0 and (tonumber(redis.call('GET', KEYS[4])) or 0) >= limit then
  return 2
end
redis.call('SET', KEYS[1], '1', 'EX', tonumber(ARGV[1]))
redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[3])
redis.call('INCR', KEYS[4])
return 1
