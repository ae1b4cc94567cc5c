-- Takes a chat's lock if free and returns the head of its queue together with the chat's session,
-- so that a worker starts handling after one round trip.
-- KEYS[1] lock, KEYS[2] chat queue, KEYS[3] session, KEYS[4] marker of a head handed out
-- ARGV[1] owner token, ARGV[2] lease in ms
-- Returns {0} when another worker holds the lock, else {1, head or false, session or false, replayed}.
-- replayed is 1 when the head was handed to a worker before that never committed it (it died or
-- lost its lease), so what it sends may already have gone out.
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', tonumber(ARGV[2])) then
  return {0}
end
local head = redis.call('LINDEX', KEYS[2], 0)
if not head then
  return {1, false, false, 0}
end
local replayed = redis.call('EXISTS', KEYS[4])
redis.call('SET', KEYS[4], '1')
return {1, head, redis.call('GET', KEYS[3]), replayed}
