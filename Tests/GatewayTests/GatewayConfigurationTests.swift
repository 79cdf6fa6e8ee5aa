import Gateway
import GraphQLEngine
import Testing

@Suite struct GatewayConfigurationTests {
    @Test func clientDocumentsGetTheSafeDefaultLimits() throws {
        let configuration = GatewayConfiguration()
        #expect(configuration.documentLimits == .default)
        let oversized = String(repeating: " ", count: configuration.documentLimits.maxDocumentBytes) + "{ a }"
        #expect(throws: SyntaxError.self) {
            try Parser.parse(oversized, options: configuration.documentLimits)
        }
    }
}

@Suite struct GatewayValidationDefaultsTests {
    @Test func clientOperationsAreHeldToTheOperationLimits() {
        let validation = GatewayConfiguration().validation
        #expect(validation.limits == OperationLimits())
        #expect(validation.maxErrors == 100)
        #expect(validation.maxIntrospectionDepth == 3)
    }
}
