import Foundation
import Testing

@testable import GraphQLEngine

/// The workload schema, from the copy in `Fixtures/workload` (this file is
/// Tests/GraphQLEngineTests/TypeSystem/SchemaBuildingTests.swift).
func workloadSchemaSDL() throws -> String {
    let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/workload")
    return try String(contentsOf: fixtures.appendingPathComponent("schema.graphql"), encoding: .utf8)
}

/// The named type `name` of `schema`, failing the test when it is missing.
func namedType(_ name: String, in schema: Schema, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> NamedType
{
    try #require(schema.type(named: name), "no type \(name)", sourceLocation: sourceLocation)
}

@Suite struct SchemaBuildingTests {
    // MARK: - Every kind of type

    @Test func everyKindOfTypeIsBuiltWithItsDescriptionAndMembers() throws {
        let schema = try Schema(
            sdl: #"""
                "An instant, as ISO 8601 text."
                scalar DateTime

                """
                Something with an identity.
                Stable across sessions.
                """
                interface Node { id: ID! }

                "A person."
                type User implements Node {
                  "The user's identity."
                  id: ID!
                  "Friends, closest first."
                  friends("How many." first: Int = 10, after: String, order: Order = NEWEST): [User!]!
                  joinedAt: DateTime
                }

                "How lists are sorted."
                enum Order {
                  "Most recent first."
                  NEWEST
                  OLDEST
                }

                "Anything a search finds."
                union SearchResult = User | Post

                type Post { title: String }

                "What to look for."
                input Filter {
                  "Words to match."
                  text: String!
                  limit: Int = 20
                  order: [Order!] = [NEWEST]
                }

                type Query { search(filter: Filter): [SearchResult] }
                """#)

        let dateTime = try namedType("DateTime", in: schema)
        #expect(dateTime.kind == .scalar)
        #expect(dateTime.description == "An instant, as ISO 8601 text.")

        let node = try namedType("Node", in: schema)
        #expect(node.kind == .interface)
        #expect(node.description == "Something with an identity.\nStable across sessions.")
        #expect(node.fields.map(\.name) == ["id"])

        let user = try namedType("User", in: schema)
        #expect(user.kind == .object)
        #expect(user.description == "A person.")
        #expect(user.interfaces == [node.id])
        #expect(user.fields.map(\.name) == ["id", "friends", "joinedAt"])
        let id = try #require(user.field(named: "id"))
        #expect(id.description == "The user's identity.")
        #expect(schema.describe(id.type) == "ID!")
        let friends = try #require(user.field(named: "friends"))
        #expect(friends.description == "Friends, closest first.")
        #expect(schema.describe(friends.type) == "[User!]!")
        #expect(friends.type == .nonNull(.list(.nonNull(.named(user.id)))))
        #expect(friends.arguments.map(\.name) == ["first", "after", "order"])
        let first = try #require(friends.argument(named: "first"))
        #expect(first.description == "How many.")
        #expect(first.type == .named(try namedType("Int", in: schema).id))
        #expect(first.defaultValue.map(Printer.print) == "10")
        #expect(!first.isRequired)
        #expect(friends.argument(named: "after")?.defaultValue == nil)
        #expect(friends.argument(named: "order")?.defaultValue.map(Printer.print) == "NEWEST")
        #expect(user.field(named: "joinedAt")?.type == .named(dateTime.id))

        let order = try namedType("Order", in: schema)
        #expect(order.kind == .enumType)
        #expect(order.description == "How lists are sorted.")
        #expect(order.enumValues.map(\.name) == ["NEWEST", "OLDEST"])
        #expect(order.enumValue(named: "NEWEST")?.description == "Most recent first.")
        #expect(order.enumValue(named: "OLDEST")?.description == nil)
        #expect(order.enumValue(named: "MIDDLE") == nil)

        let searchResult = try namedType("SearchResult", in: schema)
        #expect(searchResult.kind == .union)
        #expect(searchResult.description == "Anything a search finds.")
        #expect(searchResult.possibleTypeMembers == [user.id, try namedType("Post", in: schema).id])
        #expect(searchResult.fields.isEmpty)

        let filter = try namedType("Filter", in: schema)
        #expect(filter.kind == .inputObject)
        #expect(filter.description == "What to look for.")
        #expect(filter.inputFields.map(\.name) == ["text", "limit", "order"])
        let text = try #require(filter.inputField(named: "text"))
        #expect(text.description == "Words to match.")
        #expect(text.isRequired)
        #expect(filter.inputField(named: "limit")?.defaultValue.map(Printer.print) == "20")
        #expect(filter.inputField(named: "order")?.defaultValue.map(Printer.print) == "[NEWEST]")
        #expect(filter.inputField(named: "order").map { schema.describe($0.type) } == "[Order!]")
        #expect(!filter.isOneOf)
    }

    @Test func userTypesComeFirstInTheOrderWrittenThenTheBuiltIns() throws {
        let schema = try Schema(sdl: "type Query { b: B } type B { a: A } enum A { X }")
        #expect(schema.types.prefix(3).map(\.name) == ["Query", "B", "A"])
        #expect(schema.types.enumerated().allSatisfy { $0.offset == $0.element.id.index })
        #expect(schema.types.dropFirst(3).allSatisfy { $0.isBuiltIn })
        #expect(schema[try namedType("B", in: schema).id].name == "B")
    }

    @Test func anInterfaceMayImplementInterfacesAndItsImplementersListThemAll() throws {
        let schema = try Schema(
            sdl: """
                interface Node { id: ID! }
                interface Resource implements Node { id: ID! url: String }
                interface Image implements Resource & Node { id: ID! url: String width: Int }
                type Photo implements Image & Resource & Node { id: ID! url: String width: Int }
                type Query { node: Node }
                """)
        let node = try namedType("Node", in: schema)
        let resource = try namedType("Resource", in: schema)
        let image = try namedType("Image", in: schema)
        let photo = try namedType("Photo", in: schema)
        #expect(resource.interfaces == [node.id])
        #expect(image.interfaces == [resource.id, node.id])
        #expect(photo.interfaces == [image.id, resource.id, node.id])
        #expect(schema.possibleTypes(of: node) == [photo.id])
        #expect(schema.possibleTypes(of: image) == [photo.id])
        #expect(schema.isSubtype(image.id, of: node.id))
        #expect(schema.isSubtype(image.id, of: resource.id))
        #expect(!schema.isSubtype(node.id, of: image.id))
    }

    // MARK: - Extensions

    @Test func extensionsAddToEveryKindOfType() throws {
        let schema = try Schema(
            sdl: #"""
                directive @tag(name: String!) repeatable on SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCHEMA

                scalar Money
                extend scalar Money @specifiedBy(url: "https://example.com/money") @tag(name: "money")

                interface Node { id: ID! }
                interface Named { name: String }
                extend interface Named @tag(name: "named") { nickname: String }

                type User implements Node { id: ID! }
                extend type User implements Named @tag(name: "user") { name: String nickname: String }
                extend type User { balance: Money }

                type Bot { id: ID! }
                union Actor = User
                extend union Actor @tag(name: "actor") = Bot

                enum Role { ADMIN }
                extend enum Role @tag(name: "role") { MEMBER GUEST }

                input Filter { name: String }
                extend input Filter @tag(name: "filter") { role: Role }

                schema { query: Query }
                type Query { actor: Actor }
                type Mutation { ping: Boolean }
                extend schema @tag(name: "schema") { mutation: Mutation }
                """#)

        let money = try namedType("Money", in: schema)
        #expect(money.specifiedByURL == "https://example.com/money")
        #expect(money.directives.map(\.name) == ["specifiedBy", "tag"])

        let named = try namedType("Named", in: schema)
        #expect(named.fields.map(\.name) == ["name", "nickname"])
        #expect(named.directives.map(\.name) == ["tag"])

        let user = try namedType("User", in: schema)
        #expect(user.fields.map(\.name) == ["id", "name", "nickname", "balance"])
        #expect(user.interfaces.map { schema[$0].name } == ["Node", "Named"])
        #expect(user.directives.map { Printer.print($0.argument(named: "name") ?? .null(span: .none)) } == ["\"user\""])
        #expect(schema.possibleTypes(of: named) == [user.id])

        let actor = try namedType("Actor", in: schema)
        #expect(actor.possibleTypeMembers.map { schema[$0].name } == ["User", "Bot"])
        #expect(actor.directives.map(\.name) == ["tag"])

        let role = try namedType("Role", in: schema)
        #expect(role.enumValues.map(\.name) == ["ADMIN", "MEMBER", "GUEST"])

        let filter = try namedType("Filter", in: schema)
        #expect(filter.inputFields.map(\.name) == ["name", "role"])
        #expect(filter.directives.map(\.name) == ["tag"])

        #expect(schema.rootType(for: .query)?.name == "Query")
        #expect(schema.rootType(for: .mutation)?.name == "Mutation")
        #expect(schema.appliedDirectives.map(\.name) == ["tag"])
    }

    @Test func anExtensionMayComeBeforeTheDefinitionItExtends() throws {
        let schema = try Schema(sdl: "extend type Query { b: Int } type Query { a: Int }")
        #expect(try namedType("Query", in: schema).fields.map(\.name) == ["a", "b"])
    }

    @Test func repeatableDirectivesMayBeGivenAgainByAnExtension() throws {
        let schema = try Schema(
            sdl: """
                directive @tag(name: String!) repeatable on OBJECT
                type Query @tag(name: "a") @tag(name: "b") { a: Int }
                extend type Query @tag(name: "c")
                """)
        let query = try namedType("Query", in: schema)
        #expect(query.directives.compactMap { $0.argument(named: "name").map(Printer.print) } == [#""a""#, #""b""#, #""c""#])
    }

    // MARK: - Root operation types

    @Test func withoutASchemaDefinitionTheRootsAreTheTypesNamedAfterThem() throws {
        let schema = try Schema(
            sdl: "type Query { a: Int } type Mutation { b: Int } type Subscription { c: Int }")
        #expect(schema.rootType(for: .query)?.name == "Query")
        #expect(schema.rootType(for: .mutation)?.name == "Mutation")
        #expect(schema.rootType(for: .subscription)?.name == "Subscription")
        #expect(schema.description == nil)
    }

    @Test func aMissingRootTypeIsNone() throws {
        let schema = try Schema(sdl: "type Query { a: Int }")
        #expect(schema.mutationType == nil)
        #expect(schema.subscriptionType == nil)
        #expect(schema.rootType(for: .mutation) == nil)
    }

    @Test func aSchemaDefinitionNamesTheRootsAndTheDefaultNamesMeanNothing() throws {
        let schema = try Schema(
            sdl: """
                "The gateway's schema."
                schema { query: Root mutation: Change }
                type Root { a: Int }
                type Change { b: Int }
                type Query { c: Int }
                type Subscription { d: Int }
                """)
        #expect(schema.description == "The gateway's schema.")
        #expect(schema.rootType(for: .query)?.name == "Root")
        #expect(schema.rootType(for: .mutation)?.name == "Change")
        #expect(schema.subscriptionType == nil)
        let query = try namedType("Query", in: schema)
        #expect(schema.field(named: "__schema", on: query) == nil)
        #expect(schema.field(named: "__schema", on: try namedType("Root", in: schema)) != nil)
    }

    @Test func aSchemaExtensionAddsARootToTheDefaultOnes() throws {
        let schema = try Schema(sdl: "type Query { a: Int } type Events { b: Int } extend schema { subscription: Events }")
        #expect(schema.rootType(for: .query)?.name == "Query")
        #expect(schema.rootType(for: .subscription)?.name == "Events")
    }

    // MARK: - Built-in directives

    @Test func deprecatedKeepsItsReasonOrTheDefaultOneOnEveryElement() throws {
        let schema = try Schema(
            sdl: #"""
                type Query {
                  old: Int @deprecated
                  older(limit: Int @deprecated(reason: "Use `first`."), first: Int): Int @deprecated(reason: "Use `new`.")
                  new(filter: Filter): Int
                }
                input Filter { tag: String @deprecated(reason: "Use `tags`.") tags: [String] @deprecated }
                enum Size { SMALL @deprecated(reason: "Too small.") MEDIUM @deprecated LARGE }
                """#)
        let query = try namedType("Query", in: schema)
        #expect(query.field(named: "old")?.deprecationReason == "No longer supported")
        let older = try #require(query.field(named: "older"))
        #expect(older.deprecationReason == "Use `new`.")
        #expect(older.argument(named: "limit")?.deprecationReason == "Use `first`.")
        #expect(older.argument(named: "first")?.deprecationReason == nil)
        #expect(older.directives.map(\.name) == ["deprecated"])
        #expect(query.field(named: "new")?.deprecationReason == nil)

        let filter = try namedType("Filter", in: schema)
        #expect(filter.inputField(named: "tag")?.deprecationReason == "Use `tags`.")
        #expect(filter.inputField(named: "tags")?.deprecationReason == "No longer supported")

        let size = try namedType("Size", in: schema)
        #expect(size.enumValues.map(\.deprecationReason) == ["Too small.", "No longer supported", nil])
    }

    @Test func specifiedByGivesACustomScalarItsURL() throws {
        let schema = try Schema(
            sdl: """
                scalar UUID @specifiedBy(url: "https://tools.ietf.org/html/rfc4122")
                scalar JSON
                type Query { id: UUID data: JSON }
                """)
        #expect(try namedType("UUID", in: schema).specifiedByURL == "https://tools.ietf.org/html/rfc4122")
        #expect(try namedType("JSON", in: schema).specifiedByURL == nil)
        #expect(try namedType("String", in: schema).specifiedByURL == nil)
    }

    @Test func oneOfMarksAnInputObject() throws {
        let schema = try Schema(
            sdl: """
                input UserBy @oneOf { id: ID email: String }
                input Plain { id: ID }
                type Query { user(by: UserBy, plain: Plain): Int }
                """)
        let userBy = try namedType("UserBy", in: schema)
        #expect(userBy.isOneOf)
        #expect(userBy.directives.map(\.name) == ["oneOf"])
        #expect(try !namedType("Plain", in: schema).isOneOf)
    }

    // MARK: - What every schema has

    @Test func everySchemaHasTheBuiltInScalarsDirectivesAndIntrospectionTypes() throws {
        let schema = try Schema(sdl: "type Query { a: Int }")
        for name in ["Int", "Float", "String", "Boolean", "ID"] {
            let scalar = try namedType(name, in: schema)
            #expect(scalar.kind == .scalar && scalar.isBuiltInScalar && scalar.isBuiltIn)
            #expect(schema.coercion(for: scalar) == nil)
        }
        #expect(schema.directives.map(\.name) == ["include", "skip", "deprecated", "specifiedBy", "oneOf"])
        let deprecated = try #require(schema.directive(named: "deprecated"))
        #expect(deprecated.locations == [.fieldDefinition, .argumentDefinition, .inputFieldDefinition, .enumValue])
        #expect(deprecated.argument(named: "reason")?.defaultValue.map(Printer.print) == #""No longer supported""#)
        #expect(schema.directive(named: "skip")?.argument(named: "if")?.isRequired == true)
        #expect(schema.directive(named: "oneOf")?.locations == [.inputObject])
        #expect(schema.directive(named: "specifiedBy")?.isRepeatable == false)

        let introspection = [
            "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive",
            "__DirectiveLocation",
        ]
        for name in introspection {
            let type = try namedType(name, in: schema)
            #expect(type.isIntrospectionType && type.isBuiltIn)
        }
        // Nothing else is built in: the lists the builder and printer rely on are complete.
        let builtIn = schema.types.filter(\.isBuiltIn).map(\.name)
        #expect(Set(builtIn) == Set(introspection).union(["Int", "Float", "String", "Boolean", "ID"]))
        #expect(schema.types.count == builtIn.count + 1)
        #expect(try namedType("__TypeKind", in: schema).enumValues.count == 8)
        #expect(try namedType("__DirectiveLocation", in: schema).enumValues.count == DirectiveLocation.allCases.count)
        #expect(try !namedType("Query", in: schema).isBuiltIn)
    }

    @Test func metaFieldsAreFoundWhereTheSpecPutsThem() throws {
        let schema = try Schema(
            sdl: """
                interface Node { id: ID! }
                type User implements Node { id: ID! }
                union Actor = User
                enum Role { ADMIN }
                input Filter { id: ID }
                type Query { node: Node }
                """)
        let query = try namedType("Query", in: schema)
        for name in ["Query", "User", "Node", "Actor"] {
            let typename = try #require(schema.field(named: "__typename", on: try namedType(name, in: schema)))
            #expect(schema.describe(typename.type) == "String!")
        }
        for name in ["Role", "Filter", "String"] {
            #expect(schema.field(named: "__typename", on: try namedType(name, in: schema)) == nil)
        }
        let schemaField = try #require(schema.field(named: "__schema", on: query))
        #expect(schema.describe(schemaField.type) == "__Schema!")
        let typeField = try #require(schema.field(named: "__type", on: query))
        #expect(schema.describe(typeField.type) == "__Type")
        #expect(typeField.arguments.map { "\($0.name): \(schema.describe($0.type))" } == ["name: String!"])
        for name in ["User", "Node", "Actor"] {
            #expect(schema.field(named: "__schema", on: try namedType(name, in: schema)) == nil)
            #expect(schema.field(named: "__type", on: try namedType(name, in: schema)) == nil)
        }
        #expect(schema.field(named: "__other", on: query) == nil)
        #expect(query.field(named: "__typename") == nil)
        #expect(!query.fields.contains { $0.name.hasPrefix("__") })
        #expect(schema.field(named: "node", on: query)?.name == "node")
    }

    // MARK: - Abstract types

    @Test func possibleTypesSubtypesAndOverlapFollowInterfacesAndUnions() throws {
        let schema = try Schema(
            sdl: """
                interface Node { id: ID! }
                interface Named { name: String }
                type User implements Node & Named { id: ID! name: String }
                type Bot implements Node { id: ID! }
                type Team implements Named { name: String }
                type Post { id: ID! }
                union Actor = User | Bot
                union Content = Post
                type Query { node: Node actor: Actor content: Content team: Team }
                """)
        let node = try namedType("Node", in: schema), named = try namedType("Named", in: schema)
        let user = try namedType("User", in: schema), bot = try namedType("Bot", in: schema)
        let team = try namedType("Team", in: schema), post = try namedType("Post", in: schema)
        let actor = try namedType("Actor", in: schema), content = try namedType("Content", in: schema)

        #expect(schema.possibleTypes(of: node) == [user.id, bot.id])
        #expect(schema.possibleTypes(of: named) == [user.id, team.id])
        #expect(schema.possibleTypes(of: actor) == [user.id, bot.id])
        #expect(schema.possibleTypes(of: user) == [user.id])
        #expect(schema.isPossibleType(bot.id, of: node))
        #expect(!schema.isPossibleType(team.id, of: node))
        #expect(schema.isPossibleType(user.id, of: actor))
        #expect(!schema.isPossibleType(post.id, of: actor))

        #expect(schema.isSubtype(user.id, of: user.id))
        #expect(schema.isSubtype(user.id, of: node.id))
        #expect(schema.isSubtype(bot.id, of: actor.id))
        #expect(!schema.isSubtype(team.id, of: node.id))
        #expect(!schema.isSubtype(node.id, of: user.id))
        #expect(!schema.isSubtype(post.id, of: actor.id))
        #expect(!schema.isSubtype(actor.id, of: node.id))

        #expect(schema.typesOverlap(node, named))
        #expect(schema.typesOverlap(named, node))
        #expect(schema.typesOverlap(actor, node))
        #expect(schema.typesOverlap(actor, named))
        #expect(schema.typesOverlap(user, actor))
        #expect(schema.typesOverlap(actor, user))
        #expect(schema.typesOverlap(user, user))
        #expect(!schema.typesOverlap(user, bot))
        #expect(!schema.typesOverlap(team, actor))
        #expect(!schema.typesOverlap(content, node))
        #expect(!schema.typesOverlap(post, named))
        #expect(!schema.typesOverlap(bot, named))
    }

    // MARK: - Custom scalars

    @Test func customScalarsUseTheCoercionGivenOrAcceptAnything() throws {
        let upper = ScalarCoercion { value throws(ScalarCoercionError) in
            guard case .string(let text) = value else { throw ScalarCoercionError("Code must be a string.") }
            return .string(text.uppercased())
        }
        let schema = try Schema(sdl: "scalar Code scalar JSON type Query { a(code: Code, data: JSON): Int }", scalars: ["Code": upper])
        let code = try #require(schema.coercion(for: try namedType("Code", in: schema)))
        #expect(try code.coerce(.string("abc")) == .string("ABC"))
        #expect(throws: ScalarCoercionError("Code must be a string.")) { try code.coerce(.int(1)) }
        let json = try #require(schema.coercion(for: try namedType("JSON", in: schema)))
        #expect(try json.coerce(.list([.int(1), .null])) == .list([.int(1), .null]))
    }

    @Test func defaultValuesOfCustomScalarsAreCheckedWithTheirCoercion() throws {
        let positive = ScalarCoercion { value throws(ScalarCoercionError) in
            guard case .int(let number) = value, number > 0 else {
                throw ScalarCoercionError("Positive cannot represent \(value).")
            }
            return value
        }
        _ = try Schema(sdl: "scalar Positive type Query { a(n: Positive = 3): Int }", scalars: ["Positive": positive])
        let error = #expect(throws: SchemaBuildError.self) {
            try Schema(sdl: "scalar Positive type Query { a(n: Positive = -3): Int }", scalars: ["Positive": positive])
        }
        #expect(
            error?.description == "schema.graphql:1:46: Query.a(n:) has invalid default value: Expected type \"Positive\". Positive cannot represent -3.")
    }

    // MARK: - Several sources

    @Test func typesAndTheirExtensionsMayComeFromSeveralFiles() throws {
        let schema = try Schema(sdl: [
            Source("type Query { user: User }\ntype User { id: ID! }", name: "types.graphql"),
            Source("extend type User { name: String }\nextend type Query { me: User }", name: "extensions.graphql"),
        ])
        #expect(try namedType("User", in: schema).fields.map(\.name) == ["id", "name"])
        #expect(try namedType("Query", in: schema).fields.map(\.name) == ["user", "me"])
    }

    @Test func errorsNameTheFileTheyAreIn() {
        let sources = [
            Source("type Query { user: User }\ntype User { id: ID! }", name: "types.graphql"),
            Source("extend type User { id: ID! }\nextend type Usr { name: String }", name: "extensions.graphql"),
        ]
        let error = #expect(throws: SchemaBuildError.self) { try Schema(sdl: sources) }
        #expect(
            error?.description == """
                types.graphql:2:13: Field "User.id" can only be defined once.
                extensions.graphql:2:13: Cannot extend type "Usr" because it is not defined. Did you mean "User"?
                """)
        #expect(error?.errors.first?.locations.map(\.description) == ["types.graphql:2:13", "extensions.graphql:1:20"])
    }

    @Test func theWorkloadSchemaBuilds() throws {
        let schema = try Schema(sdl: try workloadSchemaSDL(), name: "schema.graphql")
        #expect(schema.rootType(for: .query)?.name == "Query")
        #expect(schema.rootType(for: .mutation)?.name == "Mutation")
        #expect(schema.subscriptionType == nil)
        #expect(schema.types.filter { !$0.isBuiltIn }.count == 21)
        let node = try namedType("Node", in: schema)
        #expect(schema.possibleTypes(of: node).map { schema[$0].name } == ["User", "Notification", "Call"])
        let searchResult = try namedType("SearchResult", in: schema)
        #expect(schema.possibleTypes(of: searchResult).map { schema[$0].name } == ["User", "Notification", "Call"])
        let friends = try #require(try namedType("User", in: schema).field(named: "friends"))
        #expect(friends.argument(named: "first")?.defaultValue.map(Printer.print) == "10")
        #expect(try namedType("NotificationType", in: schema).enumValues.count == 10)
    }
}
