extension Execution {
    /// Result coercion of leaves (spec 3.5 "Result Coercion", 3.9 for enums), written
    /// straight to the response; a value that cannot be one is a field error worded as
    /// graphql-js words it.
    mutating func serialize(_ value: FieldValue, as type: NamedType) throws(GraphQLError) {
        if type.kind == .enumType {
            let name: String
            switch value {
            case .enumValue(let text), .string(let text): name = text
            default:
                throw GraphQLError(message: "Enum \"\(type.name)\" cannot represent value: \(Self.describe(value))")
            }
            guard type.enumValue(named: name) != nil else {
                throw GraphQLError(message: "Enum \"\(type.name)\" cannot represent value: \"\(name)\"")
            }
            writer.string(name)
            return
        }
        guard let scalar = type.builtInScalar else {
            if let serialize = schema.coercion(for: type)?.serialize {
                do {
                    writer.json(try serialize(value))
                } catch {
                    throw GraphQLError(message: error.message)
                }
                return
            }
            // Without a serializer, a custom scalar's value is JSON, however the resolver
            // shaped it.
            switch value {
            case .string(let string): writer.string(string)
            default:
                guard let json = Self.json(of: value) else {
                    throw GraphQLError(message: "\(type.name) cannot represent value: \(Self.describe(value))")
                }
                writer.json(json)
            }
            return
        }
        switch (scalar, value) {
        case (.int, .int(let integer)):
            guard Int(Int32.min)...Int(Int32.max) ~= integer else {
                throw GraphQLError(message: "Int cannot represent non 32-bit signed integer value: \(integer)")
            }
            writer.integer(integer)
        case (.int, .float(let double)):
            guard double.isFinite, double == double.rounded() else {
                throw GraphQLError(message: "Int cannot represent non-integer value: \(InputValue.format(double))")
            }
            guard Double(Int32.min)...Double(Int32.max) ~= double else {
                throw GraphQLError(
                    message: "Int cannot represent non 32-bit signed integer value: \(InputValue.format(double))")
            }
            writer.integer(Int(double))
        case (.int, .boolean(let flag)):
            writer.integer(flag ? 1 : 0)
        case (.int, _):
            throw GraphQLError(message: "Int cannot represent non-integer value: \(Self.describe(value))")
        case (.float, .int(let integer)):
            writer.double(Double(integer))
        case (.float, .float(let double)) where double.isFinite:
            writer.double(double)
        case (.float, .boolean(let flag)):
            writer.double(flag ? 1 : 0)
        case (.float, _):
            throw GraphQLError(message: "Float cannot represent non numeric value: \(Self.describe(value))")
        case (.string, .string(let string)), (.id, .string(let string)):
            writer.string(string)
        case (.string, .int(let integer)), (.id, .int(let integer)):
            writer.string(String(integer))
        case (.string, .float(let double)):
            writer.string(InputValue.format(double))
        case (.string, .boolean(let flag)):
            writer.string(flag ? "true" : "false")
        case (.string, .enumValue(let name)):
            writer.string(name)
        case (.string, _):
            throw GraphQLError(message: "String cannot represent value: \(Self.describe(value))")
        case (.id, _):
            throw GraphQLError(message: "ID cannot represent value: \(Self.describe(value))")
        case (.boolean, .boolean(let flag)):
            writer.boolean(flag)
        case (.boolean, .int(let integer)):
            writer.boolean(integer != 0)
        case (.boolean, _):
            throw GraphQLError(message: "Boolean cannot represent a non boolean value: \(Self.describe(value))")
        }
    }

    /// The JSON a custom scalar's value stands for: leaves as they are, lists item by
    /// item, objects when they are JSON objects (as default resolvers give them).
    static func json(of value: FieldValue) -> InputValue? {
        switch value {
        case .null: return .null
        case .int(let integer): return .int(integer)
        case .float(let double): return .float(double)
        case .string(let string): return .string(string)
        case .boolean(let flag): return .boolean(flag)
        case .enumValue(let name): return .string(name)
        case .scalar(let json): return json
        case .object(let parent, _): return parent as? InputValue
        case .jsonObject(let fields): return .object(fields)
        case .list(let items):
            var values: [InputValue] = []
            for item in items {
                guard let json = json(of: item) else { return nil }
                values.append(json)
            }
            return .list(values)
        }
    }

    /// A value as messages quote it: as JSON where it is JSON, else as an object.
    static func describe(_ value: FieldValue) -> String {
        json(of: value)?.description ?? "{ ... }"
    }
}

extension JSONWriter {
    /// A JSON value, as a custom scalar's result is written; enum values as strings.
    public mutating func json(_ value: InputValue) {
        switch value {
        case .null: raw("null")
        case .int(let integer): self.integer(integer)
        case .float(let double): self.double(double)
        case .string(let string), .enumValue(let string): self.string(string)
        case .boolean(let flag): boolean(flag)
        case .list(let items):
            raw(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { raw(UInt8(ascii: ",")) }
                json(item)
            }
            raw(UInt8(ascii: "]"))
        case .object(let fields):
            raw(UInt8(ascii: "{"))
            // Sorted, so that the same value always reads the same.
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { raw(UInt8(ascii: ",")) }
                string(key)
                raw(UInt8(ascii: ":"))
                json(fields[key] ?? .null)
            }
            raw(UInt8(ascii: "}"))
        }
    }
}
