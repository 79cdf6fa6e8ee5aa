import Redis

/// Buckets in Redis, shared by every gateway instance: exact across a fleet, as the
/// buckets of one subject are decided by one script that Redis runs alone, at Redis's own
/// clock. A Redis that is down makes `charge` and `status` throw, and the caller decides
/// whether to admit the operation anyway.
///
/// A bucket's key is tagged by whom it counts (`BucketKey`), so each script touches one
/// slot of a Redis Cluster. An operation whose buckets all count one subject, as every
/// operation does under today's policies (the signed-in user, or the signed-out address),
/// is one script and one round trip. One that counts several (a TENANT limit beside the
/// user's) is split by subject, keeping `ChargeBatch`'s rule, its gates (the
/// `.operation` charges) all or nothing; see `RedisRateLimiter+Slots.swift`.
public final class RedisRateLimiter: RateLimiter {
    public let client: RedisClient

    public init(client: RedisClient) {
        self.client = client
    }

    public func charge(_ charges: [BucketCharge]) async throws -> [BucketDecision] {
        try await decide(charges, mode: .charge)
    }

    public func status(of charges: [BucketCharge]) async throws -> [BucketDecision] {
        try await decide(charges, mode: .status)
    }

    /// Runs the script on each of `batches` (the charges of one subject each), in one
    /// round trip; `now` (microseconds) replaces Redis's clock, for tests only. Gives
    /// each batch's decisions, and whether its gates refused it.
    func run(_ batches: [(charges: [BucketCharge], mode: ChargeBatch.ScriptMode)], now: Int64?) async throws
        -> [(refused: Bool, decisions: [BucketDecision])]
    {
        guard !batches.isEmpty else { return [] }
        let calls = batches.map { ChargeBatch.ScriptArguments($0.charges, mode: $0.mode, now: now).call }
        let replies = try await client.evaluate(Self.script, calls)
        return try zip(replies, batches).map { reply, batch in try Self.decisions(from: reply, for: batch.charges) }
    }

    /// The script's reply read back: whether the gates refused (1) or not (0), then four
    /// integers per charge, in the order of `charges`.
    static func decisions(from reply: RedisValue, for charges: [BucketCharge]) throws
        -> (refused: Bool, decisions: [BucketDecision])
    {
        if case .error(let message) = reply {
            throw RedisError(.reply, "the rate limiting script failed: \(message)")
        }
        guard let items = reply.elements, items.count == 1 + 4 * charges.count else {
            throw MalformedReply("expected an array of \(1 + 4 * charges.count) integers, got \(reply)")
        }
        var numbers: [Int] = []
        numbers.reserveCapacity(items.count)
        for item in items {
            guard let value = item.integer, value >= 0, let number = Int(exactly: value) else {
                throw MalformedReply("expected non-negative integers, got \(item)")
            }
            numbers.append(number)
        }
        guard numbers[0] <= 1 else { throw MalformedReply("refused is \(numbers[0]), not 0 or 1") }
        let decisions = try charges.enumerated().map { index, charge in
            let at = 1 + 4 * index
            let allowed = numbers[at]
            guard allowed == 0 || allowed == 1 else { throw MalformedReply("allowed is \(allowed), not 0 or 1") }
            return BucketDecision(
                charge: charge, allowed: allowed == 1, remaining: numbers[at + 1],
                retryAfter: .microseconds(numbers[at + 2]), resetAfter: .microseconds(numbers[at + 3]))
        }
        return (numbers[0] == 1, decisions)
    }

    /// The script answered, but not as it does: a different script under its SHA1, say.
    public struct MalformedReply: Error, CustomStringConvertible {
        public let description: String

        init(_ detail: String) {
            description = "Redis rate limiter: malformed reply: \(detail)"
        }
    }

