import Testing

@testable import GraphQLEngine

/// A schema error as a test expects it: the message, and `file:line:column` of each place.
struct ExpectedSchemaError: Hashable, CustomStringConvertible {
    let message: String
    let locations: [String]

    var description: String { "\(message) at \(locations.joined(separator: ", "))" }
}

/// `schemaError("Unknown type \"Usr\".", at: "3:9")`, in the one file `schema.graphql`.
func schemaError(_ message: String, at locations: String...) -> ExpectedSchemaError {
    ExpectedSchemaError(message: message, locations: locations.map { "schema.graphql:" + $0 })
}

/// An error about the schema as a whole, at no place.
func schemaError(_ message: String) -> ExpectedSchemaError {
    ExpectedSchemaError(message: message, locations: [])
}

/// `schemaError("...", in: "types.graphql:3:9")`, for schemas of several files.
func schemaError(_ message: String, in locations: String...) -> ExpectedSchemaError {
    ExpectedSchemaError(message: message, locations: locations)
}

/// The errors building a schema from `sources` reports, in the order reported; none if
/// it builds.
func schemaErrors(_ sources: [Source], scalars: [String: ScalarCoercion] = [:]) -> [ExpectedSchemaError] {
    do {
        _ = try Schema(sdl: sources, scalars: scalars)
        return []
    } catch {
        return error.errors.map { found in
            ExpectedSchemaError(message: found.message, locations: found.locations.map(\.description))
        }
    }
}

/// Checks that building a schema from `sdl` (the file `schema.graphql`) reports exactly
/// `expected`, in order.
func expectSchemaErrors(
    _ sdl: String, _ expected: [ExpectedSchemaError], scalars: [String: ScalarCoercion] = [:],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    expectSchemaErrors([Source(sdl, name: "schema.graphql")], expected, scalars: scalars, sourceLocation: sourceLocation)
}

func expectSchemaErrors(
    _ sources: [Source], _ expected: [ExpectedSchemaError], scalars: [String: ScalarCoercion] = [:],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let found = schemaErrors(sources, scalars: scalars)
    #expect(found == expected, sourceLocation: sourceLocation)
}

/// Checks that `sdl` builds a valid schema.
func expectValidSchema(_ sdl: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    expectSchemaErrors(sdl, [], sourceLocation: sourceLocation)
}

/// Each case of `SchemaDiagnostic`, triggered by SDL, with its exact message and places;
/// then the rules the spec states case by case (interfaces, cycles, values).
@Suite struct SchemaValidationTests {
    // MARK: - Documents

    @Test func aSyntaxErrorIsReportedWhereItIs() {
        expectSchemaErrors(
            """
            type Query { a: Int }
            type User { name: }
            """,
            [schemaError("Syntax Error: Expected Name, found \"}\".", at: "2:19")])
    }

    @Test func aFileThatDoesNotParseIsReportedAloneWithoutTheErrorsItsAbsenceCauses() {
        expectSchemaErrors(
            [
                Source("type Query { user: User }\nextend type User { email: String }", name: "query.graphql"),
                Source("type User { name: String", name: "user.graphql"),
                Source("type Team { name }", name: "team.graphql"),
            ],
            [
                schemaError("Syntax Error: Expected Name, found <EOF>.", in: "user.graphql:1:25"),
                schemaError("Syntax Error: Expected \":\", found \"}\".", in: "team.graphql:1:18"),
            ])
    }

    @Test func operationsAndFragmentsDoNotBelongInASchema() {
        expectSchemaErrors(
            """
            type Query { a: Int }
            query Q { a }
            fragment F on Query { a }
            """,
            [
                schemaError(
                    "The operation definition is not allowed in a schema: SDL holds type system definitions only.",
                    at: "2:1"),
                schemaError(
                    "The fragment \"F\" definition is not allowed in a schema: SDL holds type system definitions only.",
                    at: "3:1"),
            ])
    }

    @Test func thereIsOnlyOneSchemaDefinition() {
        expectSchemaErrors(
            [
                Source("schema { query: Query }\ntype Query { a: Int }", name: "a.graphql"),
                Source("schema { query: Query }", name: "b.graphql"),
            ],
            [schemaError("Must provide only one schema definition.", in: "b.graphql:1:1")])
    }

    @Test func eachOperationTypeIsGivenOnce() {
        expectSchemaErrors(
            """
            schema { query: Query query: Query mutation: Query }
            extend schema { subscription: Query subscription: Query }
            type Query { a: Int }
            """,
            [
                schemaError("There can be only one query type in schema.", at: "1:23"),
                schemaError("There can be only one subscription type in schema.", at: "2:37"),
            ])
    }

    @Test func anExtensionCannotRedefineARootType() {
        expectSchemaErrors(
            """
            schema { query: Query }
            extend schema { query: Other }
            type Query { a: Int }
            type Other { a: Int }
            """,
            [schemaError("Type for query already defined in the schema. It cannot be redefined.", at: "2:17")])
    }

