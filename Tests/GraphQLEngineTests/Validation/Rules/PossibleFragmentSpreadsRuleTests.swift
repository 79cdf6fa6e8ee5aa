import Testing

@testable import GraphQLEngine

@Suite struct PossibleFragmentSpreadsRuleTests {
    /// Interfaces and unions that share no object type, and interfaces no object implements.
    static func petSchema() throws -> Schema {
        try Schema(
            sdl: """
                type Query { pet: Pet being: Being node: Node resource: Resource dogOrHuman: DogOrHuman }
                interface Pet { name: String }
                interface Being { name: String }
                type Dog implements Pet { name: String }
                type Human implements Being { name: String }
                union DogOrHuman = Dog | Human
                union HumanOnly = Human
                interface Node { id: ID! }
                interface Resource implements Node { id: ID! url: String }
                """)
    }

    // MARK: Object spreads in object scope

    @Test func anObjectFragmentOnItsOwnTypeIsValid() {
        expectValid(
            PossibleFragmentSpreadsRule.self,
            """
            { me { ... on User { id } ...UserFields } }
            fragment UserFields on User { name ... { email } }
            """)
    }

    @Test func anInlineFragmentOnAnotherObjectTypeIsAnError() {
        expectErrors(
            PossibleFragmentSpreadsRule.self,
            "{ me { ... on Bot { id } } }",
            [error("Fragment cannot be spread here as objects of type \"User\" can never be of type \"Bot\".", at: (1, 8))])
    }

    @Test func aNamedSpreadOnAnotherObjectTypeIsAnErrorAtTheSpread() {
        expectErrors(
            PossibleFragmentSpreadsRule.self,
            """
            { me { bestFriend { ...BotFields @tag(label: "b") } } }
            fragment BotFields on Bot { version }
            """,
            [
                error(
                    "Fragment \"BotFields\" cannot be spread here as objects of type \"User\" can never be of type \"Bot\".",
                    at: (1, 21))
            ])
    }

    // MARK: Abstract spreads in object scope

    @Test func anInterfaceOrUnionTheObjectBelongsToIsValid() {
        expectValid(
            PossibleFragmentSpreadsRule.self,
            """
            { me { ... on Named { name } ... on Actor { __typename } ...NodeFields ...Results } }
            fragment NodeFields on Node { id }
            fragment Results on SearchResult { __typename }
            """)
    }

    @Test func anInterfaceOrUnionTheObjectIsNotPartOfIsAnError() {
        expectErrors(
            PossibleFragmentSpreadsRule.self,
            """
            { me { devices { ... on Node { id } ...ActorFields } } }
            fragment ActorFields on Actor { __typename }
            """,
            [
                error(
                    "Fragment cannot be spread here as objects of type \"Device\" can never be of type \"Node\".",
                    at: (1, 18)),
                error(
                    "Fragment \"ActorFields\" cannot be spread here as objects of type \"Device\" can never be of type \"Actor\".",
                    at: (1, 37)),
            ])
    }

    // MARK: Object spreads in abstract scope

    @Test func anObjectThatIsAPossibleTypeOfTheScopeIsValid() {
        expectValid(
            PossibleFragmentSpreadsRule.self,
            """
            { actor { ... on User { id } ...BotFields } node(id: 1) { ... on Notification { title } } }
            fragment BotFields on Bot { id }
            """)
    }

    @Test func anObjectThatIsNotAPossibleTypeOfTheScopeIsAnError() {
        expectErrors(
            PossibleFragmentSpreadsRule.self,
            """
            {
              actor { ... on Device { token } }
              named { ...NotificationFields }
            }
            fragment NotificationFields on Notification { title }
            """,
            [
                error(
                    "Fragment cannot be spread here as objects of type \"Actor\" can never be of type \"Device\".",
                    at: (2, 11)),
                error(
                    "Fragment \"NotificationFields\" cannot be spread here as objects of type \"Named\" can never be of type \"Notification\".",
                    at: (3, 11)),
            ])
    }

    // MARK: Abstract spreads in abstract scope

    @Test func abstractTypesSharingAnObjectTypeAreValid() throws {
        expectValid(
            PossibleFragmentSpreadsRule.self,
            """
            { actor { ... on Named { name } } search(text: "a") { ... on Node { id } ...ActorFields } }
            fragment ActorFields on Actor { __typename }
            """)
        expectValid(
            PossibleFragmentSpreadsRule.self,
            """
            { pet { ...DogOrHumanFields } dogOrHuman { ... on Being { name } } }
            fragment DogOrHumanFields on DogOrHuman { __typename }
            """,
            schema: try Self.petSchema())
    }

    @Test func abstractTypesSharingNoObjectTypeAreAnError() throws {
        expectErrors(
            PossibleFragmentSpreadsRule.self,
            """
            { pet { ...BeingFields ... on HumanOnly { __typename } } }
            fragment BeingFields on Being { name }
            """,
            [
                error(
                    "Fragment \"BeingFields\" cannot be spread here as objects of type \"Pet\" can never be of type \"Being\".",
                    at: (1, 9)),
                error(
                    "Fragment cannot be spread here as objects of type \"Pet\" can never be of type \"HumanOnly\".",
                    at: (1, 24)),
            ],
            schema: try Self.petSchema())
    }

    @Test func anInterfaceMayBeSpreadInAnInterfaceItImplementsWithoutImplementations() throws {
        expectValid(
            PossibleFragmentSpreadsRule.self,
            """
            { node { ...ResourceFields } resource { ... on Node { id } } }
            fragment ResourceFields on Resource { url }
            """,
            schema: try Self.petSchema())
    }

    @Test func interfacesWithoutImplementationsOverlapNothingElse() throws {
        expectErrors(
            PossibleFragmentSpreadsRule.self,
            "{ node { ... on Pet { name } } }",
            [error("Fragment cannot be spread here as objects of type \"Node\" can never be of type \"Pet\".", at: (1, 10))],
            schema: try Self.petSchema())
    }

    // MARK: What other rules report

    @Test func unknownTypesFragmentsAndScopesAreIgnored() {
        expectValid(
            PossibleFragmentSpreadsRule.self,
            """
            {
              me { ... on Unknown { id } ...Missing ...OnMissing ... on String { length } }
              me { unknownField { ... on Bot { id } } }
            }
            fragment OnMissing on Nowhere { id }
            """)
    }

    @Test func spreadsInsideFragmentDefinitionsAreCheckedAgainstTheirTypeCondition() {
        expectErrors(
            PossibleFragmentSpreadsRule.self,
            """
            fragment BotFields on Bot {
              ... on User { id }
              owner { ...BotFields }
            }
            """,
            [
                error("Fragment cannot be spread here as objects of type \"Bot\" can never be of type \"User\".", at: (2, 3)),
                error(
                    "Fragment \"BotFields\" cannot be spread here as objects of type \"User\" can never be of type \"Bot\".",
                    at: (3, 11)),
            ])
    }
}
