import Testing

@testable import Gateway
@testable import TestSupport

@Suite struct ClientAddressTests {
    @Test func withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        #expect(
            ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: ["203.0.113.7"], trustedProxyHops: 0) == "10.0.0.5")
    }

    @Test func behindOneProxyTheClientIsTheLastEntry() {
        let forwardedFor = ["198.51.100.1, 203.0.113.7"]
        #expect(
            ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: forwardedFor, trustedProxyHops: 1) == "203.0.113.7")
    }

    @Test func behindTwoProxiesTheClientIsTheSecondFromTheRightAcrossHeaderLines() {
        let forwardedFor = ["spoofed", "2001:db8::1", "10.0.0.9"]
        #expect(
            ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: forwardedFor, trustedProxyHops: 2) == "2001:db8::1")
    }

    @Test func tooFewEntriesOrOneThatIsNotAnAddressFallBackToThePeer() {
        #expect(ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: [], trustedProxyHops: 1) == "10.0.0.5")
        #expect(ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: ["1.2.3.4"], trustedProxyHops: 2) == "10.0.0.5")
        #expect(
            ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: ["user:alice"], trustedProxyHops: 1) == "10.0.0.5")
    }
}
