import Auth
import Foundation
import JWTKit
import Platform
import Testing

/// Tokens minted with a configuration are accepted by a verifier with the matching configuration,
/// and say who the caller is.
@Suite struct TokenRoundTripTests {
    let now = TokenCrafting.now
    let alice = RequestContext(user: "alice", tenant: "acme", roles: ["admin", "ops"])

    func mintAlice(with minter: TokenMinter) async throws -> String {
        try await minter.mint(user: "alice", tenant: "acme", roles: ["admin", "ops"], ttl: .seconds(3600), now: now)
    }

    @Test("An HS256 token minted with the secret verifies to its user, tenant and roles")
    func hs256RoundTrip() async throws {
        let configuration = AuthConfiguration(algorithm: .hs256, key: TokenCrafting.secret)
        let token = try await mintAlice(with: TokenMinter(configuration))
        let result = try await TokenVerifier(configuration).verify(token, now: now)
        #expect(result == .success(alice))
    }

    @Test("An RS256 token signed with the private key verifies with the public key")
    func rs256RoundTrip() async throws {
        let minter = try await TokenMinter(
            AuthConfiguration(algorithm: .rs256, signingKey: AuthTestKeys.rsaPrivate))
        let verifier = try await TokenVerifier(AuthConfiguration(algorithm: .rs256, key: AuthTestKeys.rsaPublic))
        let token = try await mintAlice(with: minter)
        #expect(await verifier.verify(token, now: now) == .success(alice))
    }

    @Test("An ES256 token signed with a fresh P-256 private key verifies with its public key")
    func es256RoundTrip() async throws {
        let privateKey = ES256PrivateKey()
        let minter = try await TokenMinter(
            AuthConfiguration(algorithm: .es256, signingKey: privateKey.pemRepresentation))
        let verifier = try await TokenVerifier(
            AuthConfiguration(algorithm: .es256, key: privateKey.publicKey.pemRepresentation))
        let token = try await mintAlice(with: minter)
        #expect(await verifier.verify(token, now: now) == .success(alice))
    }

    @Test("A private key configured as the verification key verifies through its public half, and signs")
    func privateKeyAsVerificationKey() async throws {
        let configuration = AuthConfiguration(algorithm: .rs256, key: AuthTestKeys.rsaPrivate)
        let token = try await mintAlice(with: TokenMinter(configuration))
        #expect(try await TokenVerifier(configuration).verify(token, now: now) == .success(alice))
    }

    @Test("A minted token names the configured algorithm, issuer and audience, and expires after its ttl")
    func mintedClaims() async throws {
        let configuration = AuthConfiguration(
            algorithm: .hs256, key: TokenCrafting.secret, issuer: "switchboard", audience: "frontend")
        let token = try await TokenMinter(configuration).mint(
            user: "bob", tenant: nil, roles: [], ttl: .seconds(600), now: now)
        let parts = token.split(separator: ".").map(String.init)
        try #require(parts.count == 3)
        let header = try JSONSerialization.jsonObject(with: try #require(Self.decode(parts[0]))) as? [String: Any]
        let payload = try JSONSerialization.jsonObject(with: try #require(Self.decode(parts[1]))) as? [String: Any]
        #expect(header?["alg"] as? String == "HS256")
        #expect(payload?["sub"] as? String == "bob")
        #expect(payload?["iss"] as? String == "switchboard")
        #expect(payload?["aud"] as? String == "frontend")
        #expect(payload?["iat"] as? Int == TokenCrafting.nowSeconds)
        #expect(payload?["exp"] as? Int == TokenCrafting.nowSeconds + 600)
        #expect(payload?["tenant"] == nil)
        #expect(payload?["roles"] == nil)

        let strict = try await TokenVerifier(
            AuthConfiguration(
                algorithm: .hs256, key: TokenCrafting.secret, issuer: "switchboard", audience: "frontend",
                leeway: .zero))
        #expect(await strict.verify(token, now: now.addingTimeInterval(599)) == .success(RequestContext(user: "bob")))
        #expect(
            TokenCrafting.reason(await strict.verify(token, now: now.addingTimeInterval(600)))
                == "Token expired at 2026-11-24T10:10:00Z")
    }

    @Test("The development secret signs and verifies when no key is configured, and says so")
    func developmentSecret() async throws {
        let configuration = AuthConfiguration()
        #expect(configuration.usesDevelopmentSecret)
        #expect(!AuthConfiguration(key: TokenCrafting.secret).usesDevelopmentSecret)
        #expect(!AuthConfiguration(algorithm: .rs256, key: AuthTestKeys.rsaPublic).usesDevelopmentSecret)
        let token = try await TokenMinter(configuration).mint(
            user: "dev", roles: ["admin"], ttl: .seconds(60), now: now)
        #expect(
            try await TokenVerifier(configuration).verify(token, now: now)
                == .success(RequestContext(user: "dev", roles: ["admin"])))
        let elsewhere = try await TokenVerifier(AuthConfiguration(key: TokenCrafting.secret))
        #expect(TokenCrafting.reason(await elsewhere.verify(token, now: now)) == "Token signature is invalid")
    }

    @Test("Minting refuses an empty user or tenant and a lifetime that is not positive or too long")
    func mintingArguments() async throws {
        let minter = try await TokenMinter(AuthConfiguration(key: TokenCrafting.secret))
        await #expect(throws: TokenMintingError("A token needs a user (its sub claim)")) {
            try await minter.mint(user: "", ttl: .seconds(60), now: now)
        }
        await #expect(throws: TokenMintingError("The tenant, when given, must not be empty")) {
            try await minter.mint(user: "alice", tenant: "", ttl: .seconds(60), now: now)
        }
        await #expect(throws: TokenMintingError("The token lifetime (ttl) must be positive")) {
            try await minter.mint(user: "alice", ttl: .zero, now: now)
        }
        await #expect(throws: TokenMintingError("The token lifetime (ttl) is too long")) {
            try await minter.mint(user: "alice", ttl: .seconds(Int64.max), now: now)
        }
    }

    static func decode(_ segment: String) -> Data? {
        var base64 = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
