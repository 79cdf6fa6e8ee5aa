import HTTPTypes
import Testing

@testable import Gateway

struct HTTPFieldsCombinedTests {
    @Test func aFieldSentOnceIsItsValue() {
        let fields: HTTPFields = [.accept: "application/json", .contentType: "text/plain"]
        #expect(fields.combined(.accept) == "application/json")
        #expect(fields.combined(.authorization) == nil)
    }

    @Test func aFieldSentOnSeveralLinesIsTheirValuesJoined() {
        var fields = HTTPFields()
        fields.append(HTTPField(name: .accept, value: "application/json;q=0.5"))
        fields.append(HTTPField(name: .contentType, value: "application/json"))
        fields.append(HTTPField(name: .accept, value: "application/graphql-response+json"))
        #expect(fields.combined(.accept) == "application/json;q=0.5, application/graphql-response+json")
    }
}
