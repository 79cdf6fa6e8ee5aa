/// The slot of a key in a Redis Cluster, computed as the cluster does: CRC16 (XMODEM)
/// of the key's hash tag, modulo 16384. The hash tag is what lies between the first `{`
/// and the first `}` after it, when that is not empty; otherwise the whole key. A script
/// in a cluster may touch only keys of one slot, so our keys put what they share in the
/// tag (`rl:{user:alice}:Query`, `sb:{call:123}:signals`).
public enum RedisHashSlot {
    public static let count = 16_384

    public static func slot(of key: String) -> Int {
        Int(crc16(hashTag(of: Array(key.utf8))) % UInt16(count))
    }

    static func hashTag(of key: [UInt8]) -> ArraySlice<UInt8> {
        guard let open = key.firstIndex(of: UInt8(ascii: "{")),
            let close = key[(open + 1)...].firstIndex(of: UInt8(ascii: "}")), close > open + 1
        else { return key[...] }
        return key[(open + 1)..<close]
    }

    /// CRC-16/XMODEM: polynomial 0x1021, initial value 0, bits not reflected.
    static func crc16(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var crc: UInt16 = 0
        for byte in bytes {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 {
                crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1
            }
        }
        return crc
    }
}
