-- Erases the personal data of every application of one round and type whose retention is
-- over: answers, LINE user and keyed hash go, with the indexes that point at them; the
-- anonymous record (number, status, province, times) stays for counts. Safe to repeat.
-- ARGV: 1 record prefix, 2 number prefix (SCA2-Y-), 3 sequence key, 4 now,
--       5 user index prefix, 6 uniqueness prefix, 7 user list prefix, 8 round id, 9 type.
-- Returns how many applications were erased now.
local last = tonumber(redis.call('GET', ARGV[3]) or '0')
local erased = 0
for i = 1, last do
  local number = ARGV[2] .. string.format('%06d', i)
  local record = ARGV[1] .. number
  local f = redis.call('HMGET', record, 'user', 'uniq', 'answers')
  local user, uniq, answers = f[1], f[2], f[3]
  if answers or user or uniq then
    if user then
      local userKey = ARGV[5] .. ARGV[8] .. ':' .. ARGV[9] .. ':' .. user
      if redis.call('GET', userKey) == number then
        redis.call('DEL', userKey)
      end
      redis.call('ZREM', ARGV[7] .. user, number)
    end
    if uniq then
      local uniqKey = ARGV[6] .. ARGV[8] .. ':' .. ARGV[9] .. ':' .. uniq
      if redis.call('GET', uniqKey) == number then
        redis.call('DEL', uniqKey)
      end
    end
    redis.call('HDEL', record, 'answers', 'user', 'uniq')
    redis.call('HSET', record, 'erasedAt', ARGV[4])
    erased = erased + 1
  end
end
return erased
