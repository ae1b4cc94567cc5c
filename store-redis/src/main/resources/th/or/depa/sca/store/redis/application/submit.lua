-- Creates an application, atomically, unless refused.
-- KEYS: 1 user index, 2 uniqueness key, 3 sequence, 4 the user's application list.
-- ARGV: 1 now (ms), 2 round opens (ms, inclusive), 3 round closes (ms, exclusive),
--       4 number prefix (SCA2-Y-), 5 record key prefix, 6 submission time (ms, list score),
--       7.. the record's fields and values, number excepted.
-- Returns 'closed', 'duplicate', 'already <number>' or 'created <number>'.
-- The user's own application is looked up first: the same submission handled again
-- (a replay after a crash, a second tap) is 'already', even after the close.
local now, opens, closes = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local own = redis.call('GET', KEYS[1])
if own then
  return 'already ' .. own
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  return 'duplicate'
end
if now < opens or now >= closes then
  return 'closed'
end
local number = ARGV[4] .. string.format('%06d', redis.call('INCR', KEYS[3]))
local record = ARGV[5] .. number
if redis.call('EXISTS', record) == 1 then
  -- Two rounds share a number: never overwrite another round's application.
  return redis.error_reply('application ' .. number .. ' exists already')
end
redis.call('HSET', record, 'number', number, unpack(ARGV, 7))
redis.call('SET', KEYS[1], number)
redis.call('SET', KEYS[2], number)
redis.call('ZADD', KEYS[4], ARGV[6], number)
return 'created ' .. number