    @Test func anExtensionCannotRedefineADefaultRootType() {
        expectSchemaErrors(
            """
            type Query { a: Int }
            type Mutation { a: Int }
            extend schema { mutation: Mutation }
            """,
            [schemaError("Type for mutation already defined in the schema. It cannot be redefined.", at: "3:17")])
    }

    @Test func typeNamesAreUniqueAcrossFiles() {
        expectSchemaErrors(
            [
                Source("type Query { a: Int }\ntype User { a: Int }", name: "a.graphql"),
                Source("enum User { A }\ninput User { a: Int }", name: "b.graphql"),
            ],
            [
                schemaError("There can be only one type named \"User\".", in: "a.graphql:2:6", "b.graphql:1:6"),
                schemaError("There can be only one type named \"User\".", in: "a.graphql:2:6", "b.graphql:2:7"),
            ])
    }

    @Test func builtInTypesCannotBeDefinedAgain() {
        expectSchemaErrors(
            """
            type Query { a: Int }
            scalar String
            type __Type { name: String }
            """,
            [
                schemaError(
                    "Type \"String\" already exists in the schema. It cannot also be defined in this type definition.",
                    at: "2:8"),
                schemaError(
                    "Type \"__Type\" already exists in the schema. It cannot also be defined in this type definition.",
                    at: "3:6"),
            ])
    }

    @Test func builtInTypesCannotBeExtended() {
        expectSchemaErrors(
            """
            type Query { a: Int }
            extend type __Type { secret: String }
            extend scalar Int @specifiedBy(url: "https://example.com")
            """,
            [
                schemaError("Type \"__Type\" is built in: it cannot be extended.", at: "2:13"),
                schemaError("Type \"Int\" is built in: it cannot be extended.", at: "3:15"),
            ])
    }

    @Test func directiveNamesAreUnique() {
        expectSchemaErrors(
            """
            directive @cached on FIELD_DEFINITION
            directive @cached(ttl: Int) on OBJECT
            type Query { a: Int }
            """,
            [schemaError("There can be only one directive named \"@cached\".", at: "1:12", "2:12")])
    }

    @Test func builtInDirectivesCannotBeDefinedAgain() {
        expectSchemaErrors(
            """
            directive @skip(if: Boolean!) on FIELD
            type Query { a: Int }
            directive @deprecated on FIELD_DEFINITION
            """,
            [
                schemaError("Directive \"@skip\" already exists in the schema. It cannot be redefined.", at: "1:12"),
                schemaError("Directive \"@deprecated\" already exists in the schema. It cannot be redefined.", at: "3:12"),
            ])
    }

    @Test func fieldsAreDefinedOnceOnEachTypeAndItsExtensions() {
        expectSchemaErrors(
            """
            type Query { a: Int a: String }
            interface Node { id: ID! id: ID }
            input Filter { limit: Int limit: Int }
            extend type Query { a: Float }
            extend input Filter { limit: Int }
            """,
            [
                schemaError("Field \"Query.a\" can only be defined once.", at: "1:14", "1:21"),
                schemaError("Field \"Query.a\" can only be defined once.", at: "1:14", "4:21"),
                schemaError("Field \"Node.id\" can only be defined once.", at: "2:18", "2:26"),
                schemaError("Field \"Filter.limit\" can only be defined once.", at: "3:16", "3:27"),
                schemaError("Field \"Filter.limit\" can only be defined once.", at: "3:16", "5:23"),
            ])
    }

    @Test func enumValuesAreDefinedOnce() {
        expectSchemaErrors(
            """
            type Query { a: Role }
            enum Role { ADMIN MEMBER ADMIN }
            extend enum Role { MEMBER }
            """,
            [
                schemaError("Enum value \"Role.ADMIN\" can only be defined once.", at: "2:13", "2:26"),
                schemaError("Enum value \"Role.MEMBER\" can only be defined once.", at: "2:19", "3:20"),
            ])
    }

    @Test func argumentsAreDefinedOnceOnFieldsAndDirectives() {
        expectSchemaErrors(
            """
            type Query { a(first: Int, first: Int): Int }
            directive @cached(ttl: Int, ttl: Int) on FIELD_DEFINITION
            """,
            [
                schemaError("Argument \"Query.a(first:)\" can only be defined once.", at: "1:16", "1:28"),
                schemaError("Argument \"@cached(ttl:)\" can only be defined once.", at: "2:19", "2:29"),
            ])
    }

    @Test func unknownTypesAreReportedWhereverTheyAreUsed() {
        expectSchemaErrors(
            """
            schema { query: Query mutation: Mutaton }
            type Query implements Nod { id: ID! user(filter: Filtr): Usr }
            type User { id: ID! }
            interface Node { id: ID! }
            input Filter { role: Rol }
            union Actor = User | Bots
            type Mutation { a: Int }
            """,
            [
                schemaError("Unknown type \"Mutaton\". Did you mean \"Mutation\"?", at: "1:33"),
                schemaError("Unknown type \"Nod\". Did you mean \"Node\" or \"ID\"?", at: "2:23"),
                schemaError("Unknown type \"Filtr\". Did you mean \"Filter\" or \"Int\"?", at: "2:50"),
                schemaError("Unknown type \"Usr\". Did you mean \"User\"?", at: "2:58"),
                schemaError("Unknown type \"Rol\".", at: "5:22"),
                schemaError("Unknown type \"Bots\".", at: "6:22"),
            ])
    }

