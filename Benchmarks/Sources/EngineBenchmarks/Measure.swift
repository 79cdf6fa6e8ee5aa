/// The median time of one run, from a number of samples.
struct Measurement {
    var median: Duration
    var samples: Int

    var seconds: Double {
        let (whole, attoseconds) = median.components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}

/// Keeps a result alive so the optimizer cannot drop the work that made it.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Times `bodies` side by side, in rounds: each round gives every body a turn of about a
/// quarter second, so that a slow spell of the machine falls on all of them alike. A turn
/// starts with one untimed run (the other bodies have just run and left the caches and the
/// allocator in their own state), then takes samples, each a batch of runs lasting about a
/// millisecond (one run for slow bodies). Rounds continue for at least `minimumTime`.
func measure(
    _ bodies: [() async throws -> Void], minimumTime: Duration = .seconds(4), turn: Duration = .milliseconds(250)
) async throws -> [Measurement] {
    let clock = ContinuousClock()
    var batches: [Int] = []
    for body in bodies {
        try await body()  // warm-up
        let once = try await clock.measure(body)
        batches.append(max(1, Int(Duration.milliseconds(1) / max(once, .nanoseconds(1)))))
    }
    var samples = [[Duration]](repeating: [], count: bodies.count)
    let start = clock.now
    repeat {
        for (index, body) in bodies.enumerated() {
            try await body()
            let batch = batches[index]
            let turnStart = clock.now
            repeat {
                let elapsed = try await clock.measure {
                    for _ in 0..<batch { try await body() }
                }
                samples[index].append(elapsed / batch)
            } while clock.now - turnStart < turn
        }
    } while clock.now - start < minimumTime
    return samples.map { times in
        let sorted = times.sorted()
        return Measurement(median: sorted[sorted.count / 2], samples: sorted.count)
    }
}
