import Testing

@testable import GraphQLEngine

@Suite struct OverlappingFieldsCanBeMergedRuleTests {
    let rule = OverlappingFieldsCanBeMergedRule.self
    let advice = " Use different aliases on the fields to fetch both if this was intentional."

    @Test func theSameFieldSelectedTwiceMerges() {
        expectValid(rule, "{ me { name name id } me { email } }")
    }

    @Test func argumentsInAnotherOrderAreTheSameArguments() {
        expectValid(rule, "{ arguments { optionalPair(a: 1, b: 2) optionalPair(b: 2, a: 1) } }")
    }

    @Test func anAliasForTwoDifferentFieldsConflicts() {
        expectErrors(
            rule, "{ me { x: name x: email } }",
            [error("Fields \"x\" conflict because \"name\" and \"email\" are different fields." + advice, at: (1, 8), (1, 16))])
    }

    @Test func differentArgumentValuesConflict() {
        expectErrors(
            rule, "{ arguments { int(value: 1) int(value: 2) } }",
            [error("Fields \"int\" conflict because they have differing arguments." + advice, at: (1, 15), (1, 29))])
    }

    @Test func anArgumentGivenToOneFieldOnlyConflicts() {
        expectErrors(
            rule, "{ arguments { int int(value: $v) } }",
            [error("Fields \"int\" conflict because they have differing arguments." + advice, at: (1, 15), (1, 19))])
    }

    @Test func differentFieldsOnDistinctObjectTypesMayShareAName() {
        expectValid(rule, "{ actor { ... on User { label: email } ... on Bot { label: name } } }")
    }

    @Test func distinctObjectTypesMustStillAgreeOnTheShape() {
        expectErrors(
            rule, "{ actor { ... on User { version } ... on Bot { version } } }",
            [
                error(
                    "Fields \"version\" conflict because they return conflicting types \"String\" and \"Int\"." + advice,
                    at: (1, 25), (1, 48))
            ])
    }

    @Test func listAndNonListShapesConflict() {
        expectErrors(
            rule, "{ me { ... on User { x: friends { id } } ... on User { x: bestFriend { id } } } }",
            [
                error(
                    "Fields \"x\" conflict because \"friends\" and \"bestFriend\" are different fields." + advice,
                    at: (1, 22), (1, 56))
            ])
        expectErrors(
            rule, "{ actor { ... on User { x: friends { id } } ... on Bot { x: owner { id } } } }",
            [
                error(
                    "Fields \"x\" conflict because they return conflicting types \"[User!]!\" and \"User\"." + advice,
                    at: (1, 25), (1, 58))
            ])
    }

    @Test func anAbstractParentIsNotExclusiveWithItsObjects() {
        expectErrors(
            rule, "{ named { name ... on User { name: email } } }",
            [error("Fields \"name\" conflict because \"name\" and \"email\" are different fields." + advice, at: (1, 11), (1, 30))])
    }

    @Test func conflictingSubfieldsAreReportedOnTheirParents() {
        expectErrors(
            rule, "{ me { bestFriend { x: name } bestFriend { x: email } } }",
            [
                error(
                    "Fields \"bestFriend\" conflict because subfields \"x\" conflict because \"name\" and \"email\" are different fields."
                        + advice, at: (1, 8), (1, 21), (1, 31), (1, 44))
            ])
    }

    @Test func aConflictWithinOneSelectionIsReportedThere() {
        expectErrors(
            rule, "{ me { bestFriend { x: name x: email } } }",
            [error("Fields \"x\" conflict because \"name\" and \"email\" are different fields." + advice, at: (1, 21), (1, 29))])
    }

    @Test func fieldsFromTwoFragmentsConflictOnce() {
        expectErrors(
            rule,
            """
            { me { ...A ...B } }
            fragment A on User { x: name }
            fragment B on User { x: email }
            """,
            [error("Fields \"x\" conflict because \"name\" and \"email\" are different fields." + advice, at: (2, 22), (3, 22))])
    }

