import Testing

@testable import GraphQLEngine

@Suite struct ErrorLimitTests {
    @Test func validationStopsAfterTheErrorLimit() throws {
        let fields = (0..<20).map { "f\($0)" }.joined(separator: " ")
        let errors = try validationErrors(
            [FieldsOnCorrectTypeRule.self], "{ me { \(fields) } }", options: ValidationOptions(maxErrors: 5))
        #expect(errors.count == 6)
        #expect(errors.last?.message == "Too many validation errors, error limit reached. Validation aborted.")
    }
}
