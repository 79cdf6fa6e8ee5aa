import Foundation

@testable import GraphQLEngine

/// What a client rebuilds from the response to `fullIntrospectionQuery`: the schema as
/// SDL text, written from the JSON alone, as a client that never saw the server's SDL
/// would write it (spec 4.2: introspection must tell everything the type system says).
///
/// Built-in scalars, introspection types and built-in directives are left out, as every
/// schema has them. Custom scalars are built with `.any` coercion: introspection says a
/// scalar exists, not how it coerces.
struct SchemaFromIntrospection {
    /// The SDL written from the introspection result.
    let sdl: String
    /// The custom scalars named in the result, in the order of `__schema.types`.
    let customScalars: [String]

    /// Reads the response text (`{"data":{"__schema":...}}`); a response with errors, or
    /// of another shape, throws.
    init(response text: String) throws {
        let response = try JSONObject(try JSONReader.read(text), at: "response")
        if response.fields["errors"] != nil {
            throw IntrospectionShapeError(path: "response.errors", problem: "the response has errors: \(text)")
        }
        let schema = try response.object("data").object("__schema")
        var writer = SDLWriter()
        try writer.write(schema: schema)
        sdl = writer.blocks.joined(separator: "\n\n") + "\n"
        customScalars = writer.customScalars
    }

    /// The schema the SDL describes, built as any SDL is (`Schema(sdl:scalars:)`).
    func build() throws -> Schema {
        try Schema(
            sdl: sdl, name: "introspected.graphql",
            scalars: Dictionary(uniqueKeysWithValues: customScalars.map { ($0, ScalarCoercion.any) }))
    }
}

/// A part of the introspection result that is not what the introspection types say.
struct IntrospectionShapeError: Error, CustomStringConvertible {
    let path: String
    let problem: String

    var description: String { "\(path): \(problem)" }
}

/// A JSON object of the result, with the path it was found at for errors.
private struct JSONObject {
    let fields: [String: InputValue]
    let path: String

    init(_ value: InputValue, at path: String) throws {
        guard case .object(let fields) = value else {
            throw IntrospectionShapeError(path: path, problem: "expected an object, found \(value)")
        }
        self.fields = fields
        self.path = path
    }

    private func member(_ key: String) throws -> InputValue {
        guard let value = fields[key] else {
            throw IntrospectionShapeError(path: path, problem: "no member \"\(key)\" (was it selected?)")
        }
        return value
    }

    func string(_ key: String) throws -> String {
        guard let text = try optionalString(key) else {
            throw IntrospectionShapeError(path: "\(path).\(key)", problem: "expected a string, found null")
        }
        return text
    }

    func optionalString(_ key: String) throws -> String? {
        switch try member(key) {
        case .null: return nil
        case .string(let text): return text
        case let other:
            throw IntrospectionShapeError(path: "\(path).\(key)", problem: "expected a string, found \(other)")
        }
    }

    func boolean(_ key: String) throws -> Bool {
        guard case .boolean(let flag) = try member(key) else {
            throw IntrospectionShapeError(path: "\(path).\(key)", problem: "expected a boolean")
        }
        return flag
    }

    func optionalBoolean(_ key: String) throws -> Bool? {
        if try member(key) == .null { return nil }
        return try boolean(key)
    }

    func object(_ key: String) throws -> JSONObject {
        try JSONObject(try member(key), at: "\(path).\(key)")
    }

    func optionalObject(_ key: String) throws -> JSONObject? {
        if try member(key) == .null { return nil }
        return try object(key)
    }

    /// A list of objects; null reads as no list.
    func optionalObjects(_ key: String) throws -> [JSONObject]? {
        switch try member(key) {
        case .null: return nil
        case .list(let items):
            return try items.enumerated().map { index, item in try JSONObject(item, at: "\(path).\(key)[\(index)]") }
        case let other:
            throw IntrospectionShapeError(path: "\(path).\(key)", problem: "expected a list, found \(other)")
        }
    }

    func objects(_ key: String) throws -> [JSONObject] {
        guard let items = try optionalObjects(key) else {
            throw IntrospectionShapeError(path: "\(path).\(key)", problem: "expected a list, found null")
        }
        return items
    }

