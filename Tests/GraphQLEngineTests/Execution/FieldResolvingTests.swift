import Testing

@testable import GraphQLEngine

/// Resolvers as protocol methods: a value that conforms to `FieldResolving` resolves the
/// fields of its type that have no resolver of their own.
@Suite struct FieldResolvingTests {
    struct Author: FieldResolving {
        let name: String

        func resolveField(_ info: ResolveInfo) throws -> FieldValue {
            info.field.name == "name" ? .string(name) : .null
        }
    }

    struct Book: FieldResolving {
        let title: String
        let pages: Int
        let author: Author

        func resolveField(_ info: ResolveInfo) throws -> FieldValue {
            switch info.field.name {
            case "title":
                info.arguments["uppercase"] == .boolean(true) ? .string(title.uppercased()) : .string(title)
            case "pages": .int(pages)
            case "author": .object(author)
            case "isbn": throw GraphQLError(message: "No ISBN on file for \(title).", code: "NOT_FOUND")
            default: .null
            }
        }
    }

    static let schema: Schema = {
        do {
            return try Schema(
                sdl: """
                    type Author { name: String! }
                    type Book { title(uppercase: Boolean = false): String! pages: Int! author: Author! isbn: String rating: Float }
                    type Query { books: [Book!]! }
                    """)
        } catch {
            fatalError("\(error)")
        }
    }()

    func run(_ text: String, resolvers: Resolvers = Resolvers()) async throws -> String {
        var resolvers = resolvers
        resolvers["Query", "books"] = .sync { _ in
            .list([
                .object(Book(title: "Dune", pages: 412, author: Author(name: "Frank Herbert"))),
                .object(Book(title: "Emma", pages: 474, author: Author(name: "Jane Austen"))),
            ])
        }
        let document = try Validator.validate(try Parser.parse(text), against: Self.schema)
        return await Executor(resolvers: resolvers).execute(document).text
    }

    @Test func aValueResolvesItsOwnFieldsWithTheirArguments() async throws {
        let text = try await run("{ books { title loud: title(uppercase: true) pages author { name } rating } }")
        #expect(
            text
                == #"{"data":{"books":[{"title":"Dune","loud":"DUNE","pages":412,"author":{"name":"Frank Herbert"},"rating":null},{"title":"Emma","loud":"EMMA","pages":474,"author":{"name":"Jane Austen"},"rating":null}]}}"#
        )
    }

    @Test func anErrorThrownByTheValueIsAFieldErrorAtItsPath() async throws {
        let text = try await run("{ books { isbn } }")
        #expect(
            text
                == #"{"errors":[{"message":"No ISBN on file for Dune.","locations":[{"line":1,"column":11}],"path":["books",0,"isbn"],"extensions":{"code":"NOT_FOUND"}},{"message":"No ISBN on file for Emma.","locations":[{"line":1,"column":11}],"path":["books",1,"isbn"],"extensions":{"code":"NOT_FOUND"}}],"data":{"books":[{"isbn":null},{"isbn":null}]}}"#
        )
    }

    @Test func aResolverGivenForTheFieldWinsOverTheValue() async throws {
        var resolvers = Resolvers()
        resolvers["Book", "pages"] = .sync { _ in .int(1) }
        let text = try await run("{ books { pages } }", resolvers: resolvers)
        #expect(text == #"{"data":{"books":[{"pages":1},{"pages":1}]}}"#)
    }
}
