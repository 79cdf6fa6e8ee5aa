import Testing

@testable import GraphQLEngine

/// A schema with every kind of type and directive use, its types spread over
/// definitions and extensions, for round trips.
let kitchenSinkSchemaSDL = #"""
    """
    The kitchen sink:
    every construct of the type system.
    """
    schema @tag(name: "sink") { query: Root mutation: Change }
    extend schema { subscription: Feed }

    "Tags anything."
    directive @tag(name: String!) repeatable on SCHEMA | SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INTERFACE | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
    directive @limit(
      "Requests per window."
      max: Int! = 100
      window: Window = {seconds: 60, label: """per "minute" window"""}
    ) on FIELD_DEFINITION | OBJECT

    scalar Instant @specifiedBy(url: "https://example.com/instant")
    scalar JSON
    extend scalar JSON @tag(name: "json")

    interface Node { id: ID! }
    interface Named implements Node { id: ID! name(style: Style = PLAIN): String }
    extend interface Named @tag(name: "named") { nickname: String @deprecated }

    """
      Someone who uses the service.

    Indented lines are kept.
    """
    type User implements Named & Node @limit(max: 10) {
      id: ID!
      name(style: Style = PLAIN): String
      nickname: String @deprecated
      """
      The friends,
      closest first.
      """
      friends(
        """
        How many to return:
          at most 100.
        """
        first: Int = 10
        after: String @deprecated(reason: "Use `cursor`.")
        cursor: String
      ): [User!]!
      settings: JSON @tag(name: "private")
    }
    extend type User { joinedAt: Instant }

    type Bot implements Node { id: ID! }
    union Actor @tag(name: "actor") = User
    extend union Actor = Bot

    enum Style {
      PLAIN
      """
      All capitals,
      as if shouting.
      """
      LOUD @deprecated(reason: "Too loud.")
    }
    extend enum Style @tag(name: "style") { QUIET }

    input Window { seconds: Int! label: String }
    input UserBy @oneOf { id: ID name: String @deprecated }
    extend input UserBy { email: String }
    input Filter {
      style: Style = LOUD
      since: Instant = "2024-01-01T00:00:00Z"
      by: [UserBy!] = [{id: 1}, {email: "a@example.com"}]
      window: Window! = {seconds: 1}
      extra: JSON = {nested: [1, 2.5, true, null, ENUMISH]}
    }

    type Root { node(id: ID!): Node actors(filter: Filter): [Actor] }
    type Change { rename(name: String!): User }
    type Feed { actorAdded: Actor }
    """#

@Suite struct SchemaPrintingTests {
    @Test func aSmallSchemaPrintsCanonicalSDL() throws {
        let schema = try Schema(
            sdl: #"""
                type Query { user(id: ID!): User users(first: Int = 10 after: String): [User!]! }
                directive @auth(role: Role = ADMIN) on FIELD_DEFINITION | OBJECT
                "An identity"
                interface Node { id: ID! }
                """
                A person.
                  With indented detail.
                """
                type User implements Node @auth {
                  id: ID!
                  "How they are called." name: String @auth(role: MEMBER)
                  role: Role @deprecated
                }
                enum Role { ADMIN "A member." MEMBER @deprecated(reason: "Use ADMIN.") }
                union Actor = User | Query
                input Filter @oneOf { id: ID text: String }
                scalar DateTime @specifiedBy(url: "https://example.com/datetime")
                """#)
        #expect(
            schema.printed() == #"""
                directive @auth(role: Role = ADMIN) on FIELD_DEFINITION | OBJECT

                type Query {
                  user(id: ID!): User
                  users(first: Int = 10, after: String): [User!]!
                }

                "An identity"
                interface Node {
                  id: ID!
                }

                """
                A person.
                  With indented detail.
                """
                type User implements Node @auth {
                  id: ID!
                  "How they are called."
                  name: String @auth(role: MEMBER)
                  role: Role @deprecated
                }

                enum Role {
                  ADMIN
                  "A member."
                  MEMBER @deprecated(reason: "Use ADMIN.")
                }

                union Actor = User | Query

                input Filter @oneOf {
                  id: ID
                  text: String
                }

                scalar DateTime @specifiedBy(url: "https://example.com/datetime")
                """#)
    }

    @Test func extensionsArePrintedMergedIntoTheirTypes() throws {
        let schema = try Schema(
            sdl: """
                directive @tag on OBJECT | SCHEMA
                type Query { a: Int }
                extend type Query implements Node @tag { id: ID! }
                interface Node { id: ID! }
                extend schema @tag
                """)
        #expect(
            schema.printed() == """
                schema @tag {
                  query: Query
                }

                directive @tag on OBJECT | SCHEMA

                type Query implements Node @tag {
                  a: Int
                  id: ID!
                }

                interface Node {
                  id: ID!
                }
                """)
    }

    @Test func theSchemaDefinitionIsLeftOutWhenTheDefaultNamesSayTheSame() throws {
        let schema = try Schema(sdl: "type Query { a: Int } type Mutation { b: Int }")
        #expect(schema.printed() == "type Query {\n  a: Int\n}\n\ntype Mutation {\n  b: Int\n}")
        let explicit = try Schema(sdl: "schema { query: Query mutation: Mutation } type Query { a: Int } type Mutation { b: Int }")
        #expect(explicit.printed() == schema.printed())
    }

    @Test func theSchemaDefinitionIsPrintedForRootsNotNamedAfterTheirOperation() throws {
        let renamed = try Schema(sdl: "schema { query: Root } type Root { a: Int }")
        #expect(renamed.printed() == "schema {\n  query: Root\n}\n\ntype Root {\n  a: Int\n}")
    }

    @Test func theSchemaDefinitionIsPrintedWhenATypeNamedAfterAnOperationIsNotItsRoot() throws {
        let schema = try Schema(sdl: "schema { query: Query } type Query { a: Int } type Mutation { b: Int }")
        #expect(schema.mutationType == nil)
        #expect(schema.printed().hasPrefix("schema {\n  query: Query\n}\n\n"))
        #expect(try Schema(sdl: schema.printed()).mutationType == nil)
    }

    @Test func theSchemaDefinitionIsPrintedForItsDescription() throws {
        let schema = try Schema(sdl: "\"The API.\" schema { query: Query } type Query { a: Int }")
        #expect(schema.printed() == "\"The API.\"\nschema {\n  query: Query\n}\n\ntype Query {\n  a: Int\n}")
    }

    @Test func builtInScalarsDirectivesAndIntrospectionTypesAreLeftOut() throws {
        let schema = try Schema(sdl: "type Query { a: String b: Int c: Float d: Boolean e: ID }")
        let printed = schema.printed()
        #expect(printed == "type Query {\n  a: String\n  b: Int\n  c: Float\n  d: Boolean\n  e: ID\n}")
    }

    @Test func aDescriptionThatNoBlockStringCanHoldIsQuoted() throws {
        // A leading blank line would be dropped when read back from a block string.
        let schema = try Schema(sdl: #"type Query { "\nStarts with a blank line." a: Int }"#)
        #expect(schema.printed() == "type Query {\n  \"\\nStarts with a blank line.\"\n  a: Int\n}")
        #expect(try Schema(sdl: schema.printed()).type(named: "Query")?.field(named: "a")?.description
            == "\nStarts with a blank line.")
    }

    @Test(arguments: ["workload", "kitchen sink"])
    func aPrintedSchemaBuildsASchemaThatPrintsTheSame(_ name: String) throws {
        let sdl = name == "workload" ? try workloadSchemaSDL() : kitchenSinkSchemaSDL
        let printed = try Schema(sdl: sdl).printed()
        let reprinted = try Schema(sdl: printed).printed()
        #expect(reprinted == printed, "\(name) printed differently the second time:\n\(reprinted)")
    }

    @Test func theKitchenSinkKeepsEveryDetailWhenPrinted() throws {
        let original = try Schema(sdl: kitchenSinkSchemaSDL)
        let reread = try Schema(sdl: original.printed())
        #expect(reread.description == "The kitchen sink:\nevery construct of the type system.")
        #expect(reread.rootType(for: .subscription)?.name == "Feed")
        #expect(reread.appliedDirectives.map(\.name) == ["tag"])
        #expect(
            reread.types.filter { !$0.isBuiltIn }.map(\.name)
                == original.types.filter { !$0.isBuiltIn }.map(\.name))
        let user = try namedType("User", in: reread)
        #expect(user.description == "  Someone who uses the service.\n\nIndented lines are kept.")
        #expect(user.fields.map(\.name) == ["id", "name", "nickname", "friends", "settings", "joinedAt"])
        let friends = try #require(user.field(named: "friends"))
        #expect(friends.description == "The friends,\nclosest first.")
        #expect(friends.argument(named: "first")?.description == "How many to return:\n  at most 100.")
        #expect(friends.argument(named: "after")?.deprecationReason == "Use `cursor`.")
        #expect(try namedType("Style", in: reread).enumValue(named: "LOUD")?.description == "All capitals,\nas if shouting.")
        #expect(try namedType("JSON", in: reread).directives.map(\.name) == ["tag"])
        #expect(try namedType("Instant", in: reread).specifiedByURL == "https://example.com/instant")
        #expect(try namedType("UserBy", in: reread).isOneOf)
        #expect(try namedType("Style", in: reread).enumValues.map(\.name) == ["PLAIN", "LOUD", "QUIET"])
        let window = try #require(reread.directive(named: "limit")?.argument(named: "window")?.defaultValue)
        #expect(Printer.print(window) == #"{seconds: 60, label: """per "minute" window"""}"#)
    }
}
