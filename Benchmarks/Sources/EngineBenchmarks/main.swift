import Foundation

// Runs each benchmark for Switchboard and for GraphQLSwift in the same process, one after
// the other, and prints both medians and their ratio. Arguments filter benchmarks by name.

struct Benchmark {
    var name: String
    /// Bytes processed per run, to report throughput; nil to report time per run.
    var bytes: Int?
    var ours: () async throws -> Void
    var theirs: () async throws -> Void
}

func format(_ measurement: Measurement, bytes: Int?) -> String {
    if let bytes {
        return String(format: "%.1f MB/s", Double(bytes) / measurement.seconds / 1e6)
    }
    let seconds = measurement.seconds
    if seconds < 1e-3 { return String(format: "%.1f µs", seconds * 1e6) }
    return String(format: "%.2f ms", seconds * 1e3)
}

let workload = Workload()
let doc1mb = workload.text("doc-1mb.graphql")
let clientQuery = workload.text("query-client.graphql")
let schemaSDL = workload.text("schema.graphql")
let listQuery = workload.text("query-list.graphql")
let data = workload.text("data.json")
// The client query runs against the first 20 notification edges, as the workload says.
let clientData = try Root.firstEdges(20, of: data)
// The same field, with a subselection, a thousand times: pairwise merging is quadratic.
let repeatedFields = "{ viewer { " + String(repeating: "name friends { id name } ", count: 1_000) + "} }"
// Each fragment spreads the next twice, twelve levels down: 4,096 copies of the last when
// expanded, which merging must not walk one by one.
let repeatedFragments =
    "{ viewer { ...F0 ...F0 } }\n"
    + (0..<12).map { "fragment F\($0) on User { name friends { ...F\($0 + 1) ...F\($0 + 1) } }\n" }.joined()
    + "fragment F12 on User { id }\n"

let benchmarks = [
    Benchmark(
        name: "parse_1mb", bytes: doc1mb.utf8.count,
        ours: Ours.parser(doc1mb), theirs: Theirs.parser(doc1mb)),
    Benchmark(
        name: "parse_client", bytes: nil,
        ours: Ours.parser(clientQuery), theirs: Theirs.parser(clientQuery)),
    Benchmark(
        name: "validate_client", bytes: nil,
        ours: try Ours.validator(schema: schemaSDL, document: clientQuery),
        theirs: try Theirs.validator(schema: schemaSDL, document: clientQuery)),
    Benchmark(
        name: "validate_1000_same", bytes: nil,
        ours: try Ours.validator(schema: schemaSDL, document: repeatedFields),
        theirs: try Theirs.validator(schema: schemaSDL, document: repeatedFields)),
    Benchmark(
        name: "validate_fragments", bytes: nil,
        ours: try Ours.validator(schema: schemaSDL, document: repeatedFragments),
        theirs: try Theirs.validator(schema: schemaSDL, document: repeatedFragments)),
    Benchmark(
        name: "execute_client_json", bytes: nil,
        ours: try await Ours.executor(schema: schemaSDL, document: clientQuery, data: clientData, withCalls: true),
        theirs: try await Theirs.executor(schema: schemaSDL, document: clientQuery, data: clientData, withCalls: true)),
    Benchmark(
        name: "execute_list1000_json", bytes: nil,
        ours: try await Ours.executor(schema: schemaSDL, document: listQuery, data: data),
        theirs: try await Theirs.executor(schema: schemaSDL, document: listQuery, data: data)),
    Benchmark(
        name: "full_request_client", bytes: nil,
        ours: try await Ours.request(schema: schemaSDL, document: clientQuery, data: clientData),
        theirs: try await Theirs.request(schema: schemaSDL, document: clientQuery, data: clientData)),
]

// Options: names filter the benchmarks; `--profile` runs only Switchboard's side, for a
// profiler, and `--runs=N` with it runs each N times untimed, for instruction counters.
let options = CommandLine.arguments.dropFirst()
let profiling = options.contains("--profile")
let runs = options.first { $0.hasPrefix("--runs=") }.flatMap { Int($0.dropFirst("--runs=".count)) }
let filters = options.filter { !$0.hasPrefix("--") }
let selected = benchmarks.filter { benchmark in filters.isEmpty || filters.contains { benchmark.name.contains($0) } }

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

switch (profiling, runs) {
case (true, let runs?):
    for benchmark in selected {
        for _ in 0..<runs { try await benchmark.ours() }
    }
case (true, nil):
    for benchmark in selected {
        let ours = try await measure([benchmark.ours], minimumTime: .seconds(5))[0]
        print(pad(benchmark.name, 22) + format(ours, bytes: benchmark.bytes))
    }
case (false, _):
    print(pad("benchmark", 22) + pad("switchboard", 16) + pad("GraphQLSwift", 16) + "ratio")
    for benchmark in selected {
        let measurements = try await measure([benchmark.ours, benchmark.theirs])
        let (ours, theirs) = (measurements[0], measurements[1])
        let ratio = theirs.seconds / ours.seconds
        print(
            pad(benchmark.name, 22) + pad(format(ours, bytes: benchmark.bytes), 16)
                + pad(format(theirs, bytes: benchmark.bytes), 16) + String(format: "%.1fx", ratio))
    }
}