    @Test func anExtensionNeedsATypeToExtend() {
        expectSchemaErrors(
            """
            type Query { a: Int }
            type User { a: Int }
            extend type Usr { b: Int }
            extend input Nothing { c: Int }
            """,
            [
                schemaError("Cannot extend type \"Usr\" because it is not defined. Did you mean \"User\"?", at: "3:13"),
                schemaError("Cannot extend type \"Nothing\" because it is not defined. Did you mean \"String\"?", at: "4:14"),
            ])
    }

    @Test func anExtensionIsOfTheKindOfTheTypeItExtends() {
        expectSchemaErrors(
            """
            type Query { a: Int }
            extend input Query { b: Int }
            extend interface Query { c: Int }
            scalar Date
            extend enum Date { TODAY }
            extend union Date = Query
            extend type Date { d: Int }
            enum Role { ADMIN }
            extend scalar Role @specifiedBy(url: "https://example.com")
            """,
            [
                schemaError("Cannot extend non-input object type \"Query\".", at: "2:14"),
                schemaError("Cannot extend non-interface type \"Query\".", at: "3:18"),
                schemaError("Cannot extend non-enum type \"Date\".", at: "5:13"),
                schemaError("Cannot extend non-union type \"Date\".", at: "6:14"),
                schemaError("Cannot extend non-object type \"Date\".", at: "7:13"),
                schemaError("Cannot extend non-scalar type \"Role\".", at: "9:15"),
            ])
    }

    @Test func oneOfBelongsOnTheDefinitionOfAnInputObject() {
        expectSchemaErrors(
            """
            type Query { a(by: UserBy): Int }
            input UserBy { id: ID }
            extend input UserBy @oneOf { email: String }
            """,
            [
                schemaError(
                    "Directive \"@oneOf\" cannot be used on an extension of input object \"UserBy\": it belongs on the definition.",
                    at: "3:21")
            ])
    }

    @Test func aCoercionIsGivenOnlyForACustomScalarOfTheSchema() {
        // A coercion for a scalar the schema does not declare (Date) is offered, not an error.
        expectSchemaErrors(
            "scalar DateTime type Query { a: DateTime }",
            [
                schemaError("A coercion is given for \"Int\", which is not a custom scalar of the schema."),
                schemaError("A coercion is given for \"Query\", which is not a custom scalar of the schema."),
            ],
            scalars: ["DateTime": .any, "Date": .any, "Int": .any, "Query": .any])
    }

    // MARK: - Applied directives

    @Test func appliedDirectivesMustBeDefined() {
        expectSchemaErrors(
            """
            type Query @key { a: Int @auth(role: ADMIN) }
            extend type Query @key
            """,
            [
                schemaError("Unknown directive \"@key\".", at: "1:12"),
                schemaError("Unknown directive \"@auth\".", at: "1:26"),
                schemaError("Unknown directive \"@key\".", at: "2:19"),
            ])
    }

    @Test func appliedDirectivesMustBeAllowedWhereTheyAre() {
        expectSchemaErrors(
            """
            schema @oneOf { query: Query }
            type Query @deprecated { a(x: Int @specifiedBy(url: "u")): Int @include(if: true) }
            enum Role { ADMIN @oneOf }
            """,
            [
                schemaError("Directive \"@oneOf\" may not be used on SCHEMA.", at: "1:8"),
                schemaError("Directive \"@deprecated\" may not be used on OBJECT.", at: "2:12"),
                schemaError("Directive \"@specifiedBy\" may not be used on ARGUMENT_DEFINITION.", at: "2:35"),
                schemaError("Directive \"@include\" may not be used on FIELD_DEFINITION.", at: "2:64"),
                schemaError("Directive \"@oneOf\" may not be used on ENUM_VALUE.", at: "3:19"),
            ])
    }

    @Test func aDirectiveThatIsNotRepeatableIsAppliedOnceAcrossExtensions() {
        expectSchemaErrors(
            """
            type Query { a: Int @deprecated @deprecated(reason: "twice") }
            scalar Date @specifiedBy(url: "https://a.example")
            extend scalar Date @specifiedBy(url: "https://b.example")
            """,
            [
                schemaError("The directive \"@deprecated\" can only be used once at this location.", at: "1:21", "1:33"),
                schemaError("The directive \"@specifiedBy\" can only be used once at this location.", at: "2:13", "3:20"),
            ])
    }

