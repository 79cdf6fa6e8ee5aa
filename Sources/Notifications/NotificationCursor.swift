import Foundation
import Platform

/// A position in a user's notifications, as connections hand it out: opaque to clients
/// (base64url of `notification:<id>`), so that the order it encodes may change.
public enum NotificationCursor {
    private static let prefix = "notification:"

    public static func encode(_ id: Int64) -> String {
        Data((prefix + String(id)).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The notification id a cursor points at; nil for text that is not one of ours.
    public static func decode(_ cursor: String) -> Int64? {
        guard cursor.utf8.count <= 64 else { return nil }
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
            text.hasPrefix(prefix), let id = Int64(text.dropFirst(prefix.count)), id > 0,
            String(id) == text.dropFirst(prefix.count)
        else { return nil }
        return id
    }
}
