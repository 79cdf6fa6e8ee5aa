import Foundation
import Logging
import Testing

@testable import Redis

/// A real redis-server of the test's own, on a free loopback port, that the test may
/// stop and start again (an outage). The binary comes from
/// `SWITCHBOARD_TEST_REDIS_SERVER`, which scripts/test sets after installing Redis;
/// without it the tests that need one are skipped, and say why.
final class RedisServerProcess: @unchecked Sendable {
    // @unchecked: `process` is only touched by the test that owns this value, one call
    // at a time (start, stop, deinit), never concurrently.
    static let variable = "SWITCHBOARD_TEST_REDIS_SERVER"
    static let missing: Comment =
        "SWITCHBOARD_TEST_REDIS_SERVER is not set; scripts/test installs redis-server and sets it"
    static var binary: String? {
        ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }
    static var needed: ConditionTrait { .enabled(if: binary != nil, missing) }

    /// What Redis clients of the tests log: only the critical.
    static let logger: Logger = {
        var logger = Logger(label: "switchboard.test.redis")
        logger.logLevel = .critical
        return logger
    }()

    let port: Int
    /// A Redis Cluster of this one node, which holds every slot: it refuses a script or
    /// command whose keys are of several slots (CROSSSLOT), as any cluster would.
    let isCluster: Bool
    private var process: Process?

    var endpoint: RedisEndpoint {
        var endpoint = RedisEndpoint(host: "127.0.0.1", port: port)
        endpoint.connectTimeout = .milliseconds(500)
        endpoint.commandTimeout = .seconds(2)
        return endpoint
    }

    private init(port: Int, isCluster: Bool) {
        self.port = port
        self.isCluster = isCluster
    }

    /// A server started on a free port; with `cluster`, a cluster of one node.
    static func start(cluster: Bool = false) async throws -> RedisServerProcess {
        let server = RedisServerProcess(port: try cluster ? freeClusterPort() : freePort(), isCluster: cluster)
        try await server.start()
        return server
    }

    deinit {
        if let process { kill(process.processIdentifier, SIGKILL) }
    }

    /// Starts the server (again, after `stop`) and waits until it answers.
    func start() async throws {
        guard let binary = Self.binary else { throw RedisTestError("\(Self.variable) is not set") }
        let process = Process()
        process.executableURL = URL(filePath: binary)
        process.arguments = [
            "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
        ]
        if isCluster {
            let nodes = FileManager.default.temporaryDirectory.appending(path: "switchboard-redis-nodes-\(port).conf")
            try? FileManager.default.removeItem(at: nodes)
            process.arguments? += ["--cluster-enabled", "yes", "--cluster-config-file", nodes.path]
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        for _ in 0..<500 {
            if Self.accepts(port) {
                if isCluster { try await takeEverySlot() }
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw RedisTestError("redis-server did not start on port \(port)")
    }

    /// Gives the one node every slot and waits until the cluster says it is ok.
    private func takeEverySlot() async throws {
        let client = RedisClient(endpoint: endpoint, logger: RedisServerProcess.logger)
        var isOK = false
        do {
            _ = try await client.send("CLUSTER", "ADDSLOTSRANGE", "0", String(RedisHashSlot.count - 1))
            for _ in 0..<500 where !isOK {
                isOK = try await client.send("CLUSTER", "INFO").text?.contains("cluster_state:ok") == true
                if !isOK { try await Task.sleep(for: .milliseconds(10)) }
            }
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
        guard isOK else { throw RedisTestError("the cluster on port \(port) did not become ok") }
    }

    /// Kills the server, as a crash would, and waits until its port is free. SIGKILL,
    /// since a child of the test process inherits a signal mask that blocks SIGTERM;
    /// the exit is polled, as `waitUntilExit` needs a run loop async tests do not turn.
    func stop() async {
        guard let process else { return }
        self.process = nil
        kill(process.processIdentifier, SIGKILL)
        for _ in 0..<500 where Self.accepts(port) {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    static func accepts(_ port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// A port for a cluster node, whose cluster bus listens 10000 above it: both free.
    static func freeClusterPort() throws -> Int {
        for _ in 0..<100 {
            let port = Int.random(in: 20_000..<30_000)
            if (try? freePort(port)) != nil, (try? freePort(port + 10_000)) != nil { return port }
        }
        throw RedisTestError("no free pair of ports for a cluster node")
    }

    /// `wanted` if it is free (0: any free port).
    static func freePort(_ wanted: Int = 0) throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw RedisTestError("no socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(wanted).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw RedisTestError("cannot bind") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct RedisTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
