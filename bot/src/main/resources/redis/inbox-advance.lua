-- Removes the handled head of a chat's queue. If more events wait, renews the lease and returns
-- the next one; if none wait, releases the lock and forgets the chat as active, in the same step,
-- so an event accepted afterwards finds the lock free and wakes a worker itself.
-- KEYS[1] lock, KEYS[2] chat queue, KEYS[3] set of chats with queued events
-- ARGV[1] owner token, ARGV[2] lease in ms, ARGV[3] chat key
-- Returns {0} when the lock was lost (the lease ran out), {1, next head} while events wait,
-- and {2} once the queue is empty and the lock released.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return {0}
end
redis.call('LPOP', KEYS[2])
local head = redis.call('LINDEX', KEYS[2], 0)
if head then
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
  return {1, head}
end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[3], ARGV[3])
return {2}
