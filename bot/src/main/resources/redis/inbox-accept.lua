-- Accepts one webhook event exactly once: marks its key as seen and appends it to its chat's
-- queue in one step, so an event is never marked seen without being queued.
-- KEYS[1] seen marker, KEYS[2] chat queue, KEYS[3] set of chats with queued events
-- ARGV[1] de-duplication TTL in seconds, ARGV[2] queued entry, ARGV[3] chat key
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', tonumber(ARGV[1])) then
  redis.call('RPUSH', KEYS[2], ARGV[2])
  redis.call('SADD', KEYS[3], ARGV[3])
  return 1
end
return 0
