import Synchronization

/// Parsed and validated documents, kept by their source text, so that an operation a
/// client sends again skips parsing and validation (clients send the same few operations
/// over and over).
///
/// The least recently used entry goes first when the cache holds more than `capacity`
/// documents or more than `maxBytes` of source text. Failures are kept too: a client
/// retrying an invalid operation costs a lookup, not a parse and a validation. Shared by
/// every request: lookups take a lock, parsing and validating happen outside it.
public final class DocumentCache: Sendable {
    /// What a source text turned out to be.
    public enum Entry: Sendable {
        case valid(Valid<Document>)
        /// The text is not a GraphQL document (or breaks a parse limit).
        case syntaxError(GraphQLError)
        /// The document breaks validation rules.
        case invalid([GraphQLError])
    }

    public struct Statistics: Hashable, Sendable {
        public var hits = 0
        public var misses = 0
        public var evictions = 0
        public var count = 0
        public var bytes = 0
    }

    public let capacity: Int
    public let maxBytes: Int
    private let schema: Schema
    private let parseOptions: ParseOptions
    private let validationOptions: ValidationOptions
    private let state: Mutex<RecencyList>

    public init(
        schema: Schema, parseOptions: ParseOptions = .default,
        validationOptions: ValidationOptions = ValidationOptions(),
        capacity: Int = 1_000, maxBytes: Int = 16 << 20
    ) {
        self.schema = schema
        self.parseOptions = parseOptions
        self.validationOptions = validationOptions
        self.capacity = max(1, capacity)
        self.maxBytes = maxBytes
        self.state = Mutex(RecencyList())
    }

    /// The entry for `text`: the cached one, or a new one made by parsing and validating.
    public func entry(for text: String) -> Entry {
        if let cached = state.withLock({ $0.touch(text) }) { return cached }
        let entry = Entry(
            parsing: text, schema: schema, parseOptions: parseOptions, validationOptions: validationOptions)
        let size = text.utf8.count
        // A text larger than the whole budget would only push everything else out.
        guard size <= maxBytes else {
            state.withLock { $0.statistics.misses += 1 }
            return entry
        }
        state.withLock { list in
            list.insert(text, entry, size: size)
            list.evict(capacity: capacity, maxBytes: maxBytes)
        }
        return entry
    }

    public var statistics: Statistics { state.withLock { $0.statistics } }
}

extension DocumentCache.Entry {
    /// Parses and validates `text`: what the cache keeps, made without a cache (a
    /// command that runs one document, a request that must not be kept).
    public init(
        parsing text: String, schema: Schema, parseOptions: ParseOptions = .default,
        validationOptions: ValidationOptions = ValidationOptions()
    ) {
        let source = Source(text)
        let document: Document
        do {
            document = try Parser.parse(source, options: parseOptions)
        } catch {
            var syntaxError = GraphQLError(error, in: source)
            syntaxError.code = "GRAPHQL_PARSE_FAILED"
            self = .syntaxError(syntaxError)
            return
        }
        do {
            self = .valid(try Validator.validate(document, against: schema, options: validationOptions))
        } catch {
            // Codes as clients of other gateways know them, so a client tells a document
            // it must fix from a failure while running it.
            self = .invalid(
                error.graphQLErrors.map { error in
                    var error = error
                    error.code = "GRAPHQL_VALIDATION_FAILED"
                    return error
                })
        }
    }
}

/// Entries in order of use, most recent first: a doubly linked list threaded through an
/// array (indices, not references), with a dictionary from text to position.
private struct RecencyList {
    struct Node {
        var text: String
        var entry: DocumentCache.Entry
        var size: Int
        var newer: Int?
        var older: Int?
    }

    var nodes: [Node] = []
    var positions: [String: Int] = [:]
    var free: [Int] = []
    var newest: Int?
    var oldest: Int?
    var statistics = DocumentCache.Statistics()

    /// The entry for `text`, now the most recent; nil on a miss.
    mutating func touch(_ text: String) -> DocumentCache.Entry? {
        guard let position = positions[text] else { return nil }
        statistics.hits += 1
        unlink(position)
        pushNewest(position)
        return nodes[position].entry
    }

    mutating func insert(_ text: String, _ entry: DocumentCache.Entry, size: Int) {
        statistics.misses += 1
        // Two requests may have made the same entry at once; the second replaces the first.
        if let existing = positions[text] {
            unlink(existing)
            remove(existing)
        }
        let node = Node(text: text, entry: entry, size: size, newer: nil, older: nil)
        let position: Int
        if let reused = free.popLast() {
            nodes[reused] = node
            position = reused
        } else {
            nodes.append(node)
            position = nodes.count - 1
        }
        positions[text] = position
        statistics.count += 1
        statistics.bytes += size
        pushNewest(position)
    }

    mutating func evict(capacity: Int, maxBytes: Int) {
        while statistics.count > capacity || statistics.bytes > maxBytes, let position = oldest {
            unlink(position)
            remove(position)
            statistics.evictions += 1
        }
    }

    private mutating func remove(_ position: Int) {
        positions[nodes[position].text] = nil
        statistics.count -= 1
        statistics.bytes -= nodes[position].size
        // Drop the document now rather than when the slot is reused.
        nodes[position] = Node(text: "", entry: .invalid([]), size: 0, newer: nil, older: nil)
        free.append(position)
    }

    private mutating func unlink(_ position: Int) {
        let (newer, older) = (nodes[position].newer, nodes[position].older)
        if let newer { nodes[newer].older = older } else { newest = older }
        if let older { nodes[older].newer = newer } else { oldest = newer }
        nodes[position].newer = nil
        nodes[position].older = nil
    }

    private mutating func pushNewest(_ position: Int) {
        nodes[position].older = newest
        if let newest { nodes[newest].newer = position }
        newest = position
        if oldest == nil { oldest = position }
    }
}
