import Testing

@testable import GraphQLEngine

/// People and their pets: interfaces (one implementing another), a union, and objects
/// nested deep enough to merge subselections at several levels.
private let mergingSchema = SpecExecution.schema(
    """
    interface Named { name: String }
    interface Pet implements Named { name: String owner: Person }
    type Dog implements Pet & Named { name: String barks: Boolean owner: Person }
    type Cat implements Pet & Named { name: String lives: Int owner: Person }
    type Person implements Named { name: String age: Int address: Address best: Pet }
    type Address { street: String city: String zip: String }
    union Being = Dog | Cat | Person
    type Query { person: Person beings: [Being] }
    """)

private let ada: InputValue = [
    "name": "Ada", "age": 36,
    "address": ["street": "1 Loop Rd", "city": "London", "zip": "N1"],
    "best": ["__typename": "Dog", "name": "Rex", "barks": true, "owner": ["name": "Ada", "age": 36]],
]

private let beings: InputValue = [
    "beings": [
        ["__typename": "Dog", "name": "Rex", "barks": true, "owner": ["name": "Ada"]],
        ["__typename": "Cat", "name": "Tom", "lives": 9, "owner": nil],
        ["__typename": "Person", "name": "Bob", "age": 40],
    ]
]

private func run(_ document: String, root: InputValue = ["person": ada], variables: [String: InputValue] = [:])
    async throws -> String
{
    try await SpecExecution.run(document, on: mergingSchema, root: root, variables: variables)
}

/// Spec 6.3.2 "Field Collection" (CollectFields, DoesFragmentTypeApply, and
/// CollectSubfields for the merged subselections that 6.4.3 completes): one response
/// entry per response name, in the order names are first seen, whatever mix of fields
/// and fragments gave it.
@Suite struct FieldMergingExecutionTests {
    // MARK: Merging by response name

    /// The second `address` adds `city` after `street`; `street` is not repeated.
    @Test func theSameFieldTwiceMergesItsSubselectionsInFirstSeenOrder() async throws {
        let text = try await run("{ person { address { street } name address { city street } } }")
        #expect(text == #"{"data":{"person":{"address":{"street":"1 Loop Rd","city":"London"},"name":"Ada"}}}"#)
    }

    /// A named fragment, an inline fragment and the field itself all feed one `address`,
    /// placed where the fragment first named it.
    @Test func fieldsFromNamedAndInlineFragmentsMergeWithPlainFields() async throws {
        let text = try await run(
            """
            { person { ...Home ... on Person { address { zip } } address { street } } }
            fragment Home on Person { address { city } name }
            """)
        #expect(
            text == #"{"data":{"person":{"address":{"city":"London","zip":"N1","street":"1 Loop Rd"},"name":"Ada"}}}"#)
    }

    /// Merging goes down every level: `best.owner` gets `name` from one `best` and `age`
    /// from another, through fragments on the runtime type.
    @Test func subselectionsMergeAtEveryDepth() async throws {
        let text = try await run(
            """
            { person {
                best { name ... on Dog { owner { name } } }
                best { ... on Dog { barks owner { age } } }
            } }
            """)
        #expect(text == #"{"data":{"person":{"best":{"name":"Rex","owner":{"name":"Ada","age":36},"barks":true}}}}"#)
    }

