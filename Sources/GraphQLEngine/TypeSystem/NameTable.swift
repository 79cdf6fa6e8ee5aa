/// Positions of names, looked up by the name's UTF-8 bytes.
///
/// Documents are bytes, and validation and execution look a name up at every field;
/// making a `String` of each name and hashing it with SipHash cost more than the rest of
/// the lookup. This open-addressing table hashes the bytes with FNV-1a and compares them
/// directly. It holds a schema's names, fixed when the schema is built, and is kept at
/// most half full, so a lookup ends within a few probes whatever name a client sends.
struct NameTable: Sendable {
    /// The distinct names, and the position each had in the list given.
    private let names: [[UInt8]]
    private let positions: [Int]
    /// For each slot, an index into `names` plus one; 0 for an empty slot.
    private let slots: [Int32]
    private let mask: Int

    /// Each name's position in `names`; where a name repeats, the first wins.
    init(_ list: [String]) {
        var capacity = 8
        while capacity < list.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        var names: [[UInt8]] = []
        var positions: [Int] = []
        for (position, name) in list.enumerated() {
            let bytes = Array(name.utf8)
            var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & (capacity - 1)
            while slots[slot] != 0, names[Int(slots[slot]) - 1] != bytes { slot = (slot + 1) & (capacity - 1) }
            guard slots[slot] == 0 else { continue }
            names.append(bytes)
            positions.append(position)
            slots[slot] = Int32(names.count)
        }
        self.names = names
        self.positions = positions
        self.slots = slots
        self.mask = capacity - 1
    }

    /// The position of the name spelled by `bytes`, if the table has it.
    func position(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if names[entry - 1].elementsEqual(bytes) { return positions[entry - 1] }
            slot = (slot + 1) & mask
        }
    }

    /// The position of `name`, if the table has it.
    func position(of name: String) -> Int? {
        var name = name
        return name.withUTF8 { position(of: $0) }
    }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
