-- Lists the chats with queued events for the sweeper; when there are none the backlog counter is
-- dropped (absent reads as zero), so that it cannot drift (queues lost with a Redis restart, a
-- crash between steps).
-- KEYS[1] set of chats with queued events, KEYS[2] backlog counter
local chats = redis.call('SMEMBERS', KEYS[1])
if #chats == 0 then
  redis.call('DEL', KEYS[2])
end
return chats