    @Test func appliedDirectivesTakeOnlyTheirArgumentsOnce() {
        expectSchemaErrors(
            """
            type Query {
              a: Int @deprecated(reson: "old")
              b: Int @deprecated(reason: "old", reason: "older")
              c: Int @deprecated(why: "old")
            }
            """,
            [
                schemaError("Unknown argument \"reson\" on directive \"@deprecated\". Did you mean \"reason\"?", at: "2:22"),
                schemaError("There can be only one argument named \"reason\".", at: "3:22", "3:37"),
                schemaError("Unknown argument \"why\" on directive \"@deprecated\".", at: "4:22"),
            ])
    }

    @Test func anObjectValueGivesEachFieldOnce() {
        expectSchemaErrors(
            """
            directive @limit(rule: Rule) on FIELD_DEFINITION
            input Rule { max: Int per: String nested: [Rule] }
            type Query {
              a(rule: Rule = {max: 1, max: 2}): Int
              b: Int @limit(rule: {per: "s", nested: [{max: 1, per: "m", max: 3}]})
            }
            """,
            [
                schemaError("There can be only one input field named \"max\".", at: "4:19", "4:27"),
                schemaError("There can be only one input field named \"max\".", at: "5:44", "5:62"),
            ])
    }

    @Test func requiredDirectiveArgumentsMustBeGiven() {
        expectSchemaErrors(
            """
            directive @auth(role: String!, scope: String! = "read", note: String) on FIELD_DEFINITION
            scalar Date @specifiedBy
            type Query { a: Date @auth }
            """,
            [
                schemaError(
                    "Directive \"@specifiedBy\" argument \"url\" of type \"String!\" is required, but it was not provided.",
                    at: "2:13"),
                schemaError(
                    "Directive \"@auth\" argument \"role\" of type \"String!\" is required, but it was not provided.",
                    at: "3:22"),
            ])
    }

    @Test func directiveArgumentsMustFitTheirTypes() {
        expectSchemaErrors(
            """
            directive @limit(max: Int!, roles: [Role!]) on FIELD_DEFINITION
            enum Role { ADMIN MEMBER }
            type Query {
              a: Int @deprecated(reason: 1)
              b: Int @limit(max: 2.5)
              c: Int @limit(max: 1, roles: [ADMIN, GUEST])
              d: Int @limit(max: null)
            }
            scalar Date @specifiedBy(url: URL)
            """,
            [
                schemaError(
                    "Argument \"@deprecated(reason:)\" has invalid value: String cannot represent a non string value: 1",
                    at: "4:30"),
                schemaError("Argument \"@limit(max:)\" has invalid value: Int cannot represent non-integer value: 2.5", at: "5:22"),
                schemaError(
                    "Argument \"@limit(roles:)\" has invalid value: at \"value[1]\": Value \"GUEST\" does not exist in \"Role\" enum.",
                    at: "6:32"),
                schemaError(
                    "Argument \"@limit(max:)\" has invalid value: Expected non-nullable type \"Int!\" not to be null.",
                    at: "7:22"),
                schemaError(
                    "Argument \"@specifiedBy(url:)\" has invalid value: String cannot represent a non string value: URL",
                    at: "9:31"),
            ])
    }

    @Test func defaultValuesMustFitTheirTypes() {
        expectSchemaErrors(
            """
            type Query {
              friends(first: Int = "ten", after: String = null, sort: Sort = NEWEST): Int
              search(filter: Filter = {limit: "many"}): Int
            }
            enum Sort { OLDEST }
            input Filter { limit: Int text: String! = 3 }
            directive @cached(ttl: Int = 1.5) on FIELD_DEFINITION
            """,
            [
                schemaError(
                    "Query.friends(first:) has invalid default value: Int cannot represent non-integer value: \"ten\"",
                    at: "2:24"),
                schemaError(
                    "Query.friends(sort:) has invalid default value: Value \"NEWEST\" does not exist in \"Sort\" enum. Did you mean the enum value \"OLDEST\"?",
                    at: "2:66"),
                schemaError(
                    "Query.search(filter:) has invalid default value: at \"value.limit\": Int cannot represent non-integer value: \"many\"",
                    at: "3:27"),
                schemaError(
                    "Filter.text has invalid default value: String cannot represent a non string value: 3", at: "6:43"),
                schemaError("@cached(ttl:) has invalid default value: Int cannot represent non-integer value: 1.5", at: "7:30"),
            ])
    }

    // MARK: - Root operation types

    @Test func aSchemaHasAQueryType() {
        expectSchemaErrors("type Mutation { a: Int }", [schemaError("Query root type must be provided.")])
        expectSchemaErrors(
            "schema { mutation: Mutation } type Query { a: Int } type Mutation { a: Int }",
            [schemaError("Query root type must be provided.")])
        expectSchemaErrors(
            "schema { mutation: Mutation } input Mutation { a: Int }",
            [
                schemaError("Query root type must be provided."),
                schemaError("Mutation root type must be Object type if provided, it cannot be Mutation.", at: "1:20"),
            ])
    }

