import Platform
import Redis

extension RedisEphemeralStore {
    /// An update as `updateScript` takes it: each key once in KEYS (all of one scope, so
    /// one slot), and in ARGV
    ///
    ///     ARGV[1]  the number of conditions
    ///     then per condition three values: code, key index (1-based, into KEYS), operand
    ///       v value is the operand · n no value · m has member · x lacks member
    ///     then per operation five values: code, key index, a, b, c
    ///       set  value, expiry ms or ""   · del                · exp  "", expiry ms
    ///       inc  amount, expiry ms or ""  · add  member, expiry ms
    ///       rem  member                   · app  entry, expiry ms, entries kept
    struct UpdateArguments {
        /// KEYS, as the store's keys, to name the one an error is about.
        let keys: [EphemeralKey]
        let call: RedisScriptCall

        init(_ update: EphemeralUpdate) {
            var keys: [EphemeralKey] = []
            var indices: [EphemeralKey: Int] = [:]
            func index(_ key: EphemeralKey) -> [UInt8] {
                if let known = indices[key] { return Self.text(known) }
                keys.append(key)
                indices[key] = keys.count
                return Self.text(keys.count)
            }
            var values = [Self.text(update.conditions.count)]
            for condition in update.conditions {
                switch condition {
                case .valueIs(let key, let value?): values += [Self.text("v"), index(key), value]
                case .valueIs(let key, nil): values += [Self.text("n"), index(key), []]
                case .hasMember(let key, let member): values += [Self.text("m"), index(key), Self.text(member)]
                case .lacksMember(let key, let member): values += [Self.text("x"), index(key), Self.text(member)]
                }
            }
            for operation in update.operations {
                let (code, a, b, c): (String, [UInt8], Duration?, Int?) =
                    switch operation {
                    case .set(_, let value, let expiry): ("set", value, expiry, nil)
                    case .delete: ("del", [], nil, nil)
                    case .expire(_, let expiry): ("exp", [], expiry, nil)
                    case .increment(_, let amount, let expiry): ("inc", Self.text(amount), expiry, nil)
                    case .addMember(_, let member, let expiry): ("add", Self.text(member), expiry, nil)
                    case .removeMember(_, let member): ("rem", Self.text(member), nil, nil)
                    case .append(_, let entry, let keepingLast, let expiry): ("app", entry, expiry, keepingLast)
                    }
                values += [
                    Self.text(code), index(operation.key), a,
                    b.map { Self.text($0.millisecondsRoundedUp) } ?? [], c.map(Self.text) ?? [],
                ]
            }
            self.keys = keys
            call = RedisScriptCall(keys: keys.map(RedisEphemeralStore.redisKey), arguments: values)
        }

        private static func text(_ value: some CustomStringConvertible) -> [UInt8] {
            Array(value.description.utf8)
        }
    }
}
