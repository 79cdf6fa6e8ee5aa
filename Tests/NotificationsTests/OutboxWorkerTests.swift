import Foundation
import SQLKit
import Testing

@testable import Notifications
@testable import Platform
@testable import TestSupport

@Suite struct OutboxBackoffTests {
    struct Silent: DeliveryProvider {
        var name: String { "silent" }
        func deliver(_ delivery: OutboundDelivery) async throws {}
    }

    struct Nowhere: Database {
        func withConnection<Result: Sendable>(
            _ body: @escaping @Sendable (any SQLKit.SQLDatabase) async throws -> Result
        ) async throws -> Result {
            throw DeliveryFailure("no database here")
        }
    }

    @Test func backoffDoublesFromThirtySecondsUpToAnHour() {
        let worker = OutboxWorker(database: Nowhere(), provider: Silent())
        #expect(
            (1...9).map { worker.backoff(after: $0) } == [
                .seconds(30), .seconds(60), .seconds(120), .seconds(240), .seconds(480), .seconds(960), .seconds(1920),
                .seconds(3600), .seconds(3600),
            ])
    }

    @Test func digestEmailsOfOneUserGoOutTogetherAndEverythingElseAlone() {
        func delivery(_ id: Int64, user: String, digest: Bool) -> Delivery {
            Delivery(
                id: id, notificationId: id, tenant: "acme", userId: user, channel: digest ? .email : .push,
                status: .pending, reason: nil, attempts: 0, nextAttemptAt: nil, lastError: nil, provider: nil,
                isDigest: digest, createdAt: Date(), updatedAt: Date(), sentAt: nil)
        }
        let batches = OutboxWorker.batches([
            delivery(1, user: "bob", digest: true), delivery(2, user: "bob", digest: false),
            delivery(3, user: "carol", digest: true), delivery(4, user: "bob", digest: true),
        ])
        #expect(batches.map { $0.map(\.id) } == [[1, 4], [2], [3]])
    }
}