    @Test func rootTypesAreObjectTypes() {
        expectSchemaErrors(
            """
            schema { query: Root mutation: Change subscription: Feed }
            interface Root { a: Int }
            input Change { a: Int }
            union Feed = Item
            type Item { a: Int }
            """,
            [
                schemaError("Query root type must be Object type, it cannot be Root.", at: "1:17"),
                schemaError("Mutation root type must be Object type if provided, it cannot be Change.", at: "1:32"),
                schemaError("Subscription root type must be Object type if provided, it cannot be Feed.", at: "1:53"),
            ])
    }

    @Test func aDefaultRootTypeIsAnObjectTypeToo() {
        expectSchemaErrors(
            "input Query { a: Int }",
            [schemaError("Query root type must be Object type, it cannot be Query.", at: "1:7")])
    }

    @Test func rootTypesAreDifferent() {
        expectSchemaErrors(
            "schema { query: Query mutation: Query subscription: Query } type Query { a: Int }",
            [
                schemaError(
                    "All root types must be different, \"Query\" type is used as query, mutation, and subscription root types.",
                    at: "1:17", "1:33", "1:53")
            ])
    }

    // MARK: - Names

    @Test func namesMustNotBeginWithTwoUnderscores() {
        expectSchemaErrors(
            """
            type Query { __secret(__x: Int): Int a: __Hidden b: Mood c(in: __In): Int }
            type __Hidden { a: Int }
            enum Mood { __GOOD BAD }
            input __In { __raw: Int }
            directive @__tag(__name: String) on FIELD_DEFINITION
            """,
            [
                schemaError(
                    "Name \"__secret\" must not begin with \"__\", which is reserved by GraphQL introspection.", at: "1:14"),
                schemaError("Name \"__x\" must not begin with \"__\", which is reserved by GraphQL introspection.", at: "1:23"),
                schemaError(
                    "Name \"__Hidden\" must not begin with \"__\", which is reserved by GraphQL introspection.", at: "2:6"),
                schemaError("Name \"__GOOD\" must not begin with \"__\", which is reserved by GraphQL introspection.", at: "3:13"),
                schemaError("Name \"__In\" must not begin with \"__\", which is reserved by GraphQL introspection.", at: "4:7"),
                schemaError("Name \"__raw\" must not begin with \"__\", which is reserved by GraphQL introspection.", at: "4:14"),
                schemaError("Name \"__tag\" must not begin with \"__\", which is reserved by GraphQL introspection.", at: "5:12"),
                schemaError("Name \"__name\" must not begin with \"__\", which is reserved by GraphQL introspection.", at: "5:18"),
            ])
    }

    @Test func enumValuesTrueFalseAndNullAreRefusedWhenParsed() {
        expectSchemaErrors(
            "type Query { a: Flag } enum Flag { YES true }",
            [schemaError("Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", at: "1:40")])
    }

    // MARK: - Objects and interfaces

    @Test func objectsAndInterfacesDefineFields() {
        expectSchemaErrors(
            """
            directive @tag on OBJECT
            type Query { a: Int }
            type Empty
            extend type Empty @tag
            interface Nothing
            """,
            [
                schemaError("Type Empty must define one or more fields.", at: "3:6", "4:13"),
                schemaError("Type Nothing must define one or more fields.", at: "5:11"),
            ])
    }

    @Test func fieldsAreOfOutputTypes() {
        expectSchemaErrors(
            """
            type Query { filter: Filter filters: [Filter!]! }
            interface Node { id: Filter }
            input Filter { a: Int }
            """,
            [
                schemaError("The type of Query.filter must be Output Type but got: Filter.", at: "1:22"),
                schemaError("The type of Query.filters must be Output Type but got: [Filter!]!.", at: "1:38"),
                schemaError("The type of Node.id must be Output Type but got: Filter.", at: "2:22"),
            ])
    }

    @Test func argumentsAreOfInputTypes() {
        expectSchemaErrors(
            """
            type Query { a(user: User, users: [User!]): Int }
            type User { id: ID }
            directive @auth(by: User) on FIELD_DEFINITION
            """,
            [
                schemaError("The type of Query.a(user:) must be Input Type but got: User.", at: "1:22"),
                schemaError("The type of Query.a(users:) must be Input Type but got: [User!].", at: "1:35"),
                schemaError("The type of @auth(by:) must be Input Type but got: User.", at: "3:21"),
            ])
    }

    @Test func aRequiredArgumentCannotBeDeprecated() {
        expectSchemaErrors(
            """
            type Query {
              a(x: Int! @deprecated, y: Int! = 1 @deprecated, z: Int @deprecated): Int
            }
            directive @d(x: String! @deprecated) on FIELD_DEFINITION
            """,
            [
                schemaError("Required argument Query.a(x:) cannot be deprecated.", at: "2:5"),
                schemaError("Required argument @d(x:) cannot be deprecated.", at: "4:14"),
            ])
    }

