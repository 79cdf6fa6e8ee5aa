import Redis

extension RedisEphemeralStore {
    /// An `EphemeralUpdate` on Redis, arguments as `UpdateArguments` lays them out,
    /// with `InProcessEphemeralStore`'s rules line for line.
    ///
    /// Redis does not undo a script's writes when it fails halfway, so nothing is written
    /// until everything is known to go through: the conditions are judged, then the
    /// operations are walked once without writing (the kind each key holds as the update
    /// goes, and the counters' values) and only then run. The clock is Redis's `TIME`, in
    /// milliseconds, one for the fleet; writing after it is allowed from Redis 5 on (and
    /// `replicate_commands` asks it of 3.2 and 4). Numbers are Lua's doubles, exact as
    /// counters stay within ±(2^53 − 1) and times are milliseconds.
    static let updateScript = RedisScript(
        #"""
        if redis.replicate_commands then redis.replicate_commands() end
        local conditions = tonumber(ARGV[1])
        if not conditions or (#ARGV - 1 - 3 * conditions) % 5 ~= 0 then
          return redis.error_reply('ERR ephemeral store: malformed arguments')
        end
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local limit = 9007199254740991

        -- What each key holds as the update goes: 'string', 'zset', 'list' or 'none'.
        local kinds = {}
        local function fits(key, kind)
          if kinds[key] == nil then kinds[key] = redis.call('TYPE', key).ok end
          return kinds[key] == kind or kinds[key] == 'none'
        end
        local function live(key, member)
          local score = redis.call('ZSCORE', key, member)
          return score ~= false and tonumber(score) > now
        end
        -- EphemeralCounter.value: decimal digits, an optional '-', within the limit.
        local function counter(text)
          if not string.match(text, '^-?%d+$') then return nil end
          local value = tonumber(text)
          if math.abs(value) > limit then return nil end
          return value
        end

        for i = 1, conditions do
          local at = 2 + (i - 1) * 3
          local code, index, operand = ARGV[at], tonumber(ARGV[at + 1]), ARGV[at + 2]
          local key = KEYS[index]
          if code == 'v' or code == 'n' then
            if not fits(key, 'string') then return { 2, 'kind', index } end
            local value = redis.call('GET', key)
            if (code == 'n' and value) or (code == 'v' and value ~= operand) then return { 0, i } end
          else
            if not fits(key, 'zset') then return { 2, 'kind', index } end
            if live(key, operand) ~= (code == 'm') then return { 0, i } end
          end
        end

        local first = 2 + 3 * conditions
        local count = (#ARGV - first + 1) / 5

        -- The walk without writing: each value as the update leaves it (false: none).
        local texts = {}
        for i = 1, count do
          local at = first + (i - 1) * 5
          local code, index = ARGV[at], tonumber(ARGV[at + 1])
          local key = KEYS[index]
          if code == 'set' then
            kinds[key], texts[key] = 'string', ARGV[at + 2]
          elseif code == 'del' then
            kinds[key], texts[key] = 'none', false
          elseif code == 'inc' then
            if not fits(key, 'string') then return { 2, 'kind', index } end
            if texts[key] == nil then texts[key] = redis.call('GET', key) end
            local value = 0
            if texts[key] then
              value = counter(texts[key])
              if not value then return { 2, 'counter', index } end
            end
            value = value + tonumber(ARGV[at + 2])
            if math.abs(value) > limit then return { 2, 'range', index } end
            kinds[key], texts[key] = 'string', string.format('%.0f', value)
          elseif code == 'add' or code == 'rem' then
            if not fits(key, 'zset') then return { 2, 'kind', index } end
            if code == 'add' then kinds[key] = 'zset' end
          elseif code == 'app' then
            if not fits(key, 'list') then return { 2, 'kind', index } end
            kinds[key] = 'list'
          end
        end

        -- A set expires with its latest member (at once when none is live).
        local function settle(key)
          local latest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
          if latest[2] then redis.call('PEXPIREAT', key, latest[2]) end
        end

        local reply = { 1 }
        for i = 1, count do
          local at = first + (i - 1) * 5
          local code, key = ARGV[at], KEYS[tonumber(ARGV[at + 1])]
          local a, b, c = ARGV[at + 2], ARGV[at + 3], ARGV[at + 4]
          local result = 1
          if code == 'set' then
            if b == '' then redis.call('SET', key, a) else redis.call('SET', key, a, 'PX', b) end
          elseif code == 'del' then
            result = redis.call('DEL', key)
          elseif code == 'exp' then
            result = redis.call('PEXPIRE', key, b)
          elseif code == 'inc' then
            result = counter(redis.call('GET', key) or '0') + tonumber(a)
            local text = string.format('%.0f', result)
            if b == '' then redis.call('SET', key, text, 'KEEPTTL') else redis.call('SET', key, text, 'PX', b) end
          elseif code == 'add' then
            result = live(key, a) and 0 or 1
            redis.call('ZADD', key, string.format('%.0f', now + tonumber(b)), a)
            settle(key)
          elseif code == 'rem' then
            result = live(key, a) and 1 or 0
            redis.call('ZREM', key, a)
            settle(key)
          elseif code == 'app' then
            local last = redis.call('LINDEX', key, -1)
            result = 1
            if last then result = (tonumber(string.match(last, '^(%d+):')) or 0) + 1 end
            redis.call('RPUSH', key, string.format('%.0f', result) .. ':' .. a)
            redis.call('LTRIM', key, -tonumber(c), -1)
            redis.call('PEXPIRE', key, b)
          end
          reply[#reply + 1] = result
        end
        return reply
        """#)

    /// The live members of the set `KEYS[1]` (ARGV[1] `members`), or its expired ones,
    /// removed (`prune`), at Redis's clock. A key of another kind is WRONGTYPE.
    static let membersScript = RedisScript(
        #"""
        if redis.replicate_commands then redis.replicate_commands() end
        local kind = redis.call('TYPE', KEYS[1]).ok
        if kind ~= 'zset' and kind ~= 'none' then
          return redis.error_reply('WRONGTYPE the ephemeral key holds no set')
        end
        local time = redis.call('TIME')
        local now = string.format('%.0f', tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000))
        if ARGV[1] == 'members' then
          return redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf')
        end
        local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
        if #expired > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now) end
        return expired
        """#)
}
