extension Duration {
    /// Whole microseconds, the unit of GCRA's arithmetic (and of Redis's `TIME`).
    public var wholeMicroseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }

    /// Whole milliseconds, as `poll` takes a timeout.
    public var wholeMilliseconds: Int64 {
        components.seconds * 1_000 + components.attoseconds / 1_000_000_000_000_000
    }
}

extension Duration {
    /// Milliseconds, rounded up and at least one: Redis's `PX` and `PEXPIRE` count them,
    /// and a positive expiry must not become none.
    public var millisecondsRoundedUp: Int64 {
        let (seconds, attoseconds) = components
        return max(1, seconds * 1_000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
