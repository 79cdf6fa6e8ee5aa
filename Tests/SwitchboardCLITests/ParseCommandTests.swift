import Testing

@Suite struct ParseCommandTests {
    @Test func validDocumentExitsZeroQuietly() throws {
        let file = try TemporaryFile("query Q($id: ID!) { node(id: $id) { id } }")
        let result = try switchboard("parse", file.path)
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.isEmpty)
    }

    @Test func syntaxErrorIsReportedAsFileLineColumn() throws {
        let file = try TemporaryFile("{\n  user(id: 1 {\n    name\n  }\n}\n")
        let result = try switchboard("parse", file.path)
        #expect(result.status == 1)
        #expect(result.standardError == "\(file.path):2:14: Syntax Error: Expected Name, found \"{\".\n")
    }

    @Test func jsonOutputHasTheGraphQLErrorShape() throws {
        let file = try TemporaryFile("query {\n  a(")
        let result = try switchboard("parse", "--json", file.path)
        #expect(result.status == 1)
        #expect(
            result.standardOutput
                == #"[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":2,"column":5}]}]"# + "\n")
    }

    @Test func jsonOutputIsAnEmptyListWhenAllIsWell() throws {
        let file = try TemporaryFile("{ a }")
        let result = try switchboard("parse", "--json", file.path)
        #expect(result.status == 0)
        #expect(result.standardOutput == "[]\n")
    }

    @Test func everyFileIsCheckedAndOnlyBadOnesReported() throws {
        let good = try TemporaryFile("{ a }", name: "good.graphql")
        let bad = try TemporaryFile("{ a: }", name: "bad.graphql")
        let result = try switchboard("parse", good.path, bad.path)
        #expect(result.status == 1)
        #expect(result.standardError == "\(bad.path):1:6: Syntax Error: Expected Name, found \"}\".\n")
    }

    @Test func limitsCanBeSetOnTheCommandLine() throws {
        let file = try TemporaryFile("{ a { b { c } } }")
        let result = try switchboard("parse", "--max-depth", "2", file.path)
        #expect(result.status == 1)
        #expect(result.standardError == "\(file.path):1:9: Syntax Error: Document nests more than 2 levels deep. Parsing aborted.\n")
    }

    @Test func unreadableFileIsAnError() throws {
        let result = try switchboard("parse", "/nonexistent/query.graphql")
        #expect(result.status != 0)
        #expect(result.standardError.contains("cannot read /nonexistent/query.graphql"))
    }
}

@Suite struct FormatCommandTests {
    @Test func printsTheCanonicalForm() throws {
        let file = try TemporaryFile("query Q($a:Int=1,$b:[String!]){x(a:$a) ,y{...F}} fragment F on T{z}")
        let result = try switchboard("format", file.path)
        #expect(result.status == 0)
        #expect(
            result.standardOutput == """
                query Q($a: Int = 1, $b: [String!]) {
                  x(a: $a)
                  y {
                    ...F
                  }
                }

                fragment F on T {
                  z
                }

                """)
    }

    @Test func formatsSchemaDefinitionLanguage() throws {
        let file = try TemporaryFile(#"type Query{"the viewer" me:User @auth} union U=|A|B"#)
        let result = try switchboard("format", file.path)
        #expect(result.status == 0)
        #expect(
            result.standardOutput == """
                type Query {
                  "the viewer"
                  me: User @auth
                }

                union U = A | B

                """)
    }

    @Test func refusesADocumentWithSyntaxErrors() throws {
        let file = try TemporaryFile("type Query {")
        let result = try switchboard("format", file.path)
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == "\(file.path):1:13: Syntax Error: Expected Name, found <EOF>.\n")
    }
}