    func strings(_ key: String) throws -> [String] {
        guard case .list(let items) = try member(key) else {
            throw IntrospectionShapeError(path: "\(path).\(key)", problem: "expected a list")
        }
        return try items.map { item in
            guard case .string(let text) = item else {
                throw IntrospectionShapeError(path: "\(path).\(key)", problem: "expected strings, found \(item)")
            }
            return text
        }
    }
}

/// Writes SDL definitions, one block of text each, from the introspection objects.
private struct SDLWriter {
    var blocks: [String] = []
    var customScalars: [String] = []

    /// The names every schema has (spec 3.5, 3.13); introspection types start with `__`.
    private static let builtInScalars: Set<String> = ["Int", "Float", "String", "Boolean", "ID"]
    private static let builtInDirectives: Set<String> = ["include", "skip", "deprecated", "specifiedBy", "oneOf"]
    /// `@deprecated`'s own default reason, which SDL leaves unsaid.
    private static let defaultDeprecationReason = "No longer supported"

    mutating func write(schema: JSONObject) throws {
        let types = try schema.objects("types")
        let typeNames = Set(try types.map { try $0.string("name") })
        try writeSchemaDefinition(schema, typeNames: typeNames)
        for directive in try schema.objects("directives") {
            let name = try directive.string("name")
            if Self.builtInDirectives.contains(name) { continue }
            blocks.append(try directiveDefinition(directive, name: name))
        }
        for type in types {
            let name = try type.string("name")
            let kind = try type.string("kind")
            if name.hasPrefix("__") || (kind == "SCALAR" && Self.builtInScalars.contains(name)) { continue }
            blocks.append(try typeDefinition(type, name: name, kind: kind))
        }
    }

    /// `schema { ... }` only where SDL without it would mean another schema: a
    /// description, or a root type not named after its operation, or a type with an
    /// operation's name that is not its root (spec 3.3.1).
    private mutating func writeSchemaDefinition(_ schema: JSONObject, typeNames: Set<String>) throws {
        let description = try schema.optionalString("description")
        let roots: [(operation: String, defaultName: String, name: String?)] = [
            ("query", "Query", try schema.object("queryType").string("name")),
            ("mutation", "Mutation", try schema.optionalObject("mutationType")?.string("name")),
            ("subscription", "Subscription", try schema.optionalObject("subscriptionType")?.string("name")),
        ]
        let implied = roots.allSatisfy { root in
            root.name == (typeNames.contains(root.defaultName) ? root.defaultName : nil)
        }
        if implied && description == nil { return }
        var text = Self.description(description, indentation: "")
        text += "schema {\n"
        for root in roots {
            if let name = root.name { text += "  \(root.operation): \(name)\n" }
        }
        blocks.append(text + "}")
    }

    private func directiveDefinition(_ directive: JSONObject, name: String) throws -> String {
        var text = Self.description(try directive.optionalString("description"), indentation: "")
        text += "directive @\(name)" + (try Self.arguments(try directive.objects("args")))
        if try directive.boolean("isRepeatable") { text += " repeatable" }
        return text + " on " + (try directive.strings("locations")).joined(separator: " | ")
    }

    private mutating func typeDefinition(_ type: JSONObject, name: String, kind: String) throws -> String {
        var text = Self.description(try type.optionalString("description"), indentation: "")
        switch kind {
        case "SCALAR":
            customScalars.append(name)
            text += "scalar \(name)"
            if let url = try type.optionalString("specifiedByURL") {
                text += " @specifiedBy(url: \(Self.quoted(url)))"
            }
        case "OBJECT", "INTERFACE":
            text += (kind == "OBJECT" ? "type " : "interface ") + name
            let interfaces = try (type.optionalObjects("interfaces") ?? []).map { try Self.typeReference($0) }
            if !interfaces.isEmpty { text += " implements " + interfaces.joined(separator: " & ") }
            text += " {\n"
            for field in try type.objects("fields") {
                text += Self.description(try field.optionalString("description"), indentation: "  ")
                text +=
                    "  " + (try field.string("name"))
                    + (try Self.arguments(try field.objects("args"), indentation: "  "))
                text += ": " + (try Self.typeReference(try field.object("type")))
                text += try Self.deprecation(field) + "\n"
            }
            text += "}"
        case "UNION":
            let members = try type.objects("possibleTypes").map { try Self.typeReference($0) }
            text += "union \(name) = " + members.joined(separator: " | ")
        case "ENUM":
            text += "enum \(name) {\n"
            for value in try type.objects("enumValues") {
                text += Self.description(try value.optionalString("description"), indentation: "  ")
                text += "  " + (try value.string("name")) + (try Self.deprecation(value)) + "\n"
            }
            text += "}"
        case "INPUT_OBJECT":
            text += "input \(name)"
            if try type.optionalBoolean("isOneOf") == true { text += " @oneOf" }
            text += " {\n"
            for field in try type.objects("inputFields") {
                text += try Self.inputValue(field, indentation: "  ") + "\n"
            }
            text += "}"
        default:
            throw IntrospectionShapeError(path: type.path, problem: "\(name) has no named kind: \(kind)")
        }
        return text
    }