    @Test func onlyInterfacesCanBeImplemented() {
        expectSchemaErrors(
            """
            type Query implements Bot & Role { a: Int }
            type Bot { a: Int }
            enum Role { ADMIN }
            """,
            [
                schemaError("Type Query must only implement Interface types, it cannot implement Bot.", at: "1:23"),
                schemaError("Type Query must only implement Interface types, it cannot implement Role.", at: "1:29"),
            ])
    }

    @Test func anInterfaceCannotImplementItself() {
        expectSchemaErrors(
            """
            type Query { a: Node }
            interface Node implements Node { a: Int }
            """,
            [schemaError("Type Node cannot implement itself because it would create a circular reference.", at: "2:27")])
    }

    @Test func anInterfaceIsImplementedOnce() {
        expectSchemaErrors(
            """
            interface Node { id: ID! }
            type Query implements Node & Node { id: ID! }
            extend type Query implements Node
            """,
            [schemaError("Type Query can only implement Node once.", at: "2:23", "2:30", "3:30")])
    }

    @Test func interfacesCannotImplementEachOtherInACircle() {
        expectSchemaErrors(
            """
            type Query { a: A }
            interface A implements B { a: Int }
            interface B implements A { a: Int }
            """,
            [
                schemaError("Type B cannot implement A because it would create a circular reference.", at: "2:24", "3:24"),
                schemaError("Type A cannot implement B because it would create a circular reference.", at: "3:24", "2:24"),
            ])
    }

    @Test func theInterfacesOfAnInterfaceMustBeImplementedToo() {
        expectSchemaErrors(
            """
            interface Node { id: ID! }
            interface Resource implements Node { id: ID! url: String }
            interface Image implements Resource { id: ID! url: String }
            type Query implements Image & Resource & Node { id: ID! url: String }
            """,
            [schemaError("Type Image must implement Node because it is implemented by Resource.", at: "2:31", "3:28")])
    }

    @Test func anImplementationHasEveryFieldOfItsInterface() {
        expectSchemaErrors(
            """
            interface Named { name: String nickname: String }
            type Query implements Named { name: String }
            extend type Query { age: Int }
            """,
            [
                schemaError(
                    "Interface field Named.nickname expected but Query does not provide it.", at: "1:32", "2:6", "3:13")
            ])
    }

    @Test func fieldTypesAreCovariant() {
        expectValidSchema(
            """
            interface Node { id: ID }
            type User implements Node { id: ID! friend: User }
            union Actor = User
            interface Owned {
              owner: Node
              owners: [Node]
              actor: Actor
              tags: [String]
            }
            type Query implements Owned {
              owner: User!
              owners: [User!]!
              actor: User
              tags: [String!]!
            }
            """)
    }

    @Test func fieldTypesThatAreNotSubtypesAreRefused() {
        expectSchemaErrors(
            """
            interface Owned {
              id: ID!
              tags: [String]
              name: String
              matrix: [[Int]]
              owner: Owner
            }
            type Owner { id: ID }
            type Query implements Owned {
              id: ID
              tags: String
              name: [String]
              matrix: [Int]
              owner: Query
            }
            """,
            [
                schemaError("Interface field Owned.id expects type ID! but Query.id is type ID.", at: "2:7", "10:7"),
                schemaError(
                    "Interface field Owned.tags expects type [String] but Query.tags is type String.", at: "3:9", "11:9"),
                schemaError(
                    "Interface field Owned.name expects type String but Query.name is type [String].", at: "4:9", "12:9"),
                schemaError(
                    "Interface field Owned.matrix expects type [[Int]] but Query.matrix is type [Int].", at: "5:11",
                    "13:11"),
                schemaError(
                    "Interface field Owned.owner expects type Owner but Query.owner is type Query.", at: "6:10", "14:10"),
            ])
    }

    @Test func anImplementationTakesEveryArgumentOfItsInterfaceWithTheSameType() {
        expectSchemaErrors(
            """
            interface Listing {
              items(first: Int, after: String, filter: [String]): [String]
            }
            type Query implements Listing {
              items(first: Int!, filter: [String!]): [String]
            }
            """,
            [
                schemaError(
                    "Interface field argument Listing.items(first:) expects type Int but Query.items(first:) is type Int!.",
                    at: "2:16", "5:16"),
                schemaError(
                    "Interface field argument Listing.items(after:) expected but Query.items does not provide it.",
                    at: "2:21", "5:3"),
                schemaError(
                    "Interface field argument Listing.items(filter:) expects type [String] but Query.items(filter:) is type [String!].",
                    at: "2:44", "5:30"),
            ])
    }

    @Test func anImplementationMayAddOptionalArgumentsButNotRequiredOnes() {
        expectSchemaErrors(
            """
            interface Listing { items(first: Int): [String] }
            type Query implements Listing {
              items(first: Int, after: String, limit: Int! = 10, locale: String!): [String]
            }
            """,
            [
                schemaError(
                    "Argument \"Query.items(locale:)\" must not be required type \"String!\" if not provided by the Interface field \"Listing.items\".",
                    at: "3:54", "1:21")
            ])
    }

