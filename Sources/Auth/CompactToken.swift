import GraphQLEngine

/// A compact JWS (`header.payload.signature`) taken apart before any key touches it.
///
/// The header is read here so that the pinned algorithm is enforced by us, ahead of jwt-kit;
/// the payload is only decoded, and is read as claims after the signature has been checked.
struct CompactToken {
    /// Longer tokens are refused unread: real ones are a few hundred bytes, and this bounds the work
    /// an anonymous client can make the gateway do per request.
    static let maxLength = 8192

    let algorithm: String
    let payload: [UInt8]

    init(_ token: String) throws(AuthFailure) {
        guard token.utf8.count <= Self.maxLength else {
            throw AuthFailure("Token is longer than \(Self.maxLength) bytes")
        }
        let parts = token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw AuthFailure("Token must have three dot-separated parts: header.payload.signature")
        }
        guard let header = Base64URL.decode(parts[0]), let payload = Base64URL.decode(parts[1]),
            Base64URL.decode(parts[2]) != nil
        else {
            throw AuthFailure("Token parts must be base64url-encoded")
        }
        guard case .object(let fields)? = try? JSONReader.read(bytes: header) else {
            throw AuthFailure("Token header is not a JSON object")
        }
        guard case .string(let algorithm)? = fields["alg"] else {
            throw AuthFailure("Token header has no alg")
        }
        // RFC 7515 §4.1.11: a verifier that does not understand a listed extension must refuse the token.
        if fields["crit"] != nil {
            throw AuthFailure("Token header lists critical extensions (crit), which this gateway does not support")
        }
        self.algorithm = algorithm
        self.payload = payload
    }

    /// The header's `alg` as a reason may quote it: only when it looks like an algorithm name,
    /// since the header is the sender's text.
    var quotableAlgorithm: String? {
        let isName = algorithm.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        return isName && (1...16).contains(algorithm.utf8.count) ? algorithm : nil
    }
}
