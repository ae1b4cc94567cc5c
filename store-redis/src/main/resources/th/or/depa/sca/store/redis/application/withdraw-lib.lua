-- Withdraws one application: erases its personal data (answers, LINE user, keyed hash),
-- frees the user and uniqueness indexes if they point at it, unlinks it from the user's
-- list, and keeps an anonymous tombstone. Returns 'none', 'already' or 'withdrawn'.
local function withdraw(record, now, userPrefix, uniqPrefix, byUserPrefix)
  local f = redis.call('HMGET', record, 'number', 'status', 'round', 'type', 'user', 'uniq')
  local number, status, round, kind, user, uniq = f[1], f[2], f[3], f[4], f[5], f[6]
  if not number then
    return 'none'
  end
  if status == 'withdrawn' then
    return 'already'
  end
  if user then
    local userKey = userPrefix .. round .. ':' .. kind .. ':' .. user
    if redis.call('GET', userKey) == number then
      redis.call('DEL', userKey)
    end
    redis.call('ZREM', byUserPrefix .. user, number)
  end
  if uniq then
    local uniqKey = uniqPrefix .. round .. ':' .. kind .. ':' .. uniq
    if redis.call('GET', uniqKey) == number then
      redis.call('DEL', uniqKey)
    end
  end
  redis.call('HDEL', record, 'answers', 'user', 'uniq')
  redis.call('HSET', record, 'status', 'withdrawn', 'updatedAt', now)
  return 'withdrawn'
end
