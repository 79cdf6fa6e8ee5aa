import Testing

@testable import GraphQLEngine

private let introspectionSchema: Schema = {
    do {
        return try Schema(
            sdl: """
                "The entry points."
                type Query {
                  "Who is asking."
                  me: User
                  search(text: String!, first: Int = 10, order: Order = NEWEST, old: Boolean @deprecated): [Result!]!
                  legacy: String @deprecated(reason: "Use me.")
                }
                interface Node { id: ID! }
                type User implements Node { id: ID! name: String }
                type Bot implements Node { id: ID! }
                union Result = User | Bot
                enum Order { NEWEST OLDEST @deprecated(reason: "Nobody asks.") }
                input Target @oneOf { user: ID bot: ID }
                scalar Instant @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc3339")
                directive @cached(ttl: Int = 60) repeatable on FIELD | QUERY
                """, scalars: ["Instant": .any])
    } catch {
        fatalError("\(error)")
    }
}()

private func introspect(_ query: String) async throws -> String {
    let valid = try Validator.validate(try Parser.parse(query), against: introspectionSchema)
    return await Executor().execute(valid).text
}

@Suite struct IntrospectionTests {
    @Test func aTypeDescribesItsFieldsTypesAndInterfaces() async throws {
        let text = try await introspect(
            #"{ __type(name: "User") { kind name description fields { name type { kind name ofType { kind name } } } interfaces { name } possibleTypes { name } } }"#
        )
        #expect(
            text
                == #"{"data":{"__type":{"kind":"OBJECT","name":"User","description":null,"fields":[{"name":"id","type":{"kind":"NON_NULL","name":null,"ofType":{"kind":"SCALAR","name":"ID"}}},{"name":"name","type":{"kind":"SCALAR","name":"String","ofType":null}}],"interfaces":[{"name":"Node"}],"possibleTypes":null}}}"#
        )
    }

    @Test func deprecatedElementsAreLeftOutUnlessAskedFor() async throws {
        let text = try await introspect(
            """
            {
              query: __type(name: "Query") {
                fields { name }
                all: fields(includeDeprecated: true) { name isDeprecated deprecationReason }
              }
              order: __type(name: "Order") { enumValues { name } all: enumValues(includeDeprecated: true) { name deprecationReason } }
            }
            """)
        #expect(
            text
                == #"{"data":{"query":{"fields":[{"name":"me"},{"name":"search"}],"all":[{"name":"me","isDeprecated":false,"deprecationReason":null},{"name":"search","isDeprecated":false,"deprecationReason":null},{"name":"legacy","isDeprecated":true,"deprecationReason":"Use me."}]},"order":{"enumValues":[{"name":"NEWEST"}],"all":[{"name":"NEWEST","deprecationReason":null},{"name":"OLDEST","deprecationReason":"Nobody asks."}]}}}"#
        )
    }

    @Test func argumentsGiveTheirDefaultsAsGraphQLText() async throws {
        let text = try await introspect(
            #"{ __type(name: "Query") { fields { name args(includeDeprecated: true) { name defaultValue isDeprecated } } } }"#)
        #expect(
            text.contains(
                #"{"name":"search","args":[{"name":"text","defaultValue":null,"isDeprecated":false},{"name":"first","defaultValue":"10","isDeprecated":false},{"name":"order","defaultValue":"NEWEST","isDeprecated":false},{"name":"old","defaultValue":null,"isDeprecated":true}]}"#
            ))
    }

    @Test func abstractTypesInputObjectsAndScalarsSayWhatIsTheirs() async throws {
        let text = try await introspect(
            """
            {
              node: __type(name: "Node") { kind possibleTypes { name } fields { name } }
              result: __type(name: "Result") { kind possibleTypes { name } fields { name } }
              target: __type(name: "Target") { kind isOneOf inputFields { name type { name } } }
              instant: __type(name: "Instant") { kind specifiedByURL isOneOf }
              missing: __type(name: "Missing") { name }
            }
            """)
        #expect(
            text
                == #"{"data":{"node":{"kind":"INTERFACE","possibleTypes":[{"name":"User"},{"name":"Bot"}],"fields":[{"name":"id"}]},"result":{"kind":"UNION","possibleTypes":[{"name":"User"},{"name":"Bot"}],"fields":null},"target":{"kind":"INPUT_OBJECT","isOneOf":true,"inputFields":[{"name":"user","type":{"name":"ID"}},{"name":"bot","type":{"name":"ID"}}]},"instant":{"kind":"SCALAR","specifiedByURL":"https://www.rfc-editor.org/rfc/rfc3339","isOneOf":null},"missing":null}}"#
        )
    }

    @Test func theSchemaListsItsRootsTypesAndDirectives() async throws {
        let text = try await introspect(
            "{ __schema { description queryType { name } mutationType { name } types { name } directives { name isRepeatable locations args { name defaultValue } } } }"
        )
        #expect(text.hasPrefix(#"{"data":{"__schema":{"description":null,"queryType":{"name":"Query"},"mutationType":null,"types":[{"name":"Query"},"#))
        for name in ["String", "Boolean", "__Schema", "__Type", "__TypeKind", "__Directive", "Target", "Instant"] {
            #expect(text.contains(#"{"name":"\#(name)"}"#), "\(name)")
        }
        #expect(
            text.contains(
                #"{"name":"cached","isRepeatable":true,"locations":["FIELD","QUERY"],"args":[{"name":"ttl","defaultValue":"60"}]}"#))
        #expect(
            text.contains(
                #"{"name":"deprecated","isRepeatable":false,"locations":["FIELD_DEFINITION","ARGUMENT_DEFINITION","INPUT_FIELD_DEFINITION","ENUM_VALUE"],"args":[{"name":"reason","defaultValue":"\"No longer supported\""}]}"#
            ))
    }

    @Test func typenameWorksOnIntrospectionObjectsToo() async throws {
        let text = try await introspect(#"{ __schema { __typename queryType { __typename } } __type(name: "Query") { __typename } }"#)
        #expect(text == #"{"data":{"__schema":{"__typename":"__Schema","queryType":{"__typename":"__Type"}},"__type":{"__typename":"__Type"}}}"#)
    }
}
