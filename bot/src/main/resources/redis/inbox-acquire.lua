-- Takes a chat's lock if free and returns the head of its queue.
-- KEYS[1] lock, KEYS[2] chat queue; ARGV[1] owner token, ARGV[2] lease in ms
-- Returns {0} when another worker holds the lock, else {1, head or false}.
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', tonumber(ARGV[2])) then
  return {1, redis.call('LINDEX', KEYS[2], 0)}
end
return {0}
