import Testing

@testable import Platform

/// Atomic updates: conditions, all or nothing, and what either store refuses.
extension EphemeralStoreSuite {
    @Test(arguments: EphemeralStoreKind.all)
    func anUpdateAppliesOnlyWhenItsConditionsHold(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let status = Self.alice.key("status")
            let devices = Self.alice.key("devices")
            let goOnline = { (old: String?, device: String) in
                EphemeralUpdate(
                    if: [.valueIs(status, old.map(Self.bytes))],
                    [
                        .addMember(devices, device, expiresIn: Self.expiry),
                        .set(status, Self.bytes("ONLINE"), expiresIn: nil),
                    ])
            }
            let online = try await subject.store.apply(goOnline(nil, "web"))
            // Read before the first update, written after it: refused, and nothing changed.
            let late = try await subject.store.apply(goOnline(nil, "ios"))
            let stillOne = try await subject.store.members(of: devices)
            let reread = try await subject.store.apply(goOnline("ONLINE", "ios"))
            #expect([online, late, reread] == [.applied([1, 1]), .conditionFailed(0), .applied([1, 1])])
            #expect(stillOne == ["web"])
            #expect(try await subject.store.members(of: devices) == ["ios", "web"])
            let answer = EphemeralUpdate(
                if: [
                    .hasMember(devices, "ios"), .lacksMember(devices, "desktop"), .valueIs(status, Self.bytes("AWAY")),
                ],
                [.removeMember(devices, "ios")])
            let refused = try await subject.store.apply(answer)
            #expect(refused == .conditionFailed(2))
            #expect(try await subject.store.members(of: devices) == ["ios", "web"])
        }
    }

    @Test(arguments: EphemeralStoreKind.all)
    func anExpiredValueCountsAsNoneInConditions(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let ringing = Self.call.key("ringing")
            try await subject.store.set(ringing, Self.bytes("bob"), expiresIn: .milliseconds(300))
            let answer = EphemeralUpdate(if: [.valueIs(ringing, Self.bytes("bob"))], [.delete(ringing)])
            try await subject.pass(.milliseconds(600))
            #expect(try await subject.store.apply(answer) == .conditionFailed(0))
            #expect(try await subject.store.apply(EphemeralUpdate(if: [.valueIs(ringing, nil)], [])) == .applied([]))
        }
    }

    @Test(arguments: EphemeralStoreKind.all)
    func anUpdateThatIsRefusedMidwayChangesNothing(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let state = Self.call.key("state")
            let sequence = Self.call.key("sequence")
            let devices = Self.call.key("devices")
            try await subject.store.set(state, Self.bytes("RINGING"), expiresIn: Self.expiry)
            try await subject.store.set(devices, Self.bytes("not a set"), expiresIn: Self.expiry)
            let counting = EphemeralUpdate([
                .set(state, Self.bytes("ACTIVE"), expiresIn: nil), .increment(sequence, by: 1, expiresIn: nil),
                .increment(state, by: 1, expiresIn: nil),
            ])
            await #expect(throws: EphemeralStoreError.notACounter(state)) { try await subject.store.apply(counting) }
            let joining = EphemeralUpdate([
                .set(state, Self.bytes("ACTIVE"), expiresIn: nil), .increment(sequence, by: 1, expiresIn: nil),
                .addMember(devices, "phone", expiresIn: Self.expiry),
            ])
            await #expect(throws: EphemeralStoreError.wrongKind(devices)) { try await subject.store.apply(joining) }
            let overflowing = EphemeralUpdate([
                .set(state, Self.bytes("ACTIVE"), expiresIn: nil),
                .increment(sequence, by: EphemeralUpdate.counterLimit, expiresIn: nil),
                .increment(sequence, by: 1, expiresIn: nil),
            ])
            await #expect(throws: EphemeralStoreError.counterOutOfRange(sequence)) {
                try await subject.store.apply(overflowing)
            }
            #expect(try await subject.store.values([state, sequence]) == [Self.bytes("RINGING"), nil])
            // A key emptied earlier in the update may become another kind.
            let replacing = EphemeralUpdate([.delete(devices), .addMember(devices, "phone", expiresIn: Self.expiry)])
            #expect(try await subject.store.apply(replacing) == .applied([1, 1]))
            #expect(try await subject.store.members(of: devices) == ["phone"])
        }
    }

    @Test(arguments: EphemeralStoreKind.all)
    func aKeyOfAnotherKindIsRefusedToReadsAndConditions(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let value = Self.call.key("state")
            let members = Self.call.key("devices")
            try await subject.store.set(value, Self.bytes("RINGING"), expiresIn: Self.expiry)
            try await subject.store.addMember("phone", to: members, expiresIn: Self.expiry)
            await #expect(throws: EphemeralStoreError.wrongKind(members)) {
                try await subject.store.values([value, members])
            }
            await #expect(throws: EphemeralStoreError.wrongKind(value)) {
                try await subject.store.members([members, value])
            }
            await #expect(throws: EphemeralStoreError.wrongKind(value)) {
                try await subject.store.pruneMembers(of: value)
            }
            await #expect(throws: EphemeralStoreError.wrongKind(members)) {
                try await subject.store.entries(of: members, after: 0)
            }
            await #expect(throws: EphemeralStoreError.wrongKind(value)) {
                try await subject.store.apply(EphemeralUpdate(if: [.hasMember(value, "phone")], []))
            }
            await #expect(throws: EphemeralStoreError.wrongKind(members)) {
                try await subject.store.apply(
                    EphemeralUpdate([.append(members, [], keepingLast: 1, expiresIn: Self.expiry)]))
            }
            // `set` replaces whatever was there.
            try await subject.store.set(members, Self.bytes("ENDED"), expiresIn: Self.expiry)
            #expect(try await subject.store.value(members) == Self.bytes("ENDED"))
        }
    }

    @Test(arguments: EphemeralStoreKind.all)
    func malformedUpdatesAreRefusedBeforeTheStoreIsAsked(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let state = Self.call.key("state")
            let other = EphemeralScope("call", "456").key("state")
            await #expect(throws: EphemeralStoreError.mixedScopes(Self.call, other.scope)) {
                try await subject.store.apply(EphemeralUpdate(if: [.valueIs(state, nil)], [.delete(other)]))
            }
            await #expect(throws: EphemeralStoreError.mixedKinds(state)) {
                try await subject.store.apply(EphemeralUpdate(if: [.valueIs(state, nil)], [.removeMember(state, "a")]))
            }
            await #expect(throws: EphemeralStoreError.invalidExpiry(state, .zero)) {
                try await subject.store.set(state, [], expiresIn: .zero)
            }
            await #expect(throws: EphemeralStoreError.invalidLogLength(state, 0)) {
                try await subject.store.append([], to: state, keepingLast: 0, expiresIn: Self.expiry)
            }
            let empty = try await subject.store.apply(EphemeralUpdate([]))
            #expect(empty == .applied([]))
        }
    }

    /// Many updates of one counter at once, as many instances would send them.
    @Test(arguments: EphemeralStoreKind.all)
    func concurrentIncrementsEachGetTheirOwnValue(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let sequence = Self.call.key("sequence")
            let values = try await withThrowingTaskGroup(of: Int64.self) { group in
                for _ in 0..<40 {
                    group.addTask { try await subject.store.increment(sequence, expiresIn: Self.expiry) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(values.sorted() == Array(1...40))
        }
    }
}
