// Two documents that between them use every construct of the GraphQL grammar, for tests
// that need "a bit of everything": printing, round trips, visitors, validation fixtures.
// They are written by hand for Switchboard's domains; both parse with `.trusted` options.

/// Every executable construct: the three operation types, named, anonymous and shorthand
/// operations, descriptions on operations, fragments and variables, variables of list and
/// non-null types with defaults of every value kind and directives, aliases, arguments of
/// every value kind (nested lists and objects, block strings, unicode escapes), fragment
/// spreads with directives, inline fragments with and without a type condition, fragment
/// definitions with directives, comments and insignificant commas.
let executableKitchenSink = #"""
# Shorthand query: the whole operation is a selection set.
{
  viewer { id, name }
}

"""
Loads everything the inbox screen shows.
  Indented second line.
"""
query Inbox(
  "How many notifications to load." $first: Int = 20,
  """
  Skip the archive when true.
  """
  $unreadOnly: Boolean! = false @deprecated(reason: "use the filter")
  $after: String = null
  $types: [NotificationType!] = [MESSAGE, MENTION]
  $matrix: [[Float!]!]! = [[1.5, -0.25e3], [6.02E+23]]
  $filter: NotificationFilter = {unreadOnly: true, since: "2024-01-01", limits: {max: 50, ratio: 0.75e-2}, tags: []}
  $empty: Settings = {}
  $greeting: String = """
    Hello,
      world
  """
  $id: ID = 42
  $locale: String = "en-US"
  $ratio: Float = 0.5
  $sort: NotificationSort = NEWEST
) @live(throttle: 200) @trace {
  # Aliases, arguments of every kind and nested selections.
  me: viewer {
    ...UserCard @include(if: $unreadOnly)
    friends(first: 5, after: $after, orderBy: {field: NAME, direction: ASC}) {
      ...UserCard
    }
  }
  notifications(
    first: $first
    filter: {unreadOnly: $unreadOnly, types: $types, minPriority: NORMAL, nested: [[1, 2], [], [{deep: null}]]}
    search: "quote \" backslash \\ slash \/ tab \t newline \n bell \u0007 e-acute \u00E9 smile \u{1F600} pair \uD83D\uDE00"
    note: """
      A block string with "quotes" and \""" inside,
        indented lines and a trailing backslash \
    """
    negative: -17
    zero: 0
    exponent: 1e10
    flag: false
    other: true
    nothing: null
  ) @skip(if: false) {
    totalCount,
    edges {
      cursor
      node {
        __typename
        ... on Notification @defer(label: "body") {
          id
          title
          actor { ...UserCard }
        }
        ... @include(if: true) {
          createdAt
        }
        ... {
          readAt
        }
      }
    }
  }
}

query {
  callCount: calls(first: 1) { id }
}

query ($id: ID!) {
  node(id: $id) { id }
}

"Sends one message."
mutation SendMessage($channel: ID!, $input: MessageInput! = {text: "hi", attachments: [{kind: IMAGE, url: "https://example.test/a.png"}]}) {
  sendMessage(channel: $channel, input: $input) @retry(times: 3) {
    id
    sentAt
  }
}

mutation {
  markAllRead
}

subscription OnCallEvents($callId: ID!) @live {
  callEvents(callId: $callId) {
    ... on ParticipantJoined { participant { user { ...UserCard } } }
    ... on QualityChanged { quality { bitrateKbps jitterMs } }
  }
}

"""
The fields every user chip shows.
"""
fragment UserCard on User @cached(ttl: 60) {
  id
  name
  avatar: avatarUrl(size: 64)
  presence {
    status
    lastSeenAt
  }
}

"A fragment with a quoted description."
fragment CallSummary on Call {
  id, state, participants { muted }
}
"""#

/// Every type-system construct: a schema definition with a description and directives,
/// scalars, objects implementing several interfaces, interfaces implementing interfaces,
/// unions, enums with deprecated values, input objects with defaults, directive
/// definitions (`repeatable`, many locations), quoted and block descriptions on
/// everything that takes one, and every form of `extend`.
let schemaKitchenSink = #"""
"""
The Switchboard schema: realtime messaging, presence and calls.
"""
schema @link(url: "https://specs.example.test/switchboard/v1") {
  query: Query
  mutation: Mutation
  subscription: Subscription
}

"An instant, as an ISO-8601 string."
scalar DateTime @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc3339")

"""
Arbitrary JSON, passed through untouched.
"""
scalar JSON

"Anything with a global id."
interface Node {
  "The global id."
  id: ID!
}