    @Test func aFieldAndAFragmentFieldConflict() {
        expectErrors(
            rule,
            """
            { me { x: id ...A } }
            fragment A on User { x: name }
            """,
            [error("Fields \"x\" conflict because \"id\" and \"name\" are different fields." + advice, at: (1, 8), (2, 22))])
    }

    @Test func aThousandRepeatedFieldsMerge() {
        let fields = String(repeating: "name friends { id email } ", count: 1_000)
        expectValid(rule, "{ me { \(fields) } }")
    }

    @Test func oneOddFieldAmongAThousandIsOneConflict() {
        let fields = String(repeating: "name ", count: 999)
        let errors = (try? validationErrors([rule], "{ me { \(fields) name: email } }")) ?? []
        #expect(errors.count == 1)
        #expect(errors.first?.message == "Fields \"name\" conflict because \"name\" and \"email\" are different fields." + advice)
    }

    @Test func fragmentsRepeatedAtEveryLevelAreCheckedOnce() {
        // Spread naively, this document has 2^40 copies of the innermost fragment.
        var document = "{ me { ...F0 ...F0 } }\n"
        for level in 0..<40 {
            document += "fragment F\(level) on User { name bestFriend { ...F\(level + 1) ...F\(level + 1) } }\n"
        }
        document += "fragment F40 on User { id }\n"
        expectValid(rule, document)
    }

    @Test func aConflictDeepInsideRepeatedFragmentsIsFound() {
        var document = "{ me { ...F0 } }\n"
        for level in 0..<20 {
            document += "fragment F\(level) on User { bestFriend { ...F\(level + 1) ...F\(level + 1) } }\n"
        }
        document += "fragment F20 on User { x: id x: name }\n"
        let errors = (try? validationErrors([rule], document)) ?? []
        #expect(errors.map(\.message) == ["Fields \"x\" conflict because \"id\" and \"name\" are different fields." + advice])
    }

    @Test func aConflictReachedByExponentiallyManyPathsIsFoundOnce() {
        // Two response names at every level, each reaching the next fragment: 2^30 paths
        // to the conflict at the bottom, which is checked, and reported, once.
        var document = "{ me { ...F0 } }\n"
        for level in 0..<30 {
            document += "fragment F\(level) on User { a: bestFriend { ...F\(level + 1) } b: bestFriend { ...F\(level + 1) } }\n"
        }
        document += "fragment F30 on User { x: id x: name }\n"
        let errors = (try? validationErrors([rule], document)) ?? []
        #expect(errors.map(\.message) == ["Fields \"x\" conflict because \"id\" and \"name\" are different fields." + advice])
    }

    @Test func aConflictInASetReachedTwiceIsBlamedOnEachParentPair() {
        expectErrors(
            rule,
            """
            { me { ...A } user { ...A } actor { ... on User { f: bestFriend { ...B } f: bestFriend { ...C } } } }
            fragment A on User { bestFriend { id } }
            fragment B on User { y: id }
            fragment C on User { y: name }
            """,
            [
                error(
                    "Fields \"f\" conflict because subfields \"y\" conflict because \"id\" and \"name\" are different fields."
                        + advice, at: (1, 51), (3, 22), (1, 74), (4, 22))
            ])
    }
    // A fragment that spreads itself is NoFragmentCycles' error; merging must still end.
    @Test func aFragmentSpreadInsideItsOwnFieldEnds() {
        expectValid(rule, "{ me { ...A } }\nfragment A on User { name bestFriend { name ...A } }")
    }

    @Test func fragmentsSpreadingEachOtherInsideFieldsEnd() {
        expectValid(
            rule,
            """
            { me { ...A } }
            fragment A on User { bestFriend { ...B } }
            fragment B on User { bestFriend { ...A } friends { ...A ...B } }
            """)
    }

    @Test func aConflictBesideARecursiveSpreadIsStillFound() {
        expectErrors(
            rule, "{ me { ...A } }\nfragment A on User { x: name x: email bestFriend { ...A } }",
            [error("Fields \"x\" conflict because \"name\" and \"email\" are different fields." + advice, at: (2, 22), (2, 30))])
    }
}
