import GraphQLEngine
import Testing

@testable import Platform

/// Resolvers registered by coordinate, checked against the schema before anything runs,
/// and given the caller as the type they are written for.
@Suite struct ResolverTableTests {
    static let schema: Schema = {
        do {
            return try Schema(
                sdl: """
                    type Query { notifications: [Note!]! me: String }
                    type Mutation { markRead(id: ID!): Boolean! }
                    type Subscription { noteAdded: Note! }
                    type Note { id: ID! title: String! secret: String }
                    interface Node { id: ID! }
                    """)
        } catch {
            fatalError("\(error)")
        }
    }()

    /// Every root field resolved.
    static func complete() -> ResolverTable<RequestContext> {
        var table = ResolverTable<RequestContext>()
        table[.query("notifications")] = .sync { _ in .list([]) }
        table[.query("me")] = .sync { info in info.context.user.map(FieldValue.string) ?? .null }
        table[.mutation("markRead")] = .sync { _ in .boolean(true) }
        table[subscription: "noteAdded"] = { _ in EventStream(AsyncStream<InputValue> { $0.finish() }) }
        return table
    }

    static func problems(_ table: ResolverTable<RequestContext>) -> [String] {
        do {
            _ = try table.bind(to: schema)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func aCompleteTableBinds() {
        #expect(Self.problems(Self.complete()) == [])
    }

    @Test func aMisspeltFieldIsNamedWithWhatWasMeant() {
        var table = Self.complete()
        table[.query("notifcations")] = .sync { _ in .null }
        #expect(
            Self.problems(table) == [
                #"Query.notifcations: a resolver is registered for a field Query does not have. Did you mean "notifications"?"#
            ])
    }

    @Test func aMisspeltTypeIsNamedWithWhatWasMeant() {
        var table = Self.complete()
        table[.field("Note_", "title")] = .sync { _ in .null }
        #expect(
            Self.problems(table) == [
                #"Note_.title: a resolver is registered for a type the schema does not have. Did you mean "Note"?"#
            ])
    }

    @Test func aResolverOnAnInterfaceIsRefused() {
        var table = Self.complete()
        table[.field("Node", "id")] = .sync { _ in .null }
        #expect(Self.problems(table) == ["Node.id: a resolver is registered on a type that is not an object type."])
    }

    @Test func everyUnresolvedRootFieldIsNamed() {
        var table = Self.complete()
        table[.query("me")] = nil
        table[subscription: "noteAdded"] = nil
        #expect(
            Self.problems(table) == [
                "Query.me: no domain resolves this field.",
                "Subscription.noteAdded: no domain gives this subscription field an event stream.",
            ])
    }

    @Test func aCheckGuardsAFieldLeftToTheDefaultResolver() async throws {
        var table = Self.complete()
        table[.query("notifications")] = .sync { _ in .list([.jsonObject(["id": "1", "title": "Hi", "secret": "s"])]) }
        table.guardField(.field("Note", "secret")) { field throws(GraphQLError) in
            if field.context.user == nil { throw GraphQLError(message: "Sign in.", code: "UNAUTHENTICATED") }
        }
        let executor = Executor(resolvers: try table.bind(to: Self.schema))
        let document = try Validator.validate(try Parser.parse("{ notifications { title secret } }"), against: Self.schema)
        let signedIn = await executor.execute(document, context: RequestContext(user: "ada"))
        #expect(signedIn.text == #"{"data":{"notifications":[{"title":"Hi","secret":"s"}]}}"#)
        let signedOut = await executor.execute(document, context: RequestContext.anonymous)
        #expect(signedOut.text.contains(#""path":["notifications",0,"secret"],"extensions":{"code":"UNAUTHENTICATED"}"#))
    }

    @Test func aResolverRunWithoutTheCallersContextFailsRatherThanRunAsNobody() async throws {
        let executor = Executor(resolvers: try Self.complete().bind(to: Self.schema))
        let document = try Validator.validate(try Parser.parse("{ me }"), against: Self.schema)
        let response = await executor.execute(document, context: "not a caller")
        #expect(
            response.text
                == #"{"errors":[{"message":"Query.me was executed without the caller's context.","locations":[{"line":1,"column":3}],"path":["me"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"me":null}}"#
        )
    }
}