"""
Something that can be read, with a timestamp.
"""
interface Readable implements Node {
  id: ID!
  readAt: DateTime
}

interface Timestamped implements & Node & Readable @meta(tags: ["core", "time"]) {
  id: ID!
  readAt: DateTime
  createdAt: DateTime!
}

"""
A person on Switchboard.

  Keeps indented lines indented.
"""
type User implements Node & Timestamped @key(fields: "id") {
  id: ID!
  readAt: DateTime
  createdAt: DateTime!
  "The display name."
  name: String!
  """
  Friends, most recent first.
  """
  friends(
    "How many to return."
    first: Int = 10
    """
    A cursor from a previous page.
    """
    after: String
    orderBy: FriendOrder = {field: NAME, direction: ASC}
  ): [User!]! @complexity(multiplier: 2)
  avatarUrl(size: Int = 64, format: ImageFormat = PNG): String
  matrix: [[Float!]]
  legacyName: String @deprecated(reason: "Use `name`.")
}

type Query {
  viewer: User
  node(id: ID!): Node
  search(text: String!, kinds: [SearchKind!] = [USER, MESSAGE], limit: Int = 20): [SearchResult!]!
}

type Mutation {
  sendMessage(channel: ID!, input: MessageInput!): Message
}

type Subscription {
  callEvents(callId: ID!): CallEvent
}

type Message implements Node {
  id: ID!
  text: String
}

type Empty

"Anything a search can find."
union SearchResult @cacheControl(maxAge: 30) = User | Message

"""
Something that happened during a call.
"""
union CallEvent =
  | ParticipantJoined
  | QualityChanged

union Unresolved

"How a notification was caused."
enum NotificationType {
  "Someone wrote to you."
  MESSAGE
  """
  Someone mentioned you.
  """
  MENTION
  REPLY @deprecated(reason: "Replies are messages now.")
  LEGACY_PING @deprecated
}

"""
What a search looks for.
"""
enum SearchKind { USER MESSAGE }

"""
What to send.
"""
input MessageInput @oneOf {
  "The text of the message."
  text: String! = ""
  """
  Files to attach.
  """
  attachments: [AttachmentInput!] = []
  priority: Priority = NORMAL
  meta: JSON = {source: "web", retries: [1, 2.5, -3], nested: {on: true, off: null}}
  escaped: String = "line\nnext \"quoted\" \u00E9"
}

"The order friends are listed in."
input FriendOrder {
  field: FriendField = NAME
  direction: Direction! = ASC
}

"""
Marks a field whose value is computed; many locations.
"""
directive @computed(
  "How costly the computation is."
  cost: Int = 1
  """
  Other fields it needs.
  """
  requires: [String!] = []
) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE

"Caches a result."
directive @cached(ttl: Int! = 60, scope: CacheScope = PUBLIC) on QUERY | MUTATION | SUBSCRIPTION | FIELD | FRAGMENT_DEFINITION | FRAGMENT_SPREAD | INLINE_FRAGMENT | VARIABLE_DEFINITION

directive @meta(tags: [String!]) repeatable on
  | SCHEMA
  | SCALAR
  | OBJECT
  | FIELD_DEFINITION
  | ARGUMENT_DEFINITION
  | INTERFACE
  | UNION
  | ENUM
  | ENUM_VALUE
  | INPUT_OBJECT
  | INPUT_FIELD_DEFINITION

directive @trace on QUERY

extend schema @meta(tags: ["extended"])

extend schema {
  subscription: Subscription
}

extend schema @trace2 {
  mutation: Mutation
}

extend scalar JSON @specifiedBy(url: "https://www.json.org")

extend type User implements Readable @key(fields: "name") {
  "Added by an extension."
  bio(
    """
    Cut the text to this many characters.
    """
    maxLength: Int
  ): String
}

extend type Message implements Timestamped

extend type Message @shareable

extend interface Node @meta(tags: ["ids"])

extend interface Readable implements Timestamped {
  unread: Boolean!
}

extend interface Timestamped {
  updatedAt: DateTime
}

extend union SearchResult = Call

extend union CallEvent @meta(tags: ["events"])

extend union Unresolved @meta(tags: []) = User | Message

extend enum NotificationType {
  CALL
  "A friend request."
  FRIEND_REQUEST @meta(tags: ["social"])
}

extend enum SearchKind @meta(tags: ["search"])

extend input MessageInput {
  "Reply to this message."
  replyTo: ID
}

extend input FriendOrder @meta(tags: ["order"])
"""#