    /// `(a: Int = 1, b: String)` on one line, or one argument a line when any has a
    /// description; nothing when there are no arguments.
    private static func arguments(_ arguments: [JSONObject], indentation: String = "") throws -> String {
        if arguments.isEmpty { return "" }
        let described = try arguments.contains { try $0.optionalString("description") != nil }
        if !described {
            return "(" + (try arguments.map { try inputValue($0, indentation: "") }).joined(separator: ", ") + ")"
        }
        let inner = indentation + "  "
        let lines = try arguments.map { try inputValue($0, indentation: inner) }
        return "(\n" + lines.joined(separator: "\n") + "\n" + indentation + ")"
    }

    /// An argument or input field; its default value is GraphQL text already.
    private static func inputValue(_ value: JSONObject, indentation: String) throws -> String {
        var text = description(try value.optionalString("description"), indentation: indentation)
        text += indentation + (try value.string("name")) + ": " + (try typeReference(try value.object("type")))
        if let defaultValue = try value.optionalString("defaultValue") { text += " = " + defaultValue }
        return text + (try deprecation(value))
    }

    private static func deprecation(_ element: JSONObject) throws -> String {
        guard try element.boolean("isDeprecated") else { return "" }
        let reason = try element.optionalString("deprecationReason")
        guard let reason, reason != defaultDeprecationReason else { return " @deprecated" }
        return " @deprecated(reason: \(quoted(reason)))"
    }

    /// `[Name!]`: a `__Type` read through its `ofType`s down to the named type.
    private static func typeReference(_ type: JSONObject) throws -> String {
        switch try type.string("kind") {
        case "NON_NULL": return try typeReference(try type.object("ofType")) + "!"
        case "LIST": return "[" + (try typeReference(try type.object("ofType"))) + "]"
        default: return try type.string("name")
        }
    }

    // MARK: Strings

    /// A description line (or lines) before a definition, or nothing.
    private static func description(_ text: String?, indentation: String) -> String {
        guard let text else { return "" }
        if let block = blockString(text, indentation: indentation) { return indentation + block + "\n" }
        return indentation + quoted(text) + "\n"
    }

    /// `text` as a block string opened and closed on lines of their own, or nil when it
    /// is one line, or when reading the block back would not give `text` (spec 2.9.4,
    /// BlockStringValue): the first and last lines must not be blank, since blank lines
    /// around the text are dropped, and some line must start without whitespace, since
    /// common indentation is removed. A block cannot hold a carriage return or control
    /// characters, which are not source characters there.
    private static func blockString(_ text: String, indentation: String) -> String? {
        guard text.contains("\n") else { return nil }
        let sourceCharacters = text.unicodeScalars.allSatisfy { $0 == "\t" || $0 == "\n" || $0.value >= 0x20 }
        guard sourceCharacters else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }
        guard let first = lines.first, let last = lines.last, !isBlank(first), !isBlank(last) else { return nil }
        let unindented = lines.contains { !isBlank($0) && $0.first != " " && $0.first != "\t" }
        guard unindented else { return nil }
        let body = lines.map { line -> String in
            let escaped = line.replacingOccurrences(of: "\"\"\"", with: "\\\"\"\"")
            return escaped.isEmpty ? "" : indentation + escaped
        }
        return "\"\"\"\n" + body.joined(separator: "\n") + "\n" + indentation + "\"\"\""
    }

    /// `text` as a quoted string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
