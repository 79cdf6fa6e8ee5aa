import Testing

@testable import GraphQLEngine

@Suite struct FieldCollectionTests {
    /// The response names collected from the selection set of the first root field of
    /// `document`, for the object type `type`, with how many fields share each name.
    func collected(
        _ document: String, on type: String, variables: [String: InputValue] = [:]
    ) throws -> [String] {
        let valid = try Validator.validate(try Parser.parse(document), against: validationSchema)
        let doc = valid.value
        guard case .operation(let operation)? = doc[doc.definitions].first,
            case .field(let root)? = doc[operation.selectionSet.selections].first,
            let selectionSet = root.selectionSet,
            let objectType = validationSchema.type(named: type)
        else {
            Issue.record("the test document has no root field with a selection set")
            return []
        }
        let fields = try valid.collectFields(of: objectType, in: selectionSet, variables: variables)
        return fields.groups.map { "\($0.responseName)×\($0.fields.count)" }
    }

    @Test func fieldsAreGroupedByResponseNameInTheOrderFirstSeen() throws {
        #expect(try collected("{ me { id name first: email id name } }", on: "User") == ["id×2", "name×2", "first×1"])
    }

    @Test func onlyFragmentsThatApplyToTheObjectTypeAreFollowed() throws {
        let document = """
            { actor { __typename ... on User { name email } ... on Bot { version } ...Common } }
            fragment Common on Named { id name }
            """
        #expect(try collected(document, on: "User") == ["__typename×1", "name×2", "email×1", "id×1"])
        #expect(try collected(document, on: "Bot") == ["__typename×1", "version×1", "id×1", "name×1"])
    }

    @Test func aFragmentSpreadTwiceIsCollectedOnce() throws {
        let document = """
            { me { ...F ... on User { ...F } } }
            fragment F on User { id }
            """
        #expect(try collected(document, on: "User") == ["id×1"])
    }

    @Test func skipAndIncludeLeaveSelectionsOut() throws {
        let document = """
            query ($yes: Boolean!, $no: Boolean!) {
              me {
                id @skip(if: true)
                name @include(if: $yes)
                email @include(if: $no)
                version @skip(if: $no) @include(if: $yes)
                ... @skip(if: $yes) { bestFriend { id } }
                ...F @include(if: false)
              }
            }
            fragment F on User { devices { token } }
            """
        #expect(
            try collected(document, on: "User", variables: ["yes": true, "no": false]) == ["name×1", "version×1"])
    }

    @Test func anIfVariableWithoutAValueIsAnError() {
        let document = "query ($flag: Boolean!) { me { id @skip(if: $flag) } }"
        #expect(
            throws: GraphQLError(
                message:
                    "Argument \"if\" of required type \"Boolean!\" was provided the variable \"$flag\" which was not provided a runtime value.",
                locations: [GraphQLEngine.SourceLocation(line: 1, column: 45)])
        ) {
            try collected(document, on: "User")
        }
    }
}
