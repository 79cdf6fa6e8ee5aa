import Auth
import JWTKit
import Platform
import Testing

/// Every way a token is refused, each with the reason the client reads.
@Suite struct TokenRefusalTests {
    typealias Craft = TokenCrafting
    let now = TokenCrafting.now

    func reason(_ token: String, verifier: TokenVerifier? = nil) async throws -> String {
        if let verifier { return Craft.reason(await verifier.verify(token, now: now)) }
        return Craft.reason(try await Craft.hs256Verifier().verify(token, now: now))
    }

    // MARK: Time

    @Test("An expired token is refused once the leeway is spent, and accepted within it")
    func expiry() async throws {
        let withinLeeway = Craft.token(payload: Craft.payload(expiresIn: -29))
        #expect(try await reason(withinLeeway) == "accepted as \(RequestContext(user: "alice"))")
        let atLeewayEdge = Craft.token(payload: Craft.payload(expiresIn: -30))
        #expect(try await reason(atLeewayEdge) == "Token expired at 2026-11-24T09:59:30Z")
        let strict = try await Craft.hs256Verifier(leeway: .zero)
        let justExpired = Craft.token(payload: Craft.payload(expiresIn: 0))
        #expect(try await reason(justExpired, verifier: strict) == "Token expired at 2026-11-24T10:00:00Z")
    }

