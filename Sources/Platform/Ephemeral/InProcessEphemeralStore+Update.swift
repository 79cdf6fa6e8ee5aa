extension InProcessEphemeralStore.State {
    typealias Entry = InProcessEphemeralStore.Entry
    typealias Instant = ContinuousClock.Instant

    /// Applies `update` at `now`: its conditions and operations run on a draft of the keys
    /// they touch, written back only when every one went through, so a refusal or an
    /// error midway leaves nothing changed.
    mutating func apply(_ update: EphemeralUpdate, now: Instant) throws(EphemeralStoreError)
        -> EphemeralUpdate.Outcome
    {
        var draft = Draft(now: now)
        for (index, condition) in update.conditions.enumerated() {
            guard try draft.holds(condition, over: &self) else { return .conditionFailed(index) }
        }
        var results: [Int64] = []
        results.reserveCapacity(update.operations.count)
        for operation in update.operations {
            results.append(try draft.apply(operation, over: &self))
        }
        for (key, entry) in draft.changed {
            entries[key] = entry
        }
        return .applied(results)
    }

    /// The touched keys as the update left them so far (nil: removed).
    private struct Draft {
        let now: Instant
        var changed: [EphemeralKey: Entry?] = [:]

        func entry(_ key: EphemeralKey, over state: inout InProcessEphemeralStore.State) -> Entry? {
            if let changed = changed[key] { return changed.flatMap { $0.isLive(at: now) ? $0 : nil } }
            return state.live(key, at: now)
        }

        func holds(_ condition: EphemeralCondition, over state: inout InProcessEphemeralStore.State)
            throws(EphemeralStoreError) -> Bool
        {
            let content = entry(condition.key, over: &state)?.content
            switch condition {
            case .valueIs(let key, let expected):
                switch content {
                case nil: return expected == nil
                case .value(let bytes): return bytes == expected
                default: throw .wrongKind(key)
                }
            case .hasMember(let key, let member), .lacksMember(let key, let member):
                let members = try self.members(content, of: key)
                let isLive = members[member].map { $0 > now } ?? false
                if case .hasMember = condition { return isLive }
                return !isLive
            }
        }

        mutating func apply(_ operation: EphemeralOperation, over state: inout InProcessEphemeralStore.State)
            throws(EphemeralStoreError) -> Int64
        {
            let key = operation.key
            let current = entry(key, over: &state)
            switch operation {
            case .set(_, let value, let expiry):
                changed[key] = Entry(content: .value(value), expiry: expiry.map { now + $0 })
                return 1
            case .delete:
                changed[key] = .some(nil)
                return current == nil ? 0 : 1
            case .expire(_, let expiry):
                guard var entry = current else { return 0 }
                entry.expiry = now + expiry
                changed[key] = entry
                return 1
            case .increment(_, let amount, let expiry):
                var value: Int64 = 0
                switch current?.content {
                case nil: break
                case .value(let bytes):
                    guard let counter = EphemeralCounter.value(of: bytes) else { throw .notACounter(key) }
                    value = counter
                default: throw .wrongKind(key)
                }
                value += amount
                guard abs(value) <= EphemeralUpdate.counterLimit else { throw .counterOutOfRange(key) }
                changed[key] = Entry(
                    content: .value(EphemeralCounter.bytes(of: value)),
                    expiry: expiry.map { now + $0 } ?? current?.expiry)
                return value
            case .addMember(_, let member, let expiry):
                var members = try self.members(current?.content, of: key)
                let wasLive = members[member].map { $0 > now } ?? false
                members[member] = now + expiry
                settle(key, members)
                return wasLive ? 0 : 1
            case .removeMember(_, let member):
                var members = try self.members(current?.content, of: key)
                let wasLive = members[member].map { $0 > now } ?? false
                members[member] = nil
                settle(key, members)
                return wasLive ? 1 : 0
            case .append(_, let payload, let keepingLast, let expiry):
                var log: [EphemeralLogEntry] = []
                switch current?.content {
                case nil: break
                case .log(let entries): log = entries
                default: throw .wrongKind(key)
                }
                let sequence = (log.last?.sequence ?? 0) + 1
                log.append(EphemeralLogEntry(sequence: sequence, payload: payload))
                if log.count > keepingLast { log.removeFirst(log.count - keepingLast) }
                changed[key] = Entry(content: .log(log), expiry: now + expiry)
                return sequence
            }
        }

        private func members(_ content: Entry.Content?, of key: EphemeralKey) throws(EphemeralStoreError)
            -> [String: Instant]
        {
            switch content {
            case nil: return [:]
            case .members(let members): return members
            default: throw .wrongKind(key)
            }
        }

        /// A set expires with its latest member; an empty one is gone.
        private mutating func settle(_ key: EphemeralKey, _ members: [String: Instant]) {
            guard let latest = members.values.max() else {
                changed[key] = .some(nil)
                return
            }
            changed[key] = Entry(content: .members(members), expiry: latest)
        }
    }
}