    /// `ChargeBatch.charge` and `ChargeBatch.status` on Redis, with `GCRA`'s arithmetic
    /// line for line, so that Redis and the in-process limiter decide alike; KEYS and ARGV
    /// are laid out by `ChargeBatch.ScriptArguments`.
    ///
    /// Redis runs a script alone, so reading the TATs, deciding and writing is atomic:
    /// instances charging one bucket together cannot both take its last unit. The clock
    /// is Redis's `TIME`, one for the fleet whatever the instances' clocks say (Redis 5
    /// and later replicate a script's writes, not the script, so writing after `TIME` is
    /// allowed; `replicate_commands` asks the same of 3.2 and 4).
    ///
    /// Numbers are Lua's doubles, exact as every value stays below 2^53, with `//` as
    /// `math.floor(a / b)`. TATs are written as decimal integers (`%.0f`, as `tostring`
    /// would round them), with a TTL of the time until the TAT, rounded up, plus 1 ms: a
    /// key outlives its TAT, then the bucket is full and the key is gone. A TAT that is
    /// not newer (a charge of cost 0) is not written. The reply holds 1 when the gates
    /// refused the batch (else 0), then four integers per charge: allowed (0 or 1),
    /// remaining, retryAfter and resetAfter in microseconds.
    ///
    /// `refund` gives back what an earlier `charge` of the same gates took (when another
    /// subject's gates refused the operation): each `.operation` charge's cost times T
    /// comes off its TAT, so what others charged meanwhile stays, and a TAT that is then
    /// past is deleted (the bucket is full). Then it answers as `status`.
    public static let script = RedisScript(
        #"""
        if redis.replicate_commands then redis.replicate_commands() end
        local mode = ARGV[1]
        if (mode ~= 'charge' and mode ~= 'status' and mode ~= 'refund') or (#ARGV - 2) % 5 ~= 0 then
          return redis.error_reply('ERR rate limiter: malformed arguments')
        end
        local now = tonumber(ARGV[2])
        if now == nil then
          local time = redis.call('TIME')
          now = tonumber(time[1]) * 1000000 + tonumber(time[2])
        end

        local charges = {}
        for i = 3, #ARGV, 5 do
          local charge = {
            key = KEYS[tonumber(ARGV[i])],
            interval = tonumber(ARGV[i + 1]),
            limit = tonumber(ARGV[i + 2]),
            cost = tonumber(ARGV[i + 3]),
            operation = ARGV[i + 4] == '1'
          }
          if not (charge.key and charge.interval and charge.limit and charge.cost) or charge.interval < 1 then
            return redis.error_reply('ERR rate limiter: malformed charge ' .. (#charges + 1))
          end
          charges[#charges + 1] = charge
        end

        local stored = {}
        for _, key in ipairs(KEYS) do
          local value = redis.call('GET', key)
          if value then stored[key] = tonumber(value) end
        end

        -- GCRA.charge: charging `cost` units of the bucket whose TAT is `tat` (nil: none).
        local function decide(charge, cost, tat)
          local capacity = charge.limit * charge.interval
          local base = math.max(tat or now, now)
          local allowed, after, retry, new_tat = false, base, 0, tat
          if cost > charge.limit then
            retry = capacity
          else
            local new = base + cost * charge.interval
            if new - now <= capacity then
              allowed, after = true, new
              if cost > 0 then new_tat = new end
            else
              retry = new - now - capacity
            end
          end
          local remaining = math.floor(math.max(0, capacity - (after - now)) / charge.interval)
          return { allowed = allowed, tat = new_tat, remaining = remaining, retry = retry, reset = after - now }
        end

        -- A TAT as a key: written with the time until it (rounded up) plus 1 ms to live.
        local function store(key, tat)
          local ttl = math.floor((tat - now + 999) / 1000) + 1
          redis.call('SET', key, string.format('%.0f', tat), 'PX', string.format('%.0f', ttl))
        end

        if mode == 'refund' then
          local refunded = {}
          for _, charge in ipairs(charges) do
            local tat = stored[charge.key]
            if charge.operation and tat and charge.cost > 0 then
              stored[charge.key] = tat - charge.cost * charge.interval
              refunded[charge.key] = true
            end
          end
          for _, key in ipairs(KEYS) do
            if refunded[key] then
              if stored[key] > now then store(key, stored[key]) else redis.call('DEL', key) end
            end
          end
          mode = 'status'
        end

        local reply = { 0 }
        local function answer(allowed, remaining, retry, reset)
          reply[#reply + 1] = allowed and 1 or 0
          reply[#reply + 1] = remaining
          reply[#reply + 1] = retry
          reply[#reply + 1] = reset
        end

        -- The operation's charges first, all or nothing, each seeing the ones before.
        local refused = false
        if mode == 'charge' then
          local gates = {}
          for _, charge in ipairs(charges) do
            if charge.operation and not refused then
              local outcome = decide(charge, charge.cost, gates[charge.key] or stored[charge.key])
              if outcome.allowed then gates[charge.key] = outcome.tat else refused = true end
            end
          end
        end

        -- ChargeBatch.status: the charge asked, the bucket as it stands; nothing written.
        if mode == 'status' or refused then
          if refused then reply[1] = 1 end
          for _, charge in ipairs(charges) do
            local tat = stored[charge.key]
            local asked, standing = decide(charge, charge.cost, tat), decide(charge, 0, tat)
            answer(asked.allowed, standing.remaining, asked.retry, standing.reset)
          end
          return reply
        end

        -- Each charge on its own, over the TATs this batch wrote so far.
        local written = {}
        for _, charge in ipairs(charges) do
          local outcome = decide(charge, charge.cost, written[charge.key] or stored[charge.key])
          if outcome.allowed and outcome.tat then written[charge.key] = outcome.tat end
          answer(outcome.allowed, outcome.remaining, outcome.retry, outcome.reset)
        end
        for _, key in ipairs(KEYS) do
          local tat = written[key]
          if tat and tat > now and tat ~= stored[key] then store(key, tat) end
        end
        return reply
        """#)
}
