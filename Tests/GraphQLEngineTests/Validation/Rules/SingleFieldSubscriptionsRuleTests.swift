import Testing

@testable import GraphQLEngine

@Suite struct SingleFieldSubscriptionsRuleTests {
    /// A subscription type implementing an interface and belonging to a union, so that
    /// fragments on abstract types can apply at the root; and a schema without one.
    static func tickerSchema() throws -> Schema {
        try Schema(
            sdl: """
                type Query { price: Float }
                interface Ticker { tick: Int }
                type Subscription implements Ticker { tick: Int price: Float }
                union Feed = Subscription
                """)
    }

    static func noSubscriptionSchema() throws -> Schema {
        try Schema(sdl: "type Query { a: String b: String }")
    }

    // MARK: One root field

    @Test func oneRootFieldIsValid() {
        expectValid(SingleFieldSubscriptionsRule.self, "subscription Added { notificationAdded { id title } }")
    }

    @Test func oneRootFieldThroughAFragmentIsValid() {
        expectValid(
            SingleFieldSubscriptionsRule.self,
            """
            subscription Added { ...AddedFields }
            fragment AddedFields on Subscription { notificationAdded { id } }
            """)
    }

    @Test func oneResponseNameSelectedTwiceIsOneRootField() {
        expectValid(
            SingleFieldSubscriptionsRule.self,
            """
            subscription {
              notificationAdded { id }
              ... on Subscription { notificationAdded { title } }
              ...Again
            }
            fragment Again on Subscription { notificationAdded { body } }
            """)
    }

    @Test func conditionalDirectivesBelowTheRootFieldAreValid() {
        expectValid(
            SingleFieldSubscriptionsRule.self,
            """
            subscription Added($full: Boolean!) {
              notificationAdded { id body @include(if: $full) actor @skip(if: $full) { __typename } }
            }
            """)
    }

    @Test func queriesAndMutationsMaySelectManyRootFields() {
        expectValid(
            SingleFieldSubscriptionsRule.self,
            """
            query Q { __typename me { id } user { id } }
            mutation M { markRead(id: 1) { id } send(target: { userId: 1 }, title: "hi") }
            """)
    }

    @Test func aSpreadRepeatedOrCyclicIsCollectedOnce() {
        expectValid(
            SingleFieldSubscriptionsRule.self,
            """
            subscription { ...Added ...Added }
            fragment Added on Subscription { notificationAdded { id } ...Added }
            """)
    }

    // MARK: More than one root field

    @Test func aSecondRootFieldIsAnErrorAtThatField() {
        expectErrors(
            SingleFieldSubscriptionsRule.self,
            """
            subscription Two {
              notificationAdded { id }
              presenceChanged(userId: 1) { status }
            }
            """,
            [error("Subscription \"Two\" must select only one top level field.", at: (3, 3))])
    }

    @Test func anAnonymousSubscriptionIsCalledSo() {
        expectErrors(
            SingleFieldSubscriptionsRule.self,
            "subscription { notificationAdded { id } presenceChanged(userId: 1) { status } }",
            [error("Anonymous Subscription must select only one top level field.", at: (1, 41))])
    }

    @Test func everyFieldAfterTheFirstResponseNameIsLocatedGroupByGroup() {
        expectErrors(
            SingleFieldSubscriptionsRule.self,
            """
            subscription Many {
              notificationAdded { id }
              presenceChanged(userId: 1) { status }
              notificationAdded { title }
              other: presenceChanged(userId: 2) { status }
              presenceChanged(userId: 1) { lastSeen }
            }
            """,
            [error("Subscription \"Many\" must select only one top level field.", at: (3, 3), (6, 3), (5, 3))])
    }

    @Test func rootFieldsAreCollectedThroughFragmentsAndInlineFragments() {
        expectErrors(
            SingleFieldSubscriptionsRule.self,
            """
            subscription Spread {
              ...Added
              ... on Subscription { presenceChanged(userId: 1) { status } }
            }
            fragment Added on Subscription { notificationAdded { id } ...More }
            fragment More on Subscription { again: notificationAdded { id } }
            """,
            [error("Subscription \"Spread\" must select only one top level field.", at: (6, 33), (3, 25))])
    }

