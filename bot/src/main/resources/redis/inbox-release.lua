-- Releases a chat's lock if still owned and reports what is left in its queue, so the caller can
-- take the lock again for events that arrived while it was finishing.
-- KEYS[1] lock, KEYS[2] chat queue, KEYS[3] set of chats with queued events
-- ARGV[1] owner token, ARGV[2] chat key
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
local left = redis.call('LLEN', KEYS[2])
if left == 0 then
  redis.call('SREM', KEYS[3], ARGV[2])
end
return left
