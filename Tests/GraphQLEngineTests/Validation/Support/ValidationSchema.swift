@testable import GraphQLEngine

/// The schema the validation rule tests run against: every kind of type, interfaces
/// implementing interfaces, unions, enums, nested and `@oneOf` input objects, arguments of
/// every input type, custom scalars, and a directive for each executable location.
let validationSchemaSDL = #"""
    interface Node { id: ID! }
    interface Named implements Node { id: ID! name(uppercase: Boolean): String }

    enum Priority { LOW NORMAL HIGH URGENT }
    enum Platform { IOS ANDROID WEB }

    scalar DateTime
    scalar JSON

    type User implements Node & Named {
      id: ID!
      name(uppercase: Boolean): String
      email: String
      version: String
      friends(first: Int = 10, after: String): [User!]!
      bestFriend: User
      presence: Presence
      devices: [Device]
      notifications(filter: NotificationFilter, first: Int): [Notification]
    }

    type Bot implements Node & Named {
      id: ID!
      name(uppercase: Boolean): String
      version: Int
      owner: User
    }

    type Device { token: String! platform: Platform owner: User }
    type Presence { status: String lastSeen: DateTime devices: Int }

    type Notification implements Node {
      id: ID!
      title: String!
      body: String
      priority: Priority
      read: Boolean
      actor: Actor
      recipient: User!
      metadata: JSON
    }

    union Actor = User | Bot
    union SearchResult = User | Notification | Device

    input NotificationFilter { priorities: [Priority!] unreadOnly: Boolean = false since: DateTime text: String }
    input Page { first: Int! after: String }
    input Nested { page: Page! filter: NotificationFilter tags: [String!] }
    input Target @oneOf { userId: ID tenantId: ID userIds: [ID!] }

    type Arguments {
      int(value: Int): String
      nonNullInt(value: Int!): String
      string(value: String): String
      nonNullString(value: String!): String
      boolean(value: Boolean): String
      nonNullBoolean(value: Boolean!): String
      float(value: Float): String
      id(value: ID): String
      priority(value: Priority): String
      stringList(values: [String]): String
      nonNullStringList(values: [String!]!): String
      filter(value: NotificationFilter): String
      nested(value: Nested): String
      target(value: Target): String
      multipleRequired(a: Int!, b: Int!): String
      requiredWithDefault(a: Int! = 1): String
      optionalPair(a: Int, b: Int): String
      dateTime(value: DateTime): String
    }

    type Query {
      node(id: ID!): Node
      named: Named
      user(id: ID): User
      me: User
      actor: Actor
      search(text: String!): [SearchResult]
      notifications(filter: NotificationFilter, first: Int): [Notification!]!
      arguments: Arguments
    }

    type Mutation {
      markRead(id: ID!): Notification
      send(target: Target!, title: String!): Boolean
    }

    type Subscription {
      notificationAdded(priority: Priority): Notification
      presenceChanged(userId: ID!): Presence
    }

    directive @onQuery on QUERY
    directive @onMutation on MUTATION
    directive @onSubscription on SUBSCRIPTION
    directive @onField on FIELD
    directive @onFragmentDefinition on FRAGMENT_DEFINITION
    directive @onFragmentSpread on FRAGMENT_SPREAD
    directive @onInlineFragment on INLINE_FRAGMENT
    directive @onVariableDefinition on VARIABLE_DEFINITION
    directive @tag(label: String) repeatable on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
    directive @cached(ttl: Int!, scope: String = "user") on FIELD | QUERY
    """#

/// `DateTime` accepts RFC 3339 text only, so tests can see a custom scalar refuse a value.
let validationSchemaScalars: [String: ScalarCoercion] = [
    "DateTime": ScalarCoercion { value throws(ScalarCoercionError) in
        guard case .string(let text) = value, text.count >= 20, text.contains("T") else {
            throw ScalarCoercionError("DateTime cannot represent a non RFC 3339 value: \(value)")
        }
        return value
    }
]

let validationSchema: Schema = {
    do {
        return try Schema(sdl: validationSchemaSDL, name: "validation-schema.graphql", scalars: validationSchemaScalars)
    } catch {
        fatalError("The validation test schema does not build:\n\(error)")
    }
}()
