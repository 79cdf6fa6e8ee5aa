/// An entry of a log: its sequence number (from 1, one more per append) and its bytes.
public struct EphemeralLogEntry: Hashable, Sendable {
    public let sequence: Int64
    public let payload: [UInt8]

    public init(sequence: Int64, payload: [UInt8]) {
        self.sequence = sequence
        self.payload = payload
    }
}
