-- Removes the handled head of a chat's queue, renews the lease and returns the next head.
-- KEYS[1] lock, KEYS[2] chat queue; ARGV[1] owner token, ARGV[2] lease in ms
-- Returns {0} when the lock was lost (the lease ran out), else {1, next head or false}.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return {0}
end
redis.call('LPOP', KEYS[2])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return {1, redis.call('LINDEX', KEYS[2], 0)}
