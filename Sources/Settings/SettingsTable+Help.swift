/// The settings as `--help` lists them, laid out as swift-argument-parser lays out
/// options: the flag and its value in a column, the help wrapped beside it.
extension SettingsTable {
    private static var width: Int { 79 }
    private static var helpColumn: Int { 26 }

    /// Every section's settings with their help and the default `defaults` holds.
    public func help(defaults: Root) -> String {
        sections.map { section in
            ([section.title + ":"] + section.settings.map { Self.entry($0, default: $0.text(in: defaults)) })
                .joined(separator: "\n")
        }
        .joined(separator: "\n\n")
    }

    private static func entry(_ setting: Setting<Root>, default value: String?) -> String {
        let name = "  \(SettingValues.flag(for: setting.key)) <\(setting.placeholder)>"
        let help = setting.help + (value.map { $0.isEmpty ? "" : " Default: \($0)." } ?? "")
        let lines = wrap(help, to: width - helpColumn)
        let indent = String(repeating: " ", count: helpColumn)
        if name.count < helpColumn - 1, let first = lines.first {
            let padded = name + String(repeating: " ", count: helpColumn - name.count)
            return ([padded + first] + lines.dropFirst().map { indent + $0 }).joined(separator: "\n")
        }
        return ([name] + lines.map { indent + $0 }).joined(separator: "\n")
    }

    /// `text` in lines of at most `width` characters, broken at spaces.
    private static func wrap(_ text: String, to width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        return lines + (line.isEmpty ? [] : [line])
    }
}
