-- KEYS[1] the user's application list; ARGV: now, record prefix, user index prefix,
-- uniqueness prefix, user list prefix. Withdraws every application of the user, then forgets the list.
-- Returns the numbers withdrawn now, one a line, newest first.
local erased = {}
for _, number in ipairs(redis.call('ZREVRANGE', KEYS[1], 0, -1)) do
  if withdraw(ARGV[2] .. number, ARGV[1], ARGV[3], ARGV[4], ARGV[5]) == 'withdrawn' then
    table.insert(erased, number)
  end
end
redis.call('DEL', KEYS[1])
return table.concat(erased, '\n')
