import GraphQLEngine

/// The workload's root value, as JSON text.
enum Root {
    /// `data.json` with only the first `count` notification edges, as the client query's
    /// workload asks.
    static func firstEdges(_ count: Int, of text: String) throws -> String {
        guard case .object(var root) = try JSONReader.read(text),
            case .object(var notifications)? = root["notifications"],
            case .list(let edges)? = notifications["edges"]
        else { throw BenchmarkError.unexpectedData }
        notifications["edges"] = .list(Array(edges.prefix(count)))
        root["notifications"] = .object(notifications)
        var writer = JSONWriter(capacity: text.utf8.count)
        writer.json(.object(root))
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
