import AsyncHTTPClient
import Foundation
import NIOCore
import Platform

/// Delivers by POSTing each delivery's JSON to one URL: a service of the operator's
/// that forwards pushes and emails to their providers. Its answer decides the outcome:
/// 2xx delivered; 408, 429, 5xx, no connection or no answer in time are worth another
/// try; any other status refuses the delivery for good.
public struct WebhookDeliveryProvider: DeliveryProvider {
    public let name = "webhook"
    public let url: URL
    /// How long one POST may take, connecting included.
    public let timeout: Duration
    private let client: HTTPClient

    /// Posts through `HTTPClient.shared`, which lives as long as the process: nothing to shut down.
    public init(url: URL, timeout: Duration = .seconds(10), client: HTTPClient = .shared) {
        self.url = url
        self.timeout = timeout
        self.client = client
    }

    public func deliver(_ delivery: OutboundDelivery) async throws {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "switchboard")
        request.headers.add(name: "X-Switchboard-Delivery", value: String(delivery.id))
        request.headers.add(name: "X-Switchboard-Attempt", value: String(delivery.attempt))
        request.body = .bytes(delivery.json)

        let status: (code: UInt, reason: String)
        let answer: String
        do {
            let response = try await client.execute(request, timeout: TimeAmount(timeout))
            status = (response.status.code, response.status.reasonPhrase)
            // Read to the end so the connection can be reused; a little of it goes into the error.
            let body = try await response.body.collect(upTo: 64 * 1024)
            answer = String(buffer: body)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError where Self.isRequestMistake(error) {
            throw DeliveryFailure("webhook \(url): \(error)", retryable: false)
        } catch {
            throw DeliveryFailure("webhook \(url): \(error)", retryable: true)
        }
        switch status.code {
        case 200..<300:
            return
        case 408, 429, 500..<600:
            throw DeliveryFailure(Self.describe(status, answer), retryable: true)
        default:
            throw DeliveryFailure(Self.describe(status, answer), retryable: false)
        }
    }

    /// The status and the start of the answer, for the delivery's record.
    static func describe(_ status: (code: UInt, reason: String), _ answer: String) -> String {
        let excerpt = answer.prefix(200).trimmingCharacters(in: .whitespacesAndNewlines)
        return "webhook answered \(status.code) \(status.reason)" + (excerpt.isEmpty ? "" : ": \(excerpt)")
    }

    /// Errors that another try would make again: the request itself is wrong.
    private static func isRequestMistake(_ error: HTTPClientError) -> Bool {
        [.invalidURL, .emptyHost, .emptyScheme].contains(error)
    }
}
