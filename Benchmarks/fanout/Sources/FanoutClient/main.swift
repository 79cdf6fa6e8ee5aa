// The fan-out load client: opens N graphql-transport-ws connections to a server on
// loopback, subscribes each to one user's `notificationAdded`, fires K events with
// `sendNotification` (one mutation reaches every user), and reports, per event and over
// all, the latency from sending the mutation to each `next` frame arriving, deliveries per
// second, missing deliveries, and the server's CPU and memory per connection.
//
//     FanoutClient --port P --tokens FILE --admin-token T --connections N --events K
//                  [--server-pid PID] [--name NAME] [--threads 1]
//
// FILE has one line per user, "userId token"; connection i is user i mod users.
import Foundation
import NIOCore
import NIOPosix

let options = CommandLineOptions(CommandLine.arguments.dropFirst())
let name = options["name"] ?? "server"
let host = "127.0.0.1"
guard let port = options.int("port"), let tokensFile = options["tokens"], let adminToken = options["admin-token"]
else {
    FileHandle.standardError.write(Data("usage: FanoutClient --port P --tokens FILE --admin-token T ...\n".utf8))
    exit(2)
}
let connections = options.int("connections") ?? 1_000
let events = options.int("events") ?? 20
let threads = options.int("threads") ?? 1
/// How long an event may take to reach everyone before the missing are counted.
let eventTimeout: UInt64 = UInt64(options.int("event-timeout-ms") ?? 10_000) * 1_000_000
let server = options.int("server-pid").map { ServerProcess(pid: Int32($0)) }

let users: [(id: String, token: String)] = try String(contentsOfFile: tokensFile, encoding: .utf8)
    .split(separator: "\n").compactMap { line in
        let parts = line.split(separator: " ", maxSplits: 1)
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }
guard !users.isEmpty else { fatalError("\(tokensFile) names no users") }

let deliveries = Deliveries()
let plan = SubscriberPlan(
    host: host, port: port, query: "subscription { notificationAdded { title } }", deliveries: deliveries)
let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
let rssBefore = server?.residentKiB()

func elapsed(since start: UInt64) -> Double { Double(MonotonicClock.nanoseconds - start) / 1e9 }

// Connect, at most 200 handshakes in flight at once.
var channels: [any Channel] = []
channels.reserveCapacity(connections)
let connectStart = MonotonicClock.nanoseconds
try await withThrowingTaskGroup(of: (any Channel).self) { tasks in
    var next = 0
    func open(_ index: Int) {
        let token = users[index % users.count].token
        tasks.addTask {
            try await ClientBootstrap(group: group)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            HandshakeHandler(plan: plan, connection: index, token: token))
                    }
                }
                .connect(host: host, port: port).get()
        }
    }
    while next < min(200, connections) {
        open(next)
        next += 1
    }
    while let channel = try await tasks.next() {
        channels.append(channel)
        if next < connections {
            open(next)
            next += 1
        }
    }
}
while deliveries.connected < connections, elapsed(since: connectStart) < 120, deliveries.failures.isEmpty {
    try await Task.sleep(for: .milliseconds(20))
}
print("\(name): \(deliveries.connected) of \(connections) connections acknowledged in "
    + String(format: "%.1f s", elapsed(since: connectStart)))
if let failure = deliveries.failures.first { print("  first failure: \(failure)") }

let audience = users.map { jsonString($0.id) }.joined(separator: ",")
func mutation(_ title: String) -> String {
    let query = "mutation { sendNotification(input: {to: {userIds: [\(audience)]}, type: SYSTEM, title: "
        + "\(jsonString(title))}) { recipientCount } }"
    return #"{"query":\#(jsonString(query))}"#
}

var latencies: [Double] = []
var rates: [Double] = []
var missing = 0
var cpuUsed: Double?
var rssPerConnection: Double?
try await MutationClient(host: host, port: port, token: adminToken).withConnection(on: group) { post in
    // Warm-up events until every connection has had one: the server has registered
    // every subscription (nothing else says so in a way both servers share).
    let warmStart = MonotonicClock.nanoseconds
    var round = 0
    while deliveries.warmedCount < connections, elapsed(since: warmStart) < 120 {
        round += 1
        let answer = try await post(mutation("w\(round)"))
        guard answer.status == 200, !answer.text.contains("\"errors\"") else {
            print("  warm-up mutation refused: \(answer.status) \(answer.text.prefix(300))")
            break
        }
        try await Task.sleep(for: .milliseconds(500))
    }
    print("  \(deliveries.warmedCount) of \(connections) subscribed after \(round) warm-up events")
    if let before = rssBefore, let after = server?.residentKiB() {
        rssPerConnection = Double(after - before) / Double(connections)
    }
    try await Task.sleep(for: .milliseconds(500))

    let cpuBefore = server?.cpuSeconds()
    for event in 1...events {
        let title = "e\(event)"
        let sent = MonotonicClock.nanoseconds
        let answer = try await post(mutation(title))
        guard answer.status == 200 else {
            print("  event \(event) refused: \(answer.status) \(answer.text.prefix(300))")
            break
        }
        while deliveries.count(of: title) < connections, MonotonicClock.nanoseconds - sent < eventTimeout {
            try await Task.sleep(for: .milliseconds(1))
        }
        let arrivals = deliveries.arrivals(of: title)
        missing += connections - arrivals.count
        let milliseconds = arrivals.map { Double($0 - sent) / 1e6 }
        latencies += milliseconds
        if let summary = LatencySummary(milliseconds: milliseconds), let last = milliseconds.max() {
            let rate = Double(arrivals.count) / (last / 1e3)
            rates.append(rate)
            print(
                String(
                    format: "  event %d: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d of %d delivered, %.0f deliveries/s",
                    event, summary.p50, summary.p99, summary.max, arrivals.count, connections, rate))
        } else {
            print("  event \(event): nothing delivered")
        }
        // The next event starts on a quiet server.
        try await Task.sleep(for: .milliseconds(200))
    }
    if let before = cpuBefore, let after = server?.cpuSeconds() { cpuUsed = after - before }
}

let summary = LatencySummary(milliseconds: latencies)
let medianRate = rates.sorted().dropFirst(rates.count / 2).first ?? 0
let delivered = latencies.count
let cpuPerDelivery = cpuUsed.map { delivered > 0 ? $0 / Double(delivered) * 1e6 : 0 }
print(
    String(
        format: "  all: p50 %.1f ms, p99 %.1f ms, max %.1f ms, missing %d, %.0f deliveries/s (median of events)",
        summary?.p50 ?? 0, summary?.p99 ?? 0, summary?.max ?? 0, missing, medianRate)
        + (cpuPerDelivery.map { String(format: ", server CPU %.1f µs per delivery", $0) } ?? "")
        + (rssPerConnection.map { String(format: ", server RSS %.1f KiB per connection", $0) } ?? ""))
print(
    "RESULT name=\(name) connections=\(connections) users=\(users.count) events=\(events)"
        + String(
            format: " p50_ms=%.1f p99_ms=%.1f max_ms=%.1f deliveries_per_s=%.0f missing=%d cpu_us_per_delivery=%.1f rss_kib_per_connection=%.1f",
            summary?.p50 ?? 0, summary?.p99 ?? 0, summary?.max ?? 0, medianRate, missing, cpuPerDelivery ?? -1,
            rssPerConnection ?? -1))
for channel in channels { channel.close(promise: nil) }
try await group.shutdownGracefully()
