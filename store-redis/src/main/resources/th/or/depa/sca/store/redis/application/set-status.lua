-- KEYS[1] record; ARGV: status code, now. A withdrawn application stays withdrawn.
-- Returns 'none', 'withdrawn' or 'set'.
local status = redis.call('HGET', KEYS[1], 'status')
if not status then
  return 'none'
end
if status == 'withdrawn' then
  return 'withdrawn'
end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'updatedAt', ARGV[2])
return 'set'
