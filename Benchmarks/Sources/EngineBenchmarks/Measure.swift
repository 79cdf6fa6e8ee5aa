/// Median time of one run of `body`, measured over batches of runs for at least
/// `minimumTime` (and at least `minimumSamples` batches), after one warm-up run.
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

func measure(minimumTime: Duration = .seconds(2), minimumSamples: Int = 5, _ body: () throws -> Void) rethrows
    -> Measurement
{
    let clock = ContinuousClock()
    try body()  // warm-up
    // Batch fast operations so that each sample lasts about a millisecond.
    let once = try clock.measure(body)
    let batch = max(1, Int(Duration.milliseconds(1) / max(once, .nanoseconds(1))))
    var samples: [Duration] = []
    let start = clock.now
    while samples.count < minimumSamples || clock.now - start < minimumTime {
        let elapsed = try clock.measure {
            for _ in 0..<batch { try body() }
        }
        samples.append(elapsed / batch)
    }
    samples.sort()
    return Measurement(median: samples[samples.count / 2], samples: samples.count)
}
