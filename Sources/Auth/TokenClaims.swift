import GraphQLEngine
import Platform

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A verified token's payload, checked claim by claim and turned into the caller's ``RequestContext``.
///
/// Claims are read only after the signature has been checked, so nothing here is trusted early.
struct TokenClaims {
    private let members: [String: InputValue]

    init(payload: [UInt8]) throws(AuthFailure) {
        guard case .object(let members)? = try? JSONReader.read(bytes: payload) else {
            throw AuthFailure("Token payload is not a JSON object")
        }
        self.members = members
    }

    /// `exp` is required (a token that never expires cannot be taken back), `nbf` is checked when
    /// present, `iss` and `aud` when configured; `sub` names the user, `tenant` and `roles` ride along.
    func context(checkedAgainst configuration: AuthConfiguration, now: Date) throws(AuthFailure) -> RequestContext {
        let moment = now.timeIntervalSince1970
        let leeway = Self.seconds(configuration.leeway)
        guard let expiry = try numericDate("exp") else {
            throw AuthFailure("Missing exp claim: tokens must expire")
        }
        if moment >= expiry + leeway {
            throw AuthFailure("Token expired at \(Self.timestamp(expiry))")
        }
        if let notBefore = try numericDate("nbf"), moment + leeway < notBefore {
            throw AuthFailure("Token is not valid before \(Self.timestamp(notBefore))")
        }
        if let issuer = configuration.issuer {
            guard let claimed = try string("iss") else {
                throw AuthFailure("Missing iss claim: the issuer must be \"\(issuer)\"")
            }
            guard claimed == issuer else {
                throw AuthFailure("Token issuer is not the expected \"\(issuer)\"")
            }
        }
        if let audience = configuration.audience {
            guard let claimed = try strings("aud") else {
                throw AuthFailure("Missing aud claim: the audience must include \"\(audience)\"")
            }
            guard claimed.contains(audience) else {
                throw AuthFailure("Token audience does not include the expected \"\(audience)\"")
            }
        }
        guard let user = try string("sub"), !user.isEmpty else {
            throw AuthFailure("Missing sub claim: the token must name its user")
        }
        let tenant = try string("tenant")
        if tenant?.isEmpty == true {
            throw AuthFailure("Claim tenant must not be empty")
        }
        let roles = try strings("roles") ?? []
        return RequestContext(user: user, tenant: tenant, roles: Set(roles))
    }

    /// A string claim; absent and `null` read as nil, any other type is refused.
    private func string(_ name: String) throws(AuthFailure) -> String? {
        switch members[name] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw AuthFailure("Claim \(name) must be a string")
        }
    }

    /// A claim that may be one string or an array of strings (as `aud` is in RFC 7519 §4.1.3).
    private func strings(_ name: String) throws(AuthFailure) -> [String]? {
        switch members[name] {
        case nil, .null?: return nil
        case .string(let value)?: return [value]
        case .list(let items)?:
            var values: [String] = []
            for item in items {
                guard case .string(let value) = item else { break }
                values.append(value)
            }
            if values.count == items.count { return values }
        default: break
        }
        throw AuthFailure("Claim \(name) must be a string or an array of strings")
    }

    /// A NumericDate (RFC 7519 §2): seconds since 1970, possibly with a fraction.
    private func numericDate(_ name: String) throws(AuthFailure) -> Double? {
        switch members[name] {
        case nil, .null?: return nil
        case .int(let value)?: return Double(value)
        case .float(let value)? where value.isFinite: return value
        default: throw AuthFailure("Claim \(name) must be a number of seconds since 1970")
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// ISO 8601 in UTC for the years a calendar can show; raw seconds outside them.
    private static func timestamp(_ secondsSince1970: Double) -> String {
        guard (0...253_402_300_799).contains(secondsSince1970) else {
            return "\(secondsSince1970) seconds since 1970"
        }
        return Date.ISO8601FormatStyle().format(Date(timeIntervalSince1970: secondsSince1970))
    }
}
