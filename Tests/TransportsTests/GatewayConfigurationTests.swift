import GraphQLEngine
import Pipeline
import Testing
import Transports

@Suite struct GatewayConfigurationTests {
    @Test func clientDocumentsGetTheSafeDefaultLimits() throws {
        let configuration = GatewayConfiguration()
        #expect(configuration.documentLimits.maxTokens == ParseOptions.default.maxTokens)
        #expect(configuration.documentLimits.maxDepth == ParseOptions.default.maxDepth)
        #expect(configuration.documentLimits.maxDocumentBytes == 256 << 10)
        #expect(configuration.maxQueryBytes == 256 << 10)
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
