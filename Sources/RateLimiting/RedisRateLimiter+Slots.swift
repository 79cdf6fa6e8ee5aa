extension RedisRateLimiter {
    /// Decides `charges` as `ChargeBatch` does, one script per subject (each touches one
    /// slot of a Redis Cluster); `now` (microseconds) replaces Redis's clock, for tests.
    ///
    /// Why by subject: a bucket that many callers share (an address, a tenant) must stay
    /// one key, so tagging an operation's buckets by its caller would split them; and
    /// under today's policies every bucket of an operation counts its one caller, so
    /// almost every operation is still one script. When the buckets count several
    /// subjects, the gates (`.operation` charges) still decide first, all or nothing:
    ///
    /// - gates of one subject (or none): that subject's script first, as one batch; then
    ///   the others' charges are charged, or only looked at when the gates refused. Two
    ///   round trips.
    /// - gates of several subjects: each subject's gates are charged alone; when all
    ///   were admitted, the fields are charged; when one refused, the others' gates are
    ///   refunded, and every bucket is looked at. Two round trips. Between the two, a
    ///   refunded bucket counts this operation for a moment: another operation may be
    ///   refused that a moment later would not be, and none is ever admitted over a
    ///   limit.
    func decide(_ charges: [BucketCharge], mode: ChargeBatch.ScriptMode, now: Int64? = nil) async throws
        -> [BucketDecision]
    {
        guard !charges.isEmpty else { return [] }
        let groups = Self.subjectGroups(charges)
        var decisions = [BucketDecision?](repeating: nil, count: charges.count)
        func perform(_ batches: [(group: SubjectGroup, mode: ChargeBatch.ScriptMode)]) async throws -> [Bool] {
            let results = try await self.run(batches.map { ($0.group.charges, $0.mode) }, now: now)
            for (batch, result) in zip(batches, results) {
                for (position, decision) in zip(batch.group.positions, result.decisions) {
                    decisions[position] = decision
                }
            }
            return results.map(\.refused)
        }
        let gated = groups.filter(\.hasGates)
        if mode != .charge || groups.count == 1 || gated.isEmpty {
            _ = try await perform(groups.map { ($0, mode) })
        } else if gated.count == 1, let gates = gated.first {
            let refused = try await perform([(gates, .charge)])[0]
            _ = try await perform(groups.filter { !$0.hasGates }.map { ($0, refused ? .status : .charge) })
        } else {
            let gatesAlone = gated.map { $0.only(.operation) }
            let refusals = try await perform(gatesAlone.map { ($0, .charge) })
            if refusals.contains(true) {
                // Refunded where the gates were charged, looked at everywhere else.
                let charged = Set(zip(gated, refusals).filter { !$0.1 }.map(\.0.subject))
                _ = try await perform(groups.map { ($0, charged.contains($0.subject) ? .refund : .status) })
            } else {
                _ = try await perform(
                    groups.map { $0.only(.field) }.filter { !$0.charges.isEmpty }.map { ($0, .charge) })
            }
        }
        let decided = decisions.compactMap(\.self)
        guard decided.count == charges.count else {
            throw MalformedReply("decisions for \(decided.count) of \(charges.count) charges")
        }
        return decided
    }

    /// The charges of a batch that count one subject: their keys share a hash tag.
    struct SubjectGroup {
        let subject: String
        /// Where each charge stands in the batch.
        var positions: [Int] = []
        var charges: [BucketCharge] = []

        var hasGates: Bool { charges.contains { $0.scope == .operation } }

        /// The group's charges of `scope` alone.
        func only(_ scope: BucketCharge.Scope) -> SubjectGroup {
            var group = SubjectGroup(subject: subject)
            for (position, charge) in zip(positions, charges) where charge.scope == scope {
                group.positions.append(position)
                group.charges.append(charge)
            }
            return group
        }
    }

    /// `charges` by subject (hash tag), in the order each subject first appears.
    static func subjectGroups(_ charges: [BucketCharge]) -> [SubjectGroup] {
        var groups: [SubjectGroup] = []
        var indices: [String: Int] = [:]
        for (position, charge) in charges.enumerated() {
            let tag = charge.key.hashTag
            let index = indices[tag] ?? groups.count
            if index == groups.count {
                indices[tag] = index
                groups.append(SubjectGroup(subject: tag))
            }
            groups[index].positions.append(position)
            groups[index].charges.append(charge)
        }
        return groups
    }
}
