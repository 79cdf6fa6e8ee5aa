import Testing

@testable import GraphQLEngine

@Suite struct NoFragmentCyclesRuleTests {
    @Test func fragmentsSpreadAlongADiamondAreNoCycle() {
        expectValid(
            NoFragmentCyclesRule.self,
            """
            { me { ...Top } }
            fragment Top on User { ...Left ...Right }
            fragment Left on User { bestFriend { ...Bottom } }
            fragment Right on User { ... on User { ...Bottom } }
            fragment Bottom on User { id }
            """)
    }

    @Test func spreadingOneFragmentTwiceIsNoCycle() {
        expectValid(
            NoFragmentCyclesRule.self,
            """
            fragment Twice on User { ...Once bestFriend { ...Once } }
            fragment Once on User { id }
            """)
    }

    @Test func spreadsOfUndefinedFragmentsAreIgnored() {
        expectValid(NoFragmentCyclesRule.self, "fragment A on User { ...Missing bestFriend { ...A2 } }")
    }

    @Test func aFragmentSpreadWithinItselfIsACycle() {
        expectErrors(
            NoFragmentCyclesRule.self,
            "fragment A on User { ...A }",
            [error("Cannot spread fragment \"A\" within itself.", at: (1, 22))])
    }

    @Test func aSpreadWithinItselfDeepInsideFieldsAndInlineFragmentsIsACycle() {
        expectErrors(
            NoFragmentCyclesRule.self,
            "fragment A on User { bestFriend { ... on User { ...A } } }",
            [error("Cannot spread fragment \"A\" within itself.", at: (1, 49))])
    }

    @Test func twoFragmentsSpreadingEachOtherAreOneCycleAtBothSpreads() {
        expectErrors(
            NoFragmentCyclesRule.self,
            """
            fragment A on User { ...B }
            fragment B on User { ...A }
            """,
            [error("Cannot spread fragment \"A\" within itself via \"B\".", at: (1, 22), (2, 22))])
    }

    @Test func aCycleThroughSeveralFragmentsNamesThemInOrder() {
        expectErrors(
            NoFragmentCyclesRule.self,
            """
            fragment A on User { ...B }
            fragment B on User { ...C }
            fragment C on User { ...A }
            """,
            [error("Cannot spread fragment \"A\" within itself via \"B\", \"C\".", at: (1, 22), (2, 22), (3, 22))])
    }

    @Test func aCycleBetweenObjectTypesThroughFieldsIsACycle() {
        expectErrors(
            NoFragmentCyclesRule.self,
            """
            fragment UserChain on User { devices { ...DeviceChain } }
            fragment DeviceChain on Device { owner { ...UserChain } }
            """,
            [
                error(
                    "Cannot spread fragment \"UserChain\" within itself via \"DeviceChain\".", at: (1, 40), (2, 42))
            ])
    }

    @Test func aCycleNotThroughTheFirstFragmentIsLocatedAtItsOwnSpreadsOnly() {
        expectErrors(
            NoFragmentCyclesRule.self,
            """
            fragment A on User { ...B }
            fragment B on User { ...C }
            fragment C on User { ...B }
            """,
            [error("Cannot spread fragment \"B\" within itself via \"C\".", at: (2, 22), (3, 22))])
    }

    @Test func everyCycleFromOneFragmentIsReported() {
        expectErrors(
            NoFragmentCyclesRule.self,
            """
            fragment A on User { ...A ...B }
            fragment B on User { ...A }
            """,
            [
                error("Cannot spread fragment \"A\" within itself.", at: (1, 22)),
                error("Cannot spread fragment \"A\" within itself via \"B\".", at: (1, 27), (2, 22)),
            ])
    }

    @Test func aCycleIsReportedOnceHoweverManyFragmentsAndOperationsReachIt() {
        expectErrors(
            NoFragmentCyclesRule.self,
            """
            { me { ...A ...C } }
            query Q { me { ...B } }
            fragment A on User { ...B }
            fragment B on User { ...A }
            fragment C on User { ...A ...B }
            """,
            [error("Cannot spread fragment \"A\" within itself via \"B\".", at: (3, 22), (4, 22))])
    }

    @Test func aLongChainOfFragmentsWithoutACycleIsValid() {
        expectValid(NoFragmentCyclesRule.self, Self.chain(length: 1_000, closed: false))
    }

    @Test func aCycleThroughAThousandFragmentsIsOneErrorAtEverySpread() {
        let names = (1..<1_000).map { "\"F\($0)\"" }.joined(separator: ", ")
        let locations = (0..<1_000).map { index in
            GraphQLEngine.SourceLocation(line: index + 1, column: 22 + String(index).count)
        }
        let expected = ExpectedError(
            message: "Cannot spread fragment \"F0\" within itself via \(names).", locations: locations)
        expectErrors(NoFragmentCyclesRule.self, Self.chain(length: 1_000, closed: true), [expected])
    }

    /// `fragment F0 on User { ...F1 }` and so on, one a line, the last spreading the first
    /// when `closed`.
    static func chain(length: Int, closed: Bool) -> String {
        (0..<length).map { index in
            let next = index + 1 < length ? "...F\(index + 1)" : (closed ? "...F0" : "id")
            return "fragment F\(index) on User { \(next) }"
        }.joined(separator: "\n")
    }
}
