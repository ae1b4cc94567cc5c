-- KEYS[1] record; ARGV: now, user index prefix, uniqueness prefix, user list prefix.
return withdraw(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