    @Test func anImplementationMayDeprecateOnlyWhatItsInterfaceDeprecates() {
        expectSchemaErrors(
            """
            interface Named { name: String nickname: String @deprecated title: String @deprecated }
            type Query implements Named {
              name: String @deprecated(reason: "Use title.")
              nickname: String @deprecated
              title: String
            }
            """,
            [
                schemaError(
                    "Interface field Named.name is not deprecated, so Query.name cannot be deprecated.", at: "3:3",
                    "1:19")
            ])
    }

    // MARK: - Unions

    @Test func aUnionHasMembers() {
        expectSchemaErrors(
            """
            type Query { a: Nothing }
            union Nothing
            """,
            [schemaError("Union type Nothing must define one or more member types.", at: "2:7")])
    }

    @Test func aUnionNamesEachMemberOnce() {
        expectSchemaErrors(
            """
            type Query { a: Actor }
            type User { a: Int }
            union Actor = User | User
            extend union Actor = User
            """,
            [schemaError("Union type Actor can only include type User once.", at: "3:15", "3:22", "4:22")])
    }

    @Test func unionMembersAreObjectTypes() {
        expectSchemaErrors(
            """
            type Query { a: Anything }
            interface Node { id: ID }
            union Other = Query
            union Anything = Query | Node | String | Other
            """,
            [
                schemaError("Union type Anything can only include Object types, it cannot include Node.", at: "4:26"),
                schemaError("Union type Anything can only include Object types, it cannot include String.", at: "4:33"),
                schemaError("Union type Anything can only include Object types, it cannot include Other.", at: "4:42"),
            ])
    }

    // MARK: - Enums and input objects

    @Test func anEnumHasValues() {
        expectSchemaErrors(
            "type Query { a: Mood } enum Mood",
            [schemaError("Enum type Mood must define one or more values.", at: "1:29")])
    }

    @Test func anInputObjectHasFields() {
        expectSchemaErrors(
            "type Query { a(f: Filter): Int } input Filter",
            [schemaError("Input Object type Filter must define one or more fields.", at: "1:40")])
    }

    @Test func inputFieldsAreOfInputTypes() {
        expectSchemaErrors(
            """
            type Query { a(f: Filter): Int }
            input Filter { owner: Query owners: [Query!] }
            """,
            [
                schemaError("The type of Filter.owner must be Input Type but got: Query.", at: "2:23"),
                schemaError("The type of Filter.owners must be Input Type but got: [Query!].", at: "2:37"),
            ])
    }

    @Test func aRequiredInputFieldCannotBeDeprecated() {
        expectSchemaErrors(
            """
            type Query { a(f: Filter): Int }
            input Filter { a: Int! @deprecated b: Int! = 1 @deprecated c: Int @deprecated }
            """,
            [schemaError("Required input field Filter.a cannot be deprecated.", at: "2:16")])
    }

    @Test func oneOfInputFieldsAreNullableWithoutDefaults() {
        expectSchemaErrors(
            """
            type Query { a(by: UserBy): Int }
            input UserBy @oneOf { id: ID! email: String = "a@example.com" name: String }
            extend input UserBy { phone: String! }
            """,
            [
                schemaError("OneOf input field UserBy.id must be nullable.", at: "2:27"),
                schemaError("OneOf input field UserBy.email cannot have a default value.", at: "2:31"),
                schemaError("OneOf input field UserBy.phone must be nullable.", at: "3:30"),
            ])
    }

    @Test func inputObjectsCannotContainThemselvesThroughNonNullFields() {
        expectSchemaErrors(
            """
            type Query { a(s: Self, f: First): Int }
            input Self { value: Int self: Self! }
            input First { value: Int second: Second! }
            input Second { third: Third! }
            input Third { first: First! }
            """,
            [
                schemaError(
                    "Cannot reference Input Object \"Self\" within itself through a series of non-null fields: \"self\".",
                    at: "2:25"),
                schemaError(
                    "Cannot reference Input Object \"First\" within itself through a series of non-null fields: \"second.third.first\".",
                    at: "3:26", "4:16", "5:15"),
            ])
    }

    @Test func inputObjectsMayContainThemselvesThroughNullableOrListFields() {
        expectValidSchema(
            """
            type Query { a(t: Tree, l: Linked, p: Pair): Int }
            input Tree { value: Int children: [Tree!]! }
            input Linked { value: Int next: Linked }
            input Pair { left: Other! }
            input Other { back: Pair }
            """)
    }

    @Test func defaultValuesCannotExpandForever() {
        // The defaults of `Query.a` are not coerced: filling in their fields would never end.
        expectSchemaErrors(
            """
            type Query { a(s: Self = {}, f: First = {second: {}}, l: Listed): Int }
            input Self { value: Int = 1 self: Self = {} }
            input First { second: Second = {} }
            input Second { first: First = {} }
            input Listed { items: [Listed] = [{}] }
            """,
            [
                schemaError(
                    "Invalid circular reference. The default value of Input Object field Self.self references itself.",
                    at: "2:29"),
                schemaError(
                    "Invalid circular reference. The default value of Input Object field First.second references itself via the default values of: Second.first.",
                    at: "3:15"),
                schemaError(
                    "Invalid circular reference. The default value of Input Object field Listed.items references itself.",
                    at: "5:16"),
            ])
    }

