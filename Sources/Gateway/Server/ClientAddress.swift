import Foundation

/// The client's IP address, as rate limits count signed-out callers. Behind proxies the
/// socket's peer is the nearest proxy, so with `trustedProxyHops` proxies in front (each
/// appending the address it received the request from to `X-Forwarded-For`), the client
/// is the entry that many places from the right: what the outermost trusted proxy saw.
/// Entries further left were written by the client and are never believed.
enum ClientAddress {
    static func resolve(peer: String?, forwardedFor: [String], trustedProxyHops: Int) -> String? {
        guard trustedProxyHops > 0 else { return peer }
        let entries = forwardedFor.flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        // Fewer entries than proxies: the request did not come through them all.
        guard entries.count >= trustedProxyHops else { return peer }
        let address = entries[entries.count - trustedProxyHops]
        return isAddress(address) ? address : peer
    }

    /// An IPv4 or IPv6 address's characters, and no longer than one can be.
    static func isAddress(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 45
            && text.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || $0 == "." || $0 == ":" }
    }
}
