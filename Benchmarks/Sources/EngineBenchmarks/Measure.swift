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

/// Times `bodies` side by side: each round takes one sample of each in turn, so that a
/// slow spell of the machine falls on all of them alike. A sample is a batch of runs
/// lasting about a millisecond (one run for slow bodies); rounds continue for at least
/// `minimumTime` and `minimumRounds`.
func measure(
    _ bodies: [() throws -> Void], minimumTime: Duration = .seconds(3), minimumRounds: Int = 5
) throws -> [Measurement] {
    let clock = ContinuousClock()
    var batches: [Int] = []
    for body in bodies {
        try body()  // warm-up
        let once = try clock.measure(body)
        batches.append(max(1, Int(Duration.milliseconds(1) / max(once, .nanoseconds(1)))))
    }
    var samples = [[Duration]](repeating: [], count: bodies.count)
    let start = clock.now
    while samples[0].count < minimumRounds || clock.now - start < minimumTime {
        for (index, body) in bodies.enumerated() {
            let batch = batches[index]
            let elapsed = try clock.measure {
                for _ in 0..<batch { try body() }
            }
            samples[index].append(elapsed / batch)
        }
    }
    return samples.map { times in
        let sorted = times.sorted()
        return Measurement(median: sorted[sorted.count / 2], samples: sorted.count)
    }
}
