-- Saves a session only if nobody saved another version since it was read (optimistic locking).
-- KEYS[1] session; ARGV[1] version read (0 = none existed), ARGV[2] new JSON, ARGV[3] idle TTL in ms
-- The stored value starts with "<version>\n".
local current = redis.call('GET', KEYS[1])
local version = 0
if current then
  version = tonumber(string.match(current, '^(%d+)\n'))
end
if version ~= tonumber(ARGV[1]) then
  return 0
end
redis.call('SET', KEYS[1], (version + 1) .. '\n' .. ARGV[2], 'PX', tonumber(ARGV[3]))
return version + 1
