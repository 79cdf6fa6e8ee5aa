import Auth
import GraphQLEngine
import Platform
import Testing

/// Where a token comes from: the `Authorization` header, or the WebSocket `connection_init` payload.
@Suite struct CredentialsTests {
    typealias Craft = TokenCrafting
    let now = TokenCrafting.now
    let alice = RequestContext(user: "alice", roles: ["user"])
    let token = TokenCrafting.token(payload: TokenCrafting.payload(#""sub":"alice","roles":["user"]"#))

    func header(_ value: String?) async throws -> Result<RequestContext, AuthFailure> {
        try await Craft.hs256Verifier().context(authorizationHeader: value, now: now)
    }

    func payload(_ value: InputValue?) async throws -> Result<RequestContext, AuthFailure> {
        try await Craft.hs256Verifier().context(connectionInitPayload: value, now: now)
    }

    @Test("A request without an Authorization header is anonymous")
    func noHeader() async throws {
        #expect(try await header(nil) == .success(.anonymous))
    }

    @Test("The Bearer scheme is matched case-insensitively and blanks around the token are ignored")
    func bearer() async throws {
        #expect(try await header("Bearer \(token)") == .success(alice))
        #expect(try await header("bearer \(token)") == .success(alice))
        #expect(try await header("BEARER \t \(token)  ") == .success(alice))
    }

    @Test("Other schemes and empty credentials are refused, not treated as anonymous")
    func otherSchemes() async throws {
        let scheme = "Authorization header must use the Bearer scheme"
        #expect(Craft.reason(try await header("Basic YWxpY2U6c2VjcmV0")) == scheme)
        #expect(Craft.reason(try await header(token)) == scheme)
        #expect(Craft.reason(try await header("")) == scheme)
        #expect(Craft.reason(try await header("Bearer")) == "The Bearer token is empty")
        #expect(Craft.reason(try await header("Bearer   ")) == "The Bearer token is empty")
    }

    @Test("A bad token in the header is refused with the token's reason")
    func badTokenInHeader() async throws {
        let expired = Craft.token(payload: Craft.payload(expiresIn: -3600))
        #expect(Craft.reason(try await header("Bearer \(expired)")) == "Token expired at 2026-11-24T09:00:00Z")
    }

    @Test("connection_init: authorization as a Bearer credential or a bare token, or token")
    func connectionInitMembers() async throws {
        #expect(try await payload(.object(["authorization": .string("Bearer \(token)")])) == .success(alice))
        #expect(try await payload(.object(["authorization": .string(token)])) == .success(alice))
        #expect(try await payload(.object(["Authorization": .string("bearer \(token)")])) == .success(alice))
        #expect(try await payload(.object(["token": .string(token)])) == .success(alice))
        #expect(try await payload(.object(["token": .string("Bearer \(token)")])) == .success(alice))
    }

    @Test("connection_init: authorization wins over token")
    func authorizationFirst() async throws {
        let other = Craft.token(payload: Craft.payload(#""sub":"bob""#))
        let both = InputValue.object(["authorization": .string(other), "token": .string(token)])
        #expect(try await payload(both) == .success(RequestContext(user: "bob")))
    }

    @Test("connection_init without a payload, or without either member, is anonymous")
    func connectionInitAnonymous() async throws {
        #expect(try await payload(nil) == .success(.anonymous))
        #expect(try await payload(.null) == .success(.anonymous))
        #expect(try await payload(.object([:])) == .success(.anonymous))
        #expect(try await payload(.object(["clientName": .string("web")])) == .success(.anonymous))
        #expect(try await payload(.object(["authorization": .null])) == .success(.anonymous))
    }

    @Test("connection_init: members that are not strings, other schemes and bad tokens are refused")
    func connectionInitRefusals() async throws {
        #expect(
            Craft.reason(try await payload(.object(["token": .int(42)])))
                == "The connection_init payload's token must be a string")
        #expect(
            Craft.reason(try await payload(.object(["authorization": .object([:])])))
                == "The connection_init payload's authorization must be a string")
        #expect(
            Craft.reason(try await payload(.object(["authorization": .string("Basic YWxpY2U=")])))
                == "The connection_init payload's authorization must use the Bearer scheme")
        #expect(
            Craft.reason(try await payload(.object(["token": .string("  ")])))
                == "The connection_init payload's token is empty")
        #expect(
            Craft.reason(try await payload(.list([.string(token)]))) == "The connection_init payload must be an object")
        #expect(
            Craft.reason(try await payload(.object(["token": .string("e30.e30.e30")])))
                == "Token header has no alg")
    }
}