    /// Aliases make separate entries of one field, and the same alias twice is one entry.
    @Test func aliasesSplitOneFieldAndJoinRepeatedAliases() async throws {
        let text = try await run(
            "{ person { home: address { city } work: address { street } home: address { zip } n: name name } }")
        #expect(
            text
                == #"{"data":{"person":{"home":{"city":"London","zip":"N1"},"work":{"street":"1 Loop Rd"},"n":"Ada","name":"Ada"}}}"#
        )
    }

    /// The response key is the alias, even when it is the name of another field.
    @Test func anAliasMayBeTheNameOfAnotherField() async throws {
        let text = try await run("{ person { age: name name: age } }")
        #expect(text == #"{"data":{"person":{"age":"Ada","name":36}}}"#)
    }

    /// Aliased root fields each run once with their own subselection.
    @Test func aliasedRootFieldsAreSeparateEntries() async throws {
        let text = try await run("{ b: person { name } a: person { age } b: person { age } }")
        #expect(text == #"{"data":{"b":{"name":"Ada","age":36},"a":{"age":36}}}"#)
    }

    /// A fragment spread again in the same selection set is collected once, where it
    /// was first spread (visitedFragments).
    @Test func aFragmentSpreadTwiceContributesOnceWhereFirstSpread() async throws {
        let text = try await run(
            """
            { person { age ...N name ... on Person { ...N } } }
            fragment N on Person { name address { city } }
            """)
        #expect(text == #"{"data":{"person":{"age":36,"name":"Ada","address":{"city":"London"}}}}"#)
    }

    // MARK: @skip and @include

    /// Spec 3.13: a selection is included only when `@skip` is false and `@include` is
    /// true; with both on one field, both must agree. Every combination, as literals.
    @Test(arguments: [(false, true, true), (false, false, false), (true, true, false), (true, false, false)])
    func skipAndIncludeLiteralsOnOneField(skip: Bool, include: Bool, included: Bool) async throws {
        let text = try await run("{ person { age name @skip(if: \(skip)) @include(if: \(include)) } }")
        #expect(
            text == (included ? #"{"data":{"person":{"age":36,"name":"Ada"}}}"# : #"{"data":{"person":{"age":36}}}"#))
    }

    /// The same combinations given by variables.
    @Test(arguments: [(false, true, true), (false, false, false), (true, true, false), (true, false, false)])
    func skipAndIncludeVariablesOnOneField(skip: Bool, include: Bool, included: Bool) async throws {
        let text = try await run(
            "query ($s: Boolean!, $i: Boolean!) { person { age name @skip(if: $s) @include(if: $i) } }",
            variables: ["s": .boolean(skip), "i": .boolean(include)])
        #expect(
            text == (included ? #"{"data":{"person":{"age":36,"name":"Ada"}}}"# : #"{"data":{"person":{"age":36}}}"#))
    }

    /// A variable not given takes its default in `if` like in any argument.
    @Test func directiveVariablesFallBackToTheirDefaults() async throws {
        let document =
            "query ($s: Boolean = true, $i: Boolean = true) { person { age @skip(if: $s) name @include(if: $i) } }"
        #expect(try await run(document) == #"{"data":{"person":{"name":"Ada"}}}"#)
        #expect(try await run(document, variables: ["s": false, "i": false]) == #"{"data":{"person":{"age":36}}}"#)
    }

    /// Directives on fragment spreads and inline fragments (with and without a type
    /// condition) leave out or keep the whole fragment.
    @Test func skipAndIncludeOnFragmentsLeaveOutTheWholeFragment() async throws {
        let document = """
            query ($withHome: Boolean!, $noAge: Boolean!) {
              person {
                ...Home @include(if: $withHome)
                ... on Person @skip(if: $noAge) { age }
                ... @include(if: true) { name }
                ... @skip(if: true) { address { street } }
              }
            }
            fragment Home on Person { address { city } }
            """
        #expect(
            try await run(document, variables: ["withHome": true, "noAge": false])
                == #"{"data":{"person":{"address":{"city":"London"},"age":36,"name":"Ada"}}}"#)
        #expect(
            try await run(document, variables: ["withHome": false, "noAge": true])
                == #"{"data":{"person":{"name":"Ada"}}}"#)
    }

    /// A skipped field is not collected, so its subselection adds nothing to a field of
    /// the same name that is included, and the entry takes the included field's place.
    @Test func aSkippedFieldContributesNoSubselectionToItsNamesake() async throws {
        let text = try await run(
            "{ person { address @skip(if: true) { city } name address @include(if: true) { street } } }")
        #expect(text == #"{"data":{"person":{"name":"Ada","address":{"street":"1 Loop Rd"}}}}"#)
    }

    /// One included occurrence is enough for the response name to be there.
    @Test func aNameIsPresentWhenAnyOfItsFieldsIsIncluded() async throws {
        let text = try await run("{ person { name @skip(if: true) age name @include(if: false) name } }")
        #expect(text == #"{"data":{"person":{"age":36,"name":"Ada"}}}"#)
    }

    /// A skipped spread does not count as visited: the same fragment spread later, not
    /// skipped, is collected there.
    @Test func aSkippedSpreadDoesNotMarkItsFragmentVisited() async throws {
        let text = try await run(
            """
            { person { ...N @skip(if: true) age ...N } }
            fragment N on Person { name }
            """)
        #expect(text == #"{"data":{"person":{"age":36,"name":"Ada"}}}"#)
    }

    /// Directives inside a fragment apply to the fields where the fragment is used.
    @Test func directivesInsideFragmentsApplyWhereverTheFragmentIsSpread() async throws {
        let text = try await run(
            """
            query ($full: Boolean!) { person { ...P best { ...P } } }
            fragment P on Named { name ... on Person @include(if: $full) { age } }
            """, variables: ["full": true])
        #expect(text == #"{"data":{"person":{"name":"Ada","age":36,"best":{"name":"Rex"}}}}"#)
    }

    /// The root selection set is collected like any other.
    @Test func rootFieldsAreSkippedAndIncludedToo() async throws {
        let text = try await run(
            "query ($on: Boolean!) { a: person @include(if: $on) { name } b: person @skip(if: $on) { age } }",
            variables: ["on": false])
        #expect(text == #"{"data":{"b":{"age":36}}}"#)
    }

    /// A null `if` passes validation when its variable has a default, so execution must
    /// refuse it. It is an argument like any other (spec 6.4.1; 5.8.5 says a non-null
    /// argument given null raises an execution error): the error nulls the field whose
    /// selection set holds the directive, and is the client's doing, `BAD_USER_INPUT`,
    /// as for field arguments.
    @Test func aNullIfArgumentNullsTheEnclosingFieldAsBadUserInput() async throws {
        let text = try await run(
            "query ($i: Boolean = true) { person { name @include(if: $i) } }", variables: ["i": nil])
        #expect(
            text
                == #"{"errors":[{"message":"Argument \"if\" of non-null type \"Boolean!\" must not be null.","locations":[{"line":1,"column":57}],"path":["person"],"extensions":{"code":"BAD_USER_INPUT"}}],"data":{"person":null}}"#
        )
    }

    /// The same in the root selection set reaches `data`. No field holds the directive,
    /// so the error has no `path` (spec 7.1 "Errors": a path ends at the field the error is
    /// about; `[]` names no field).
    @Test func aNullIfArgumentAtTheRootNullsDataWithoutAPath() async throws {
        let text = try await run(
            "query ($i: Boolean = true) { person { name } ... @include(if: $i) { b: person { age } } }",
            variables: ["i": nil])
        #expect(
            text
                == #"{"errors":[{"message":"Argument \"if\" of non-null type \"Boolean!\" must not be null.","locations":[{"line":1,"column":63}],"extensions":{"code":"BAD_USER_INPUT"}}],"data":null}"#
        )
    }

    // MARK: Fragments on abstract types

    /// DoesFragmentTypeApply: a fragment on an object type applies to that type only; on
    /// an interface, to its implementations; on a union, to its members.
    @Test func fragmentsApplyOnlyToTheRuntimeTypesTheyCover() async throws {
        let text = try await run(
            """
            { beings {
                __typename
                ... on Named { name }
                ... on Pet { owner { name } }
                ... on Dog { barks }
                ... on Cat { lives }
                ...Adult
            } }
            fragment Adult on Person { age }
            """, root: beings)
        #expect(
            text
                == #"{"data":{"beings":[{"__typename":"Dog","name":"Rex","owner":{"name":"Ada"},"barks":true},{"__typename":"Cat","name":"Tom","owner":null,"lives":9},{"__typename":"Person","name":"Bob","age":40}]}}"#
        )
    }

    /// A union fragment inside an interface-typed field: `Being` covers every `Pet`, and
    /// its own `... on Cat` narrows it again.
    @Test func fragmentsOnAUnionApplyInsideAnInterfaceField() async throws {
        let text = try await run("{ person { best { ... on Being { ... on Cat { lives } ... on Dog { barks } } } } }")
        #expect(text == #"{"data":{"person":{"best":{"barks":true}}}}"#)
    }

    /// Fields reached through an interface fragment and through an object fragment merge
    /// by response name in each item, with the order each item first saw them.
    @Test func fieldsFromFragmentsOnDifferentTypesMergePerItem() async throws {
        let text = try await run(
            "{ beings { ... on Dog { owner { age } } ... on Pet { name owner { name } } ... on Named { name } } }",
            root: ["beings": [["__typename": "Dog", "name": "Rex", "owner": ["name": "Ada", "age": 36]]]])
        #expect(text == #"{"data":{"beings":[{"owner":{"age":36,"name":"Ada"},"name":"Rex"}]}}"#)
    }

    /// An item none of whose fragments apply is an empty object, not null.
    @Test func anItemNoFragmentAppliesToIsAnEmptyObject() async throws {
        let text = try await run("{ beings { ... on Dog { barks } } }", root: beings)
        #expect(text == #"{"data":{"beings":[{"barks":true},{},{}]}}"#)
    }

    // MARK: __typename

    /// `__typename` names the runtime object type at the root, in objects, in abstract
    /// positions, under aliases and in fragments; repeated, it is one entry.
    @Test func typenameAnswersAnywhereAndUnderAliases() async throws {
        let text = try await run(
            """
            { __typename root: __typename
              person { kind: __typename __typename best { __typename ... on Dog { t: __typename } } ...T }
            }
            fragment T on Person { __typename name: __typename }
            """)
        #expect(
            text
                == #"{"data":{"__typename":"Query","root":"Query","person":{"kind":"Person","__typename":"Person","best":{"__typename":"Dog","t":"Dog"},"name":"Person"}}}"#
        )
    }

    /// In a union list, `__typename` is each item's own type, and can be the only field.
    @Test func typenameAloneGivesEachUnionMembersType() async throws {
        let text = try await run("{ beings { __typename } all: beings { what: __typename } }", root: beings)
        #expect(
            text
                == #"{"data":{"beings":[{"__typename":"Dog"},{"__typename":"Cat"},{"__typename":"Person"}],"all":[{"what":"Dog"},{"what":"Cat"},{"what":"Person"}]}}"#
        )
    }

    /// `__typename` comes from the schema, not from a `__typename` key in the value: a
    /// concrete field keeps its declared type whatever the value says.
    @Test func typenameOfAConcreteFieldIsItsDeclaredType() async throws {
        let text = try await run(
            "{ person { __typename address { __typename city } } }",
            root: ["person": ["__typename": "Dog", "address": ["__typename": "Person", "city": "Paris"]]])
        #expect(
            text == #"{"data":{"person":{"__typename":"Person","address":{"__typename":"Address","city":"Paris"}}}}"#)
    }
}