    @Test func defaultValuesThatStopExpandingAreValid() {
        expectValidSchema(
            """
            type Query { a(s: Self, f: First): Int }
            input Self { value: Int = 1 self: Self = {self: null} }
            input First { second: Second = {first: {second: null}} }
            input Second { first: First = {} }
            input Deep { next: Deep = {next: {next: {next: null}}} }
            """)
    }

    // MARK: - Directives

    @Test func aDirectiveCannotBeUsedWithinItsOwnDefinition() {
        expectSchemaErrors(
            """
            type Query { a: Int }
            directive @direct(x: Int @direct) on ARGUMENT_DEFINITION
            directive @viaInput(x: Rule) on INPUT_FIELD_DEFINITION
            input Rule { max: Int @viaInput }
            directive @ping(x: Int @pong) on ARGUMENT_DEFINITION
            directive @pong(x: Int @ping) on ARGUMENT_DEFINITION
            directive @viaEnum(level: Level) on ENUM_VALUE
            enum Level { LOW @viaEnum(level: LOW) HIGH }
            """,
            [
                schemaError(
                    "Directive \"@direct\" cannot reference itself, directly or through the types of its arguments: \"@direct(x:)\".",
                    at: "2:12"),
                schemaError(
                    "Directive \"@viaInput\" cannot reference itself, directly or through the types of its arguments: \"@viaInput(x:)\", \"Rule.max\".",
                    at: "3:12"),
                schemaError(
                    "Directive \"@ping\" cannot reference itself, directly or through the types of its arguments: \"@ping(x:)\", \"@pong(x:)\".",
                    at: "5:12"),
                schemaError(
                    "Directive \"@pong\" cannot reference itself, directly or through the types of its arguments: \"@pong(x:)\", \"@ping(x:)\".",
                    at: "6:12"),
                schemaError(
                    "Directive \"@viaEnum\" cannot reference itself, directly or through the types of its arguments: \"@viaEnum(level:)\", \"Level.LOW\".",
                    at: "7:12"),
            ])
    }

    @Test func aDirectiveMayBeUsedOnTypesItsArgumentsDoNotReach() {
        expectValidSchema(
            """
            directive @cached(ttl: Int, scope: Scope) on FIELD_DEFINITION | OBJECT
            enum Scope { PUBLIC PRIVATE }
            type Query @cached(ttl: 1) { a: Int @cached(scope: PUBLIC) }
            """)
    }

    // MARK: - Reporting

    @Test func everySchemaRuleBrokenIsReportedInSourceOrder() {
        expectSchemaErrors(
            """
            type Query implements Node { name: Int }
            interface Node { id: ID! }
            union Empty
            enum Mood
            input Filter { self: Filter! }
            """,
            [
                schemaError("Interface field Node.id expected but Query does not provide it.", at: "2:18", "1:6"),
                schemaError("Union type Empty must define one or more member types.", at: "3:7"),
                schemaError("Enum type Mood must define one or more values.", at: "4:6"),
                schemaError(
                    "Cannot reference Input Object \"Filter\" within itself through a series of non-null fields: \"self\".",
                    at: "5:16"),
            ])
    }

    @Test func everySDLRuleBrokenIsReportedInSourceOrder() {
        expectSchemaErrors(
            [
                Source("type Query { a: Usr @auth }\nextend type Nope { b: Int }", name: "a.graphql"),
                Source("type Query { c: Int }\nscalar Date @specifiedBy", name: "b.graphql"),
            ],
            [
                schemaError("There can be only one type named \"Query\".", in: "a.graphql:1:6", "b.graphql:1:6"),
                schemaError("Unknown type \"Usr\".", in: "a.graphql:1:17"),
                schemaError("Unknown directive \"@auth\".", in: "a.graphql:1:21"),
                schemaError("Cannot extend type \"Nope\" because it is not defined.", in: "a.graphql:2:13"),
                schemaError(
                    "Directive \"@specifiedBy\" argument \"url\" of type \"String!\" is required, but it was not provided.",
                    in: "b.graphql:2:13"),
            ])
    }

    @Test func anErrorDescribesItselfAsFileLineColumnAndMessage() {
        let error = #expect(throws: SchemaBuildError.self) {
            try Schema(sdl: "type Query { a: Usr }\ntype Query { b: Int }", name: "api.graphql")
        }
        #expect(
            error?.description == """
                api.graphql:1:6: There can be only one type named "Query".
                api.graphql:1:17: Unknown type "Usr".
                """)
        #expect(error?.errors.first?.diagnostic == .duplicateTypeName("Query"))
        #expect(SchemaError(diagnostic: .missingQueryType, locations: []).description == "Query root type must be provided.")
    }
}