    @Test func fragmentsOnAbstractTypesOfTheRootApply() throws {
        expectErrors(
            SingleFieldSubscriptionsRule.self,
            """
            subscription Ticks {
              tick
              ... on Ticker { price: tick }
              ...OnFeed
            }
            fragment OnFeed on Feed { ... on Subscription { last: price } }
            """,
            [error("Subscription \"Ticks\" must select only one top level field.", at: (3, 19), (6, 49))],
            schema: try Self.tickerSchema())
    }

    @Test func fragmentsThatCannotApplyToTheRootAreNotCollected() throws {
        expectValid(
            SingleFieldSubscriptionsRule.self,
            """
            subscription Ticks {
              tick
              ... on Query { price }
              ...OnQuery
              ...OnUnknown
              ...Missing
            }
            fragment OnQuery on Query { price }
            fragment OnUnknown on Nowhere { price }
            """,
            schema: try Self.tickerSchema())
    }

    // MARK: Introspection

    @Test func anIntrospectionRootFieldIsAnError() {
        expectErrors(
            SingleFieldSubscriptionsRule.self,
            "subscription { __typename }",
            [error("Anonymous Subscription must not select an introspection top level field.", at: (1, 16))])
    }

    @Test func anAliasedIntrospectionFieldIsStillIntrospection() {
        expectErrors(
            SingleFieldSubscriptionsRule.self,
            """
            subscription Kind {
              kind: __typename
              ...Kind
            }
            fragment Kind on Subscription { kind: __typename }
            """,
            [
                error(
                    "Subscription \"Kind\" must not select an introspection top level field.", at: (2, 3), (5, 33))
            ])
    }

    @Test func anIntrospectionFieldBesideAnotherIsBothErrors() {
        expectErrors(
            SingleFieldSubscriptionsRule.self,
            """
            subscription Intro {
              notificationAdded { id }
              __typename
            }
            """,
            [
                error("Subscription \"Intro\" must select only one top level field.", at: (3, 3)),
                error("Subscription \"Intro\" must not select an introspection top level field.", at: (3, 3)),
            ])
    }

    // MARK: @skip and @include

    @Test func includeOnTheRootFieldIsAnErrorAtTheDirective() {
        expectErrors(
            SingleFieldSubscriptionsRule.self,
            """
            subscription Conditional($on: Boolean!) {
              notificationAdded @include(if: $on) { id }
            }
            """,
            [
                error(
                    "Subscription \"Conditional\" must not use `@skip` or `@include` directives in the top level selection.",
                    at: (2, 21))
            ])
    }

    @Test func conditionalRootSelectionsAreOneErrorAtEveryDirectiveAndNothingMore() {
        expectErrors(
            SingleFieldSubscriptionsRule.self,
            """
            subscription ($off: Boolean!) {
              ...Added @skip(if: $off)
              ... @include(if: $off) { presenceChanged(userId: 1) { status } }
              __typename @skip(if: $off) @include(if: true)
            }
            fragment Added on Subscription { notificationAdded @skip(if: $off) { id } }
            """,
            [
                error(
                    "Anonymous Subscription must not use `@skip` or `@include` directives in the top level selection.",
                    at: (2, 12), (6, 52), (3, 7), (4, 14), (4, 30))
            ])
    }

    @Test func aRepeatedSpreadIsCheckedForDirectivesEachTime() {
        expectErrors(
            SingleFieldSubscriptionsRule.self,
            """
            subscription Again($off: Boolean!) {
              ...Added
              ...Added @skip(if: $off)
            }
            fragment Added on Subscription { notificationAdded { id } }
            """,
            [
                error(
                    "Subscription \"Again\" must not use `@skip` or `@include` directives in the top level selection.",
                    at: (3, 12))
            ])
    }

    @Test func withoutASubscriptionTypeThereIsNothingToCheck() throws {
        expectValid(
            SingleFieldSubscriptionsRule.self, "subscription { a b __typename }", schema: try Self.noSubscriptionSchema())
    }

    @Test func eachSubscriptionIsCheckedOnItsOwn() {
        expectErrors(
            SingleFieldSubscriptionsRule.self,
            """
            subscription One { notificationAdded { id } }
            subscription Two { presenceChanged(userId: 1) { status } notificationAdded { id } }
            """,
            [error("Subscription \"Two\" must select only one top level field.", at: (2, 58))])
    }
}
