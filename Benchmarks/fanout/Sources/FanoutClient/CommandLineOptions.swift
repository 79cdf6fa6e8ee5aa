/// `--name value` pairs from the command line.
struct CommandLineOptions {
    private var values: [String: String] = [:]

    init(_ arguments: some Sequence<String>) {
        var key: String?
        for argument in arguments {
            if argument.hasPrefix("--") {
                key = String(argument.dropFirst(2))
            } else if let name = key {
                values[name] = argument
                key = nil
            }
        }
    }

    subscript(name: String) -> String? { values[name] }
    func int(_ name: String) -> Int? { values[name].flatMap { Int($0) } }
}
