import Yams

extension SettingValues {
    /// A YAML file's settings by dotted key: nested mappings join their keys with `.`
    /// (`websocket: {keep-alive: 12s}` is `websocket.keep-alive`, as a dotted key in the
    /// file is); a sequence is joined with commas, as a list is written in a flag.
    static func readYAML(_ text: String, path: String) throws(SettingsError) -> [String: String] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw SettingsError("\(path): not YAML: \(error)")
        }
        guard let root else { return [:] }
        var result: [String: String] = [:]
        func walk(_ node: Node, _ prefix: String) throws(SettingsError) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    guard let name = key.string else {
                        throw SettingsError(
                            "\(path): line \((key.mark?.line).map(String.init) ?? "?"): keys must be text")
                    }
                    try walk(value, prefix.isEmpty ? name : "\(prefix).\(name)")
                }
            case .scalar(let scalar):
                guard !prefix.isEmpty else { throw SettingsError("\(path): expected a mapping of settings") }
                result[prefix] = scalar.string
            case .sequence(let sequence):
                let items = sequence.compactMap(\.string)
                guard items.count == sequence.count else {
                    throw SettingsError("\(path): \(prefix) must be a list of plain values")
                }
                result[prefix] = items.joined(separator: ",")
            case .alias:
                throw SettingsError("\(path): \(prefix): YAML aliases are not supported here")
            }
        }
        try walk(root, "")
        return result
    }
}
