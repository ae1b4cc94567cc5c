-- Extends a chat's lock while its owner is still handling an event.
-- KEYS[1] lock; ARGV[1] owner token, ARGV[2] lease in ms
-- Returns 1 when extended, 0 when the lock is no longer this owner's.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
  return 1
end
return 0
