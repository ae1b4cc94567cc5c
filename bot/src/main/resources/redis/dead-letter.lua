-- Keeps one dead letter per event (a second failure of the same event writes nothing),
-- forgets letters past their TTL and keeps at most a cap of them.
-- KEYS: 1 the letter (hash), 2 the index (zset by time), 3 the chat's letters (set).
-- ARGV: 1 id, 2 now (ms), 3 ttl (s), 4 cap, 5 at (ISO), 6 reason, 7 type, 8 chat digest,
--       9 sealed event, 10 letter key prefix.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'at', ARGV[5], 'reason', ARGV[6], 'type', ARGV[7], 'chat', ARGV[8], 'sealed', ARGV[9])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('EXPIRE', KEYS[3], ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(ARGV[2]) - tonumber(ARGV[3]) * 1000)
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
if over > 0 then
  for _, old in ipairs(redis.call('ZRANGE', KEYS[2], 0, over - 1)) do
    redis.call('DEL', ARGV[10] .. old)
  end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, over - 1)
end
return 1
