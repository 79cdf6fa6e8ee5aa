import Foundation
import Settings

/// Where Redis is, from `--redis redis://[user:password@]host[:port][/database]`, with
/// the timeouts a connection keeps: `?connect_timeout=2s&timeout=1s`.
public struct RedisEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port = 6379
    public var username: String?
    public var password: String?
    public var database = 0
    public var connectTimeout = Duration.seconds(2)
    /// How long one command (or pipeline) may wait for its reply.
    public var commandTimeout = Duration.seconds(1)

    public init(host: String, port: Int = 6379) {
        self.host = host
        self.port = port
    }

    /// Parses a `redis://` URL; the error names `setting` and what is wrong.
    public init(parsing text: String, setting: String = "redis") throws(SettingsError) {
        guard let components = URLComponents(string: text), components.scheme == "redis" else {
            throw SettingsError("\(setting): expected a URL such as redis://127.0.0.1:6379/0, got \"\(text)\"")
        }
        guard let host = components.host, !host.isEmpty else {
            throw SettingsError("\(setting): the URL names no host: \"\(text)\"")
        }
        self.host = host
        if let port = components.port {
            guard (1...65535).contains(port) else {
                throw SettingsError("\(setting): port \(port) is out of range")
            }
            self.port = port
        }
        username = components.user.flatMap { $0.isEmpty ? nil : $0 }
        password = components.password
        let path = components.path.drop { $0 == "/" }
        if !path.isEmpty {
            guard let database = Int(path), database >= 0 else {
                throw SettingsError("\(setting): the database must be a number, got \"\(path)\"")
            }
            self.database = database
        }
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "connect_timeout": connectTimeout = try Self.duration(value, setting: setting, name: item.name)
            case "timeout": commandTimeout = try Self.duration(value, setting: setting, name: item.name)
            default: throw SettingsError("\(setting): unknown URL parameter \"\(item.name)\"")
            }
        }
    }

    private static func duration(_ text: String, setting: String, name: String) throws(SettingsError) -> Duration {
        guard let duration = DurationText.parse(text), duration > .zero else {
            throw SettingsError("\(setting): \(name) must be a duration such as 500ms or 2s, got \"\(text)\"")
        }
        return duration
    }

    /// The endpoint without its password, for logs.
    public var description: String {
        let user = username.map { "\($0)@" } ?? (password == nil ? "" : "***@")
        return "redis://\(user)\(host):\(port)/\(database)"
    }
}

/// An endpoint is a setting that parses itself, naming the setting in errors.
extension RedisEndpoint: ParsableSetting {}