    @Test("A token without exp is refused: every token must expire")
    func missingExpiry() async throws {
        let token = Craft.token(payload: #"{"sub":"alice"}"#)
        #expect(try await reason(token) == "Missing exp claim: tokens must expire")
        let textual = Craft.token(payload: #"{"sub":"alice","exp":"tomorrow"}"#)
        #expect(try await reason(textual) == "Claim exp must be a number of seconds since 1970")
    }

    @Test("A token used before its nbf is refused, unless within the leeway")
    func notBefore() async throws {
        let early = Craft.token(payload: Craft.payload(#""sub":"alice","nbf":\#(Craft.nowSeconds + 60)"#))
        #expect(try await reason(early) == "Token is not valid before 2026-11-24T10:01:00Z")
        let skewed = Craft.token(payload: Craft.payload(#""sub":"alice","nbf":\#(Craft.nowSeconds + 20)"#))
        #expect(try await reason(skewed) == "accepted as \(RequestContext(user: "alice"))")
        let fractional = Craft.token(payload: Craft.payload(#""sub":"alice","nbf":\#(Craft.nowSeconds).5"#))
        #expect(try await reason(fractional) == "accepted as \(RequestContext(user: "alice"))")
    }

    // MARK: Issuer and audience

    @Test("With an issuer configured, a token from another issuer, or from none, is refused")
    func issuer() async throws {
        let verifier = try await Craft.hs256Verifier(issuer: "https://id.example")
        let other = Craft.token(payload: Craft.payload(#""sub":"alice","iss":"https://evil.example""#))
        #expect(
            try await reason(other, verifier: verifier) == #"Token issuer is not the expected "https://id.example""#)
        let none = Craft.token(payload: Craft.payload())
        #expect(
            try await reason(none, verifier: verifier) == #"Missing iss claim: the issuer must be "https://id.example""#
        )
        let right = Craft.token(payload: Craft.payload(#""sub":"alice","iss":"https://id.example""#))
        #expect(try await reason(right, verifier: verifier) == "accepted as \(RequestContext(user: "alice"))")
    }

    @Test("With an audience configured, aud must be it or an array containing it")
    func audience() async throws {
        let verifier = try await Craft.hs256Verifier(audience: "switchboard")
        let other = Craft.token(payload: Craft.payload(#""sub":"alice","aud":"billing""#))
        #expect(
            try await reason(other, verifier: verifier)
                == #"Token audience does not include the expected "switchboard""#)
        let otherList = Craft.token(payload: Craft.payload(#""sub":"alice","aud":["billing","exports"]"#))
        #expect(
            try await reason(otherList, verifier: verifier)
                == #"Token audience does not include the expected "switchboard""#)
        let none = Craft.token(payload: Craft.payload())
        #expect(
            try await reason(none, verifier: verifier) == #"Missing aud claim: the audience must include "switchboard""#
        )
        let list = Craft.token(payload: Craft.payload(#""sub":"alice","aud":["billing","switchboard"]"#))
        #expect(try await reason(list, verifier: verifier) == "accepted as \(RequestContext(user: "alice"))")
        let numeric = Craft.token(payload: Craft.payload(#""sub":"alice","aud":7"#))
        #expect(try await reason(numeric, verifier: verifier) == "Claim aud must be a string or an array of strings")
    }

    // MARK: Signature

    @Test("A token signed with another secret is refused")
    func otherSecret() async throws {
        let token = Craft.token(payload: Craft.payload(), hmacKey: Craft.otherSecret)
        #expect(try await reason(token) == "Token signature is invalid")
    }

    @Test("A token whose payload was changed after signing is refused")
    func tamperedPayload() async throws {
        let genuine = Craft.token(payload: Craft.payload(#""sub":"alice","roles":["user"]"#))
        let forged = Craft.token(payload: Craft.payload(#""sub":"alice","roles":["admin"]"#), hmacKey: nil)
        let parts = genuine.split(separator: ".")
        let tampered = forged.split(separator: ".")[0...1].joined(separator: ".") + "." + parts[2]
        #expect(tampered != genuine)
        #expect(try await reason(tampered) == "Token signature is invalid")
    }

    @Test("An ES256 signature of the wrong size is refused as invalid, not as an error")
    func unreadableSignature() async throws {
        let key = ES256PrivateKey()
        let verifier = try await TokenVerifier(
            AuthConfiguration(algorithm: .es256, key: key.publicKey.pemRepresentation))
        let token = Craft.token(header: #"{"alg":"ES256"}"#, payload: Craft.payload(), hmacKey: nil) + "AAAA"
        #expect(try await reason(token, verifier: verifier) == "Token signature is invalid")
    }

    // MARK: Algorithm pinning

    @Test("An HS256 token is refused where RS256 is pinned, and an RS256 token where HS256 is")
    func algorithmMismatch() async throws {
        let rs256 = try await TokenVerifier(AuthConfiguration(algorithm: .rs256, key: AuthTestKeys.rsaPublic))
        let hs256Token = Craft.token(payload: Craft.payload())
        #expect(try await reason(hs256Token, verifier: rs256) == "Token algorithm HS256 is not the configured RS256")

        let minter = try await TokenMinter(AuthConfiguration(algorithm: .rs256, signingKey: AuthTestKeys.rsaPrivate))
        let rs256Token = try await minter.mint(user: "alice", ttl: .seconds(60), now: now)
        #expect(try await reason(rs256Token) == "Token algorithm RS256 is not the configured HS256")
    }

    @Test("An unsigned token (alg none) is refused, whatever the case of none")
    func unsecuredToken() async throws {
        let none = Craft.token(header: #"{"alg":"none","typ":"JWT"}"#, payload: Craft.payload(), hmacKey: nil)
        #expect(try await reason(none) == "Token algorithm none is not the configured HS256")
        let shouting = Craft.token(header: #"{"alg":"NONE"}"#, payload: Craft.payload(), hmacKey: nil)
        #expect(try await reason(shouting) == "Token algorithm NONE is not the configured HS256")
        let lowercase = Craft.token(header: #"{"alg":"hs256"}"#, payload: Craft.payload())
        #expect(try await reason(lowercase) == "Token algorithm hs256 is not the configured HS256")
    }

    @Test("An HS256 token keyed with the RSA public key (the confusion attack) is refused where RS256 is pinned")
    func keyConfusion() async throws {
        let rs256 = try await TokenVerifier(AuthConfiguration(algorithm: .rs256, key: AuthTestKeys.rsaPublic))
        let admin = Craft.payload(#""sub":"mallory","roles":["admin"]"#)
        let forged = Craft.token(payload: admin, hmacKey: AuthTestKeys.rsaPublic)
        #expect(try await reason(forged, verifier: rs256) == "Token algorithm HS256 is not the configured RS256")
        // Even a header that claims RS256 does not make jwt-kit treat the HMAC as a signature.
        let relabelled = Craft.token(header: #"{"alg":"RS256"}"#, payload: admin, hmacKey: AuthTestKeys.rsaPublic)
        #expect(try await reason(relabelled, verifier: rs256) == "Token signature is invalid")
    }

    @Test("A header alg that is not a plain name is not quoted back")
    func oddAlgorithmName() async throws {
        let token = Craft.token(header: #"{"alg":"<script>alert(1)</script>"}"#, payload: Craft.payload())
        #expect(try await reason(token) == "Token algorithm is not the configured HS256")
    }

    @Test("A header with critical extensions is refused")
    func criticalExtensions() async throws {
        let token = Craft.token(header: #"{"alg":"HS256","crit":["exp"],"exp":1}"#, payload: Craft.payload())
        #expect(
            try await reason(token)
                == "Token header lists critical extensions (crit), which this gateway does not support")
    }

    // MARK: Malformed text

    @Test("Token text that is not three base64url parts with a JSON header is refused as malformed")
    func malformed() async throws {
        let threeParts = "Token must have three dot-separated parts: header.payload.signature"
        #expect(try await reason("not-a-token") == threeParts)
        #expect(try await reason("a.b") == threeParts)
        #expect(try await reason("a.b.c.d") == threeParts)
        #expect(try await reason("") == threeParts)
        let valid = Craft.token(payload: Craft.payload())
        let parts = valid.split(separator: ".").map(String.init)
        #expect(try await reason("e30!.\(parts[1]).\(parts[2])") == "Token parts must be base64url-encoded")
        #expect(try await reason("\(parts[0]).\(parts[1])=.\(parts[2])") == "Token parts must be base64url-encoded")
        #expect(try await reason("\(parts[0]).\(parts[1]).\(parts[2])+") == "Token parts must be base64url-encoded")
        let notJSON = Craft.token(header: "HS256", payload: Craft.payload())
        #expect(try await reason(notJSON) == "Token header is not a JSON object")
        let noAlgorithm = Craft.token(header: #"{"typ":"JWT"}"#, payload: Craft.payload())
        #expect(try await reason(noAlgorithm) == "Token header has no alg")
        let arrayPayload = Craft.token(payload: #"["alice"]"#)
        #expect(try await reason(arrayPayload) == "Token payload is not a JSON object")
        let oversized = String(repeating: "a", count: 9000)
        #expect(try await reason(oversized) == "Token is longer than 8192 bytes")
    }

    // MARK: Claims

    @Test("A token without a non-empty string sub is refused")
    func subject() async throws {
        let missing = "Missing sub claim: the token must name its user"
        #expect(try await reason(Craft.token(payload: Craft.payload(#""name":"alice""#))) == missing)
        #expect(try await reason(Craft.token(payload: Craft.payload(#""sub":"""#))) == missing)
        #expect(try await reason(Craft.token(payload: Craft.payload(#""sub":42"#))) == "Claim sub must be a string")
    }

    @Test("roles may be an array of strings or one string; anything else is refused")
    func roles() async throws {
        let single = Craft.token(payload: Craft.payload(#""sub":"alice","roles":"admin""#))
        #expect(try await reason(single) == "accepted as \(RequestContext(user: "alice", roles: ["admin"]))")
        let wrong = "Claim roles must be a string or an array of strings"
        #expect(try await reason(Craft.token(payload: Craft.payload(#""sub":"alice","roles":5"#))) == wrong)
        #expect(try await reason(Craft.token(payload: Craft.payload(#""sub":"alice","roles":["admin",1]"#))) == wrong)
        #expect(
            try await reason(Craft.token(payload: Craft.payload(#""sub":"alice","roles":{"admin":true}"#))) == wrong)
        let null = Craft.token(payload: Craft.payload(#""sub":"alice","roles":null"#))
        #expect(try await reason(null) == "accepted as \(RequestContext(user: "alice"))")
    }

    @Test("tenant must be a non-empty string when present")
    func tenant() async throws {
        let number = Craft.token(payload: Craft.payload(#""sub":"alice","tenant":7"#))
        #expect(try await reason(number) == "Claim tenant must be a string")
        let empty = Craft.token(payload: Craft.payload(#""sub":"alice","tenant":"""#))
        #expect(try await reason(empty) == "Claim tenant must not be empty")
        let acme = Craft.token(payload: Craft.payload(#""sub":"alice","tenant":"acme""#))
        #expect(try await reason(acme) == "accepted as \(RequestContext(user: "alice", tenant: "acme"))")
    }

    @Test("No reason quotes the token it refuses")
    func reasonsDoNotEchoTokens() async throws {
        let verifier = try await Craft.hs256Verifier(issuer: "i", audience: "a")
        let tokens = [
            Craft.token(payload: Craft.payload(), hmacKey: Craft.otherSecret),
            Craft.token(payload: Craft.payload(expiresIn: -3600)),
            Craft.token(header: #"{"alg":"none"}"#, payload: Craft.payload(), hmacKey: nil),
            Craft.token(payload: Craft.payload(#""sub":"alice","iss":"i","aud":"b""#)),
            "garbage.garbage.garbage",
        ]
        for token in tokens {
            let result = await verifier.verify(token, now: now)
            guard case .failure(let failure) = result else {
                Issue.record("accepted \(token)")
                continue
            }
            #expect(!failure.reason.contains(token))
            for part in token.split(separator: ".") where part.count > 8 {
                #expect(!failure.reason.contains(part))
            }
        }
        #expect(AuthFailure.code == "UNAUTHENTICATED")
    }
}
