import Testing

@testable import Platform

/// The ephemeral store's behaviour, the same tests in process and on Redis. Expiries are
/// short (Redis's clock is real): 800 ms, with margins of 300 ms either side.
@Suite struct EphemeralStoreSuite {
    static let expiry = Duration.milliseconds(800)
    static let call = EphemeralScope("call", "123")
    static let alice = EphemeralScope("presence", "user", "alice")

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test(arguments: EphemeralStoreKind.all)
    func aValueIsReadBackUntilItExpires(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let ringing = Self.call.key("ringing")
            let state = Self.call.key("state")
            try await subject.store.set(ringing, Self.bytes("bob"), expiresIn: Self.expiry)
            try await subject.store.set(state, Self.bytes("RINGING"), expiresIn: nil)
            #expect(try await subject.store.value(ringing) == Self.bytes("bob"))
            try await subject.pass(.milliseconds(1_100))
            #expect(try await subject.store.value(ringing) == nil)
            #expect(try await subject.store.value(state) == Self.bytes("RINGING"))
        }
    }

    @Test(arguments: EphemeralStoreKind.all)
    func valuesOfKeysOfManyScopesAreReadTogetherInOrder(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let users = ["alice", "bob", "carol", "dave"]
            let keys = users.map { EphemeralScope("presence", "user", $0).key("status") }
            for (user, key) in zip(users, keys) where user != "carol" {
                try await subject.store.set(key, Self.bytes(user.uppercased()), expiresIn: Self.expiry)
            }
            let values = try await subject.store.values(keys)
            #expect(values == [Self.bytes("ALICE"), Self.bytes("BOB"), nil, Self.bytes("DAVE")])
            #expect(try await subject.store.values([]).isEmpty)
        }
    }

    @Test(arguments: EphemeralStoreKind.all)
    func setIfAbsentWritesOnlyWhereNothingLives(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let heartbeat = EphemeralScope("instance", "a").key("heartbeat")
            #expect(try await subject.store.setIfAbsent(heartbeat, Self.bytes("1"), expiresIn: Self.expiry))
            #expect(try await !subject.store.setIfAbsent(heartbeat, Self.bytes("2"), expiresIn: Self.expiry))
            #expect(try await subject.store.value(heartbeat) == Self.bytes("1"))
            try await subject.pass(.milliseconds(1_100))
            #expect(try await subject.store.setIfAbsent(heartbeat, Self.bytes("3"), expiresIn: Self.expiry))
            #expect(try await subject.store.value(heartbeat) == Self.bytes("3"))
        }
    }

    @Test(arguments: EphemeralStoreKind.all)
    func deleteAndExpireWorkOnEveryKindAndSayWhetherThereWasAnEntry(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let value = Self.call.key("state")
            let members = Self.call.key("ringing")
            let log = Self.call.key("signals")
            try await subject.store.set(value, Self.bytes("RINGING"), expiresIn: Self.expiry)
            try await subject.store.addMember("phone", to: members, expiresIn: Self.expiry)
            try await subject.store.append(Self.bytes("offer"), to: log, keepingLast: 10, expiresIn: Self.expiry)
            try await subject.pass(.milliseconds(500))
            let renewed = try await subject.store.apply(
                EphemeralUpdate([
                    .expire(value, in: Self.expiry), .expire(log, in: Self.expiry),
                    .expire(Self.call.key("missing"), in: Self.expiry),
                ]))
            #expect(renewed == .applied([1, 1, 0]))
            try await subject.pass(.milliseconds(500))
            // Renewed, they outlive their first expiry; the set was not.
            #expect(try await subject.store.value(value) == Self.bytes("RINGING"))
            #expect(try await subject.store.entries(of: log, after: 0).count == 1)
            #expect(try await subject.store.members(of: members).isEmpty)
            #expect(try await subject.store.delete(value))
            #expect(try await subject.store.delete(log))
            #expect(try await !subject.store.delete(value))
            #expect(try await subject.store.value(value) == nil)
            #expect(try await subject.store.entries(of: log, after: 0).isEmpty)
        }
    }

    @Test(arguments: EphemeralStoreKind.all)
    func countersCountFromZeroAndRenewOrKeepTheirExpiry(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let renewed = Self.call.key("sequence")
            let kept = Self.call.key("attempts")
            #expect(try await subject.store.increment(renewed, expiresIn: Self.expiry) == 1)
            #expect(try await subject.store.increment(renewed, by: 5, expiresIn: Self.expiry) == 6)
            #expect(try await subject.store.increment(renewed, by: -8, expiresIn: Self.expiry) == -2)
            #expect(try await subject.store.value(renewed) == Self.bytes("-2"))
            #expect(try await subject.store.increment(kept, expiresIn: Self.expiry) == 1)
            try await subject.pass(.milliseconds(500))
            try await subject.store.increment(renewed, expiresIn: Self.expiry)
            #expect(try await subject.store.increment(kept, expiresIn: nil) == 2)
            try await subject.pass(.milliseconds(500))
            // Renewed 500 ms ago; kept to its first expiry, which has passed.
            #expect(try await subject.store.value(renewed) == Self.bytes("-1"))
            #expect(try await subject.store.value(kept) == nil)
            #expect(try await subject.store.increment(kept, expiresIn: nil) == 1)
        }
    }

    @Test(arguments: EphemeralStoreKind.all)
    func aValueThatIsNoCounterOrACounterAtItsLimitIsNotIncremented(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let text = Self.call.key("state")
            let large = Self.call.key("large")
            try await subject.store.set(text, Self.bytes("RINGING"), expiresIn: Self.expiry)
            await #expect(throws: EphemeralStoreError.notACounter(text)) {
                try await subject.store.increment(text, expiresIn: Self.expiry)
            }
            #expect(try await subject.store.value(text) == Self.bytes("RINGING"))
            try await subject.store.set(large, Self.bytes("9007199254740990"), expiresIn: Self.expiry)
            #expect(try await subject.store.increment(large, expiresIn: nil) == EphemeralUpdate.counterLimit)
            await #expect(throws: EphemeralStoreError.counterOutOfRange(large)) {
                try await subject.store.increment(large, expiresIn: nil)
            }
            try await subject.store.set(large, Self.bytes("-0012"), expiresIn: Self.expiry)
            #expect(try await subject.store.increment(large, expiresIn: nil) == -11)
        }
    }

    @Test(arguments: EphemeralStoreKind.all)
    func membersExpireOneByOneUnlessRenewed(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let devices = Self.alice.key("devices")
            #expect(try await subject.store.addMember("web", to: devices, expiresIn: Self.expiry))
            #expect(try await subject.store.addMember("ios", to: devices, expiresIn: Self.expiry))
            #expect(try await subject.store.members(of: devices) == ["ios", "web"])
            try await subject.pass(.milliseconds(500))
            // Renewing a live member is not adding one.
            #expect(try await !subject.store.addMember("web", to: devices, expiresIn: Self.expiry))
            try await subject.pass(.milliseconds(500))
            #expect(try await subject.store.members(of: devices) == ["web"])
            #expect(
                try await subject.store.apply(EphemeralUpdate(if: [.lacksMember(devices, "ios")], [])) == .applied([]))
            #expect(try await subject.store.removeMember("web", from: devices))
            #expect(try await !subject.store.removeMember("web", from: devices))
            #expect(try await !subject.store.removeMember("ios", from: devices))
            #expect(try await subject.store.members(of: devices).isEmpty)
            // An expired member comes back as a new one.
            #expect(try await subject.store.addMember("ios", to: devices, expiresIn: Self.expiry))
        }
    }

    @Test(arguments: EphemeralStoreKind.all)
    func theSetExpiresWithItsLatestMember(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let devices = Self.alice.key("devices")
            try await subject.store.addMember("web", to: devices, expiresIn: .milliseconds(300))
            try await subject.store.addMember("ios", to: devices, expiresIn: Self.expiry)
            try await subject.pass(.milliseconds(1_100))
            // Gone, expired members and all: nothing is left to prune, and the key may
            // become a value.
            #expect(try await subject.store.pruneMembers(of: devices).isEmpty)
            try await subject.store.set(devices, Self.bytes("x"), expiresIn: Self.expiry)
            #expect(try await subject.store.value(devices) == Self.bytes("x"))
        }
    }

    @Test(arguments: EphemeralStoreKind.all)
    func pruningGivesEachExpiredMemberOnce(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let instances = EphemeralScope("presence", "instances").key("alive")
            try await subject.store.addMember("a", to: instances, expiresIn: .milliseconds(300))
            try await subject.store.addMember("b", to: instances, expiresIn: .milliseconds(300))
            try await subject.store.addMember("c", to: instances, expiresIn: .seconds(5))
            #expect(try await subject.store.pruneMembers(of: instances).isEmpty)
            try await subject.pass(.milliseconds(600))
            #expect(try await subject.store.members(of: instances) == ["c"])
            let found = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<4 {
                    group.addTask { try await subject.store.pruneMembers(of: instances) }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(found.sorted() == ["a", "b"])
            #expect(try await subject.store.members(of: instances) == ["c"])
            #expect(try await subject.store.pruneMembers(of: EphemeralScope("none").key("set")).isEmpty)
        }
    }

    @Test(arguments: EphemeralStoreKind.all)
    func membersOfManySetsAreReadTogetherInOrder(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let sets = ["alice", "bob", "carol"].map { EphemeralScope("presence", "user", $0).key("devices") }
            try await subject.store.addMember("web", to: sets[0], expiresIn: Self.expiry)
            try await subject.store.addMember("ios", to: sets[2], expiresIn: Self.expiry)
            try await subject.store.addMember("android", to: sets[2], expiresIn: Self.expiry)
            #expect(try await subject.store.members(sets) == [["web"], [], ["android", "ios"]])
        }
    }

    @Test(arguments: EphemeralStoreKind.all)
    func aLogNumbersItsEntriesAndKeepsTheNewest(kind: EphemeralStoreKind) async throws {
        try await kind.withStore { subject in
            let signals = Self.call.key("signals")
            var sequences: [Int64] = []
            for index in 1...5 {
                let entry = Self.bytes("signal \(index): a:b")
                sequences.append(
                    try await subject.store.append(entry, to: signals, keepingLast: 3, expiresIn: Self.expiry))
            }
            #expect(sequences == [1, 2, 3, 4, 5])
            let kept = try await subject.store.entries(of: signals, after: 0)
            #expect(kept.map(\.sequence) == [3, 4, 5])
            #expect(kept.first?.payload == Self.bytes("signal 3: a:b"))
            #expect(try await subject.store.entries(of: signals, after: 4).map(\.sequence) == [5])
            #expect(try await subject.store.entries(of: signals, after: 5).isEmpty)
            try await subject.pass(.milliseconds(1_100))
            #expect(try await subject.store.entries(of: signals, after: 0).isEmpty)
            #expect(try await subject.store.append([], to: signals, keepingLast: 3, expiresIn: Self.expiry) == 1)
            #expect(try await subject.store.entries(of: signals, after: 0).first?.payload == [])
        }
    }
}
