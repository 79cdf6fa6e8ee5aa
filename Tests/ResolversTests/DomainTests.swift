import Resolvers
import Testing

@Suite struct DomainTests {
    @Test func theFourDomainsAreKnownByTheirFeatureNames() {
        #expect(Domain.allCases.map(\.rawValue) == ["notifications", "calls", "presence", "exports"])
    }
}
