extension SyntaxTree.Writer {
    mutating func write(_ node: SyntaxTree.SchemaDefinition, extending: Bool) {
        if !extending { writeDescription(node.description) }
        write(extending ? "extend schema" : "schema")
        writeDirectives(node.directives)
        guard !node.operationTypes.isEmpty else { return }
        write(" ")
        block(node.operationTypes) { printer, operationType in
            printer.write(operationType.operation.rawValue + ": " + operationType.type.value)
        }
    }

    mutating func write(_ node: SyntaxTree.TypeDefinition, extending: Bool) {
        let prefix = extending ? "extend " : ""
        switch node {
        case .scalar(let scalar):
            if !extending { writeDescription(scalar.description) }
            write(prefix + "scalar " + scalar.name.value)
            writeDirectives(scalar.directives)
        case .object(let object):
            if !extending { writeDescription(object.description) }
            write(prefix + "type " + object.name.value)
            writeInterfaces(object.interfaces)
            writeDirectives(object.directives)
            writeFields(object.fields)
        case .interface(let interface):
            if !extending { writeDescription(interface.description) }
            write(prefix + "interface " + interface.name.value)
            writeInterfaces(interface.interfaces)
            writeDirectives(interface.directives)
            writeFields(interface.fields)
        case .union(let union):
            if !extending { writeDescription(union.description) }
            write(prefix + "union " + union.name.value)
            writeDirectives(union.directives)
            if !union.types.isEmpty {
                write(" = " + union.types.map(\.value).joined(separator: " | "))
            }
        case .enumType(let enumType):
            if !extending { writeDescription(enumType.description) }
            write(prefix + "enum " + enumType.name.value)
            writeDirectives(enumType.directives)
            guard !enumType.values.isEmpty else { return }
            write(" ")
            block(enumType.values) { printer, value in
                printer.writeDescription(value.description)
                printer.write(value.name.value)
                printer.writeDirectives(value.directives)
            }
        case .inputObject(let input):
            if !extending { writeDescription(input.description) }
            write(prefix + "input " + input.name.value)
            writeDirectives(input.directives)
            guard !input.fields.isEmpty else { return }
            write(" ")
            block(input.fields) { $0.write($1) }
        }
    }

    mutating func write(_ node: SyntaxTree.DirectiveDefinition) {
        writeDescription(node.description)
        write("directive @" + node.name.value)
        writeArgumentDefinitions(node.arguments)
        if node.isRepeatable { write(" repeatable") }
        write(" on " + node.locations.map(\.value).joined(separator: " | "))
    }

    private mutating func writeInterfaces(_ interfaces: [SyntaxTree.Name]) {
        guard !interfaces.isEmpty else { return }
        write(" implements " + interfaces.map(\.value).joined(separator: " & "))
    }

    private mutating func writeFields(_ fields: [SyntaxTree.FieldDefinition]) {
        guard !fields.isEmpty else { return }
        write(" ")
        block(fields) { printer, field in
            printer.writeDescription(field.description)
            printer.write(field.name.value)
            printer.writeArgumentDefinitions(field.arguments)
            printer.write(": ")
            printer.write(field.type)
            printer.writeDirectives(field.directives)
        }
    }

    /// `(a: Int, b: String)` on one line, or one per line when any has a description.
    private mutating func writeArgumentDefinitions(_ arguments: [SyntaxTree.InputValueDefinition]) {
        guard !arguments.isEmpty else { return }
        if arguments.allSatisfy({ $0.description == nil }) {
            list("(", arguments, ")") { $0.write($1) }
            return
        }
        block(arguments, open: "(", close: ")") { $0.write($1) }
    }

    mutating func write(_ node: SyntaxTree.InputValueDefinition) {
        writeDescription(node.description)
        write(node.name.value + ": ")
        write(node.type)
        if let defaultValue = node.defaultValue {
            write(" = ")
            write(defaultValue)
        }
        writeDirectives(node.directives)
    }
}
