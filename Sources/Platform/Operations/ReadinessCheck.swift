/// Something `/ready` asks about before saying the server can take traffic: the
/// database reachable, later Redis.
public struct ReadinessCheck: Sendable {
    public var name: String
    public var isReady: @Sendable () async -> Bool

    public init(name: String, isReady: @escaping @Sendable () async -> Bool) {
        self.name = name
        self.isReady = isReady
    }

    /// The names of the checks that fail, asked all at once; a check that takes longer
    /// than `timeout` fails.
    public static func failing(_ checks: [ReadinessCheck], timeout: Duration) async -> [String] {
        await withTaskGroup(of: String?.self) { group in
            for check in checks {
                group.addTask {
                    let answer = await withTaskGroup(of: Bool?.self) { race in
                        race.addTask { await check.isReady() }
                        race.addTask {
                            try? await Task.sleep(for: timeout)
                            return nil
                        }
                        let first = await race.next() ?? nil
                        race.cancelAll()
                        return first
                    }
                    return answer == true ? nil : check.name
                }
            }
            var failing: [String] = []
            for await name in group {
                if let name { failing.append(name) }
            }
            return failing.sorted()
        }
    }
}
