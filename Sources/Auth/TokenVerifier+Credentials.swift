import GraphQLEngine
import Platform

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where clients put their token: the HTTP `Authorization` header, or the WebSocket
/// `connection_init` payload (which browsers must use, since they cannot set headers on a WebSocket).
///
/// No credentials means anonymous: the schema's `@auth` rules decide what an anonymous caller reaches.
/// Credentials that are present but wrong are refused, never downgraded to anonymous.
extension TokenVerifier {
    /// `Authorization: Bearer <token>` (RFC 6750 §2.1; the scheme is case-insensitive).
    public func context(authorizationHeader: String?, now: Date) async -> Result<RequestContext, AuthFailure> {
        guard let authorizationHeader else { return .success(.anonymous) }
        switch Self.bearerToken(in: authorizationHeader, from: "Authorization header") {
        case .success(let token): return await verify(token, now: now)
        case .failure(let failure): return .failure(failure)
        }
    }

    /// A `connection_init` payload's `authorization` member ("Bearer <token>" or the bare token)
    /// or, failing that, its `token` member. Member names are matched case-insensitively, since
    /// clients copy them from HTTP headers (`Authorization`).
    public func context(connectionInitPayload: InputValue?, now: Date) async -> Result<RequestContext, AuthFailure> {
        let members: [String: InputValue]
        switch connectionInitPayload {
        case nil, .null?: return .success(.anonymous)
        case .object(let fields)?: members = fields
        default: return .failure(AuthFailure("The connection_init payload must be an object"))
        }
        for name in ["authorization", "token"] {
            let exact = members[name].map { (key: name, value: $0) }
            guard let entry = exact ?? members.first(where: { $0.key.lowercased() == name }), entry.value != .null
            else { continue }
            guard case .string(let text) = entry.value else {
                return .failure(AuthFailure("The connection_init payload's \(entry.key) must be a string"))
            }
            let credential = Self.trimmingBlanks(text)
            guard !credential.isEmpty else {
                return .failure(AuthFailure("The connection_init payload's \(entry.key) is empty"))
            }
            // One word is a bare token; more is a scheme and its credentials, which must be Bearer.
            guard Self.scheme(of: credential) != credential else {
                return await verify(String(credential), now: now)
            }
            switch Self.bearerToken(in: text, from: "The connection_init payload's \(entry.key)") {
            case .success(let token): return await verify(token, now: now)
            case .failure(let failure): return .failure(failure)
            }
        }
        return .success(.anonymous)
    }

    /// The token of a `Bearer` credential; other schemes and an empty token are refused.
    /// `source` names where the credential came from, for the reason.
    private static func bearerToken(in credential: String, from source: String) -> Result<String, AuthFailure> {
        let trimmed = trimmingBlanks(Substring(credential))
        let scheme = scheme(of: trimmed)
        guard scheme.lowercased() == "bearer" else {
            return .failure(AuthFailure("\(source) must use the Bearer scheme"))
        }
        let token = trimmingBlanks(trimmed.dropFirst(scheme.count))
        guard !token.isEmpty else {
            return .failure(AuthFailure("The Bearer token is empty"))
        }
        return .success(String(token))
    }

    /// The first word of a credential: its scheme, or the whole of a bare token.
    private static func scheme(of credential: Substring) -> Substring {
        credential.prefix { !isBlank($0) }
    }

    private static func trimmingBlanks(_ text: some StringProtocol) -> Substring {
        let text = Substring(text)
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return text[first...last]
    }

    /// Spaces and tabs: the blanks HTTP allows around and inside a credential (RFC 9110 §5.6.3).
    private static func isBlank(_ character: Character) -> Bool {
        character == " " || character == "\t"
    }
}
