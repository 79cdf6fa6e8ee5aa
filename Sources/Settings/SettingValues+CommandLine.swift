extension SettingValues {
    /// The settings flags among command-line `arguments`, by key: `--key value` or
    /// `--key=value` (the form for a value that starts with `--`), the last of a
    /// repeated flag winning. An unknown flag, a flag without its value or a stray word
    /// is an error worded as swift-argument-parser words its own, with a "did you mean"
    /// for a misspelt flag.
    public static func flags(
        from arguments: [String], keys: some Sequence<String>
    ) throws(SettingsError) -> [String: String] {
        let byFlag = Dictionary(uniqueKeysWithValues: keys.map { (flag(for: $0), $0) })
        var flags: [String: String] = [:]
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("--") else { throw SettingsError("Unexpected argument '\(argument)'") }
            let name = String(argument.prefix { $0 != "=" })
            guard let key = byFlag[name] else {
                let hint = Suggestion.closest(to: name, among: byFlag.keys).map { " (did you mean '\($0)'?)" } ?? ""
                throw SettingsError("Unknown option '\(name)'\(hint)")
            }
            if name.count < argument.count {
                flags[key] = String(argument.dropFirst(name.count + 1))
            } else if let value = rest.first, !value.hasPrefix("--") {
                flags[key] = value
                rest = rest.dropFirst()
            } else {
                throw SettingsError("Missing value for '\(name)'")
            }
        }
        return flags
    }
}
