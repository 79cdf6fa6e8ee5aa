import Testing

@testable import Notifications
@testable import Platform
@testable import TestSupport

@Suite struct NotificationCursorTests {
    @Test(arguments: [1, 42, Int64.max])
    func aCursorReadsBackAsItsId(id: Int64) {
        #expect(NotificationCursor.decode(NotificationCursor.encode(id)) == id)
    }

    @Test func cursorsAreOpaqueURLSafeText() {
        let cursor = NotificationCursor.encode(12_345)
        #expect(!cursor.contains("12345"))
        #expect(cursor.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    @Test(arguments: ["", "abc", "bm90aWZpY2F0aW9uOg", "dXNlcjox", "bm90aWZpY2F0aW9uOi0x", "bm90aWZpY2F0aW9uOjAx"])
    func textThatIsNotOurCursorIsRefused(text: String) {
        // "notification:", "user:1", "notification:-1", "notification:01"
        #expect(NotificationCursor.decode(text) == nil)
    }
}
