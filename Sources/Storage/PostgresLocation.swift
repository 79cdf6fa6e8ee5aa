import Foundation
import NIOSSL
import PostgresNIO
import Settings

/// A PostgreSQL server and database, read from a URL as libpq writes them:
/// `postgres://user:password@host:port/database?sslmode=prefer`. What the URL leaves out
/// is libpq's default: port 5432, user `postgres`, the database named after the user,
/// `sslmode=prefer`.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var host: String
    public var port = 5432
    public var username = "postgres"
    public var password: String?
    public var database: String
    public var tls = TLSMode.prefer
    /// How long opening one connection may take (`connect_timeout`, in seconds).
    public var connectTimeout = Duration.seconds(10)
    /// The schemas unqualified names resolve in (`search_path`), when not the server's
    /// default: sent when each connection starts, so every connection agrees.
    public var searchPath: String?

    /// `sslmode`, as libpq spells it. `prefer` and `require` encrypt without checking the
    /// server's certificate (as libpq does without a root certificate); `verify-full`
    /// checks it against the system's trusted roots and the host name.
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public init(
        host: String, port: Int = 5432, username: String = "postgres", password: String? = nil, database: String? = nil
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database ?? username
    }

    /// What follows `postgres://`.
    init(parsing text: Substring, setting: String) throws(SettingsError) {
        func fail(_ reason: String) -> SettingsError {
            SettingsError("\(setting): \(reason), as in postgres://user:password@host:5432/database")
        }
        func decoded(_ part: Substring, _ what: String) throws(SettingsError) -> String {
            guard let text = String(part).removingPercentEncoding else {
                throw fail("the \(what) is not properly percent-encoded")
            }
            return text
        }
        var rest = text
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                password = try decoded(userInfo[userInfo.index(after: colon)...], "password")
                username = try decoded(userInfo[..<colon], "user name")
            } else {
                username = try decoded(userInfo, "user name")
            }
            if username.isEmpty { username = "postgres" }
        }
        var portText: Substring?
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else if !after.isEmpty {
                throw fail("unexpected \"\(after)\" after the host")
            }
        } else if let colon = rest.firstIndex(of: ":") {
            host = String(rest[..<colon])
            portText = rest[rest.index(after: colon)...]
        } else {
            host = String(rest)
        }
        guard !host.isEmpty else { throw fail("the PostgreSQL URL needs a host") }
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else {
                throw fail("the port must be a number from 1 to 65535, not \"\(portText)\"")
            }
            port = number
        }
        let name = try decoded(path, "database name")
        database = name.isEmpty ? username : name
        for parameter in query.split(separator: "&") {
            let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try decoded(pair[0], "parameter name")
            let value = try decoded(pair.count > 1 ? pair[1] : "", "value of \(key)")
            switch key {
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw SettingsError("\(setting): unknown sslmode \"\(value)\": expected one of \(modes)")
                }
                tls = mode
            case "connect_timeout":
                guard let timeout = DurationText.parse(value), timeout > .zero else {
                    throw SettingsError(
                        "\(setting): connect_timeout must be a number of seconds above 0, not \"\(value)\"")
                }
                connectTimeout = timeout
            case "search_path":
                searchPath = value.isEmpty ? nil : value
            default:
                throw SettingsError(
                    "\(setting): unknown parameter \"\(key)\" in the PostgreSQL URL: expected sslmode, connect_timeout or search_path"
                )
            }
        }
    }

    /// The URL again, with `***` for the password.
    public var description: String {
        func encoded(_ text: String) -> String {
            text.addingPercentEncoding(
                withAllowedCharacters: .urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/?")))
                ?? text
        }
        let user = encoded(username) + (password == nil ? "" : ":***")
        let address = host.contains(":") ? "[\(host)]" : host
        var text = "postgres://\(user)@\(address):\(port)/\(encoded(database))?sslmode=\(tls.rawValue)"
        if let searchPath { text += "&search_path=\(encoded(searchPath))" }
        return text
    }

    public var debugDescription: String { description }

    /// The configuration of a PostgresNIO client for this server.
    var clientConfiguration: PostgresClient.Configuration {
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        let tls: PostgresClient.Configuration.TLS =
            switch self.tls {
            case .disable: .disable
            case .prefer: .prefer(unverified)
            case .require: .require(unverified)
            case .verifyFull: .require(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = connectTimeout
        if let searchPath {
            configuration.options.additionalStartupParameters = [("search_path", searchPath)]
        }
        return configuration
    }
}
