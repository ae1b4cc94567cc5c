-- Finishes the handled head of a chat's queue in one step: stores the chat's session as handling
-- left it, removes the head, and hands out the next event with the session; when no event waits,
-- releases the lock and forgets the chat as active in the same step, so that an event accepted
-- afterwards finds the lock free and wakes a worker itself.
-- KEYS[1] lock, KEYS[2] chat queue, KEYS[3] set of chats with queued events, KEYS[4] session,
-- KEYS[5] marker of a head handed out, KEYS[6] backlog counter
-- ARGV[1] owner token, ARGV[2] lease in ms, ARGV[3] chat key, ARGV[4] 'keep', 'save' or 'delete',
-- ARGV[5] session version read (0 = none existed), ARGV[6] session JSON, ARGV[7] session idle TTL in ms
-- Returns {0} when the lock was lost and {3} when the session changed since it was read (nothing
-- changed in either case), {1, next head, session or false, 0} while events wait, and {2} once the
-- queue is empty and the lock released. The stored session is "<version>\n<json>".
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return {0}
end
local session = redis.call('GET', KEYS[4])
if ARGV[4] ~= 'keep' then
  local version = 0
  if session then
    version = tonumber(string.match(session, '^(%d+)\n'))
  end
  if version ~= tonumber(ARGV[5]) then
    return {3}
  end
  if ARGV[4] == 'save' then
    session = (version + 1) .. '\n' .. ARGV[6]
    redis.call('SET', KEYS[4], session, 'PX', tonumber(ARGV[7]))
  else
    redis.call('DEL', KEYS[4])
    session = false
  end
end
if redis.call('LPOP', KEYS[2]) and tonumber(redis.call('DECR', KEYS[6])) < 0 then
  redis.call('SET', KEYS[6], 0)
end
local head = redis.call('LINDEX', KEYS[2], 0)
if head then
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
  return {1, head, session, 0}
end
redis.call('DEL', KEYS[1], KEYS[5])
redis.call('SREM', KEYS[3], ARGV[3])
return {2}
