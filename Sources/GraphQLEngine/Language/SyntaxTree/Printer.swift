/// Prints any document in one canonical form: two-space indentation, one selection per
/// line, definitions separated by a blank line, descriptions kept (as block strings where
/// they were written so). Reading the output back gives the same document.
public enum Printer {
    public static func print(_ document: Document) -> String {
        SyntaxTree.Writer.print(document.tree)
    }

    public static func print(_ document: SyntaxTree.Document) -> String {
        SyntaxTree.Writer.print(document)
    }

    public static func print(_ value: SyntaxTree.Value) -> String {
        SyntaxTree.Writer.print(value)
    }

    public static func print(_ type: SyntaxTree.TypeReference) -> String {
        SyntaxTree.Writer.print(type)
    }

    /// A string as a quoted GraphQL StringValue, as error messages quote values.
    public static func quoted(_ string: String) -> String {
        var printer = SyntaxTree.Writer.empty
        printer.writeQuoted(string)
        return printer.output
    }
}

extension SyntaxTree {
    /// Writes the canonical text of tree nodes (see `Printer`).
    struct Writer {
        var output = ""
        var indentation = ""

        private init() {}

        static var empty: Writer { Writer() }

        static func print(_ document: Document) -> String {
            var printer = Writer()
            for (index, definition) in document.definitions.enumerated() {
                if index > 0 { printer.output += "\n\n" }
                // After a type system definition, a shorthand `{` would read as that
                // definition's body (`type T` then `{ a }`), so spell out `query` there.
                if case .operation(let operation) = definition, operation.isShorthand, index > 0,
                    !document.definitions[index - 1].isExecutable
                {
                    printer.output += "query "
                    printer.write(operation.selectionSet)
                } else {
                    printer.write(definition)
                }
            }
            return printer.output
        }

        static func print(_ value: Value) -> String {
            var printer = Writer()
            printer.write(value)
            return printer.output
        }

        static func print(_ type: TypeReference) -> String {
            var printer = Writer()
            printer.write(type)
            return printer.output
        }

        mutating func write(_ text: String) { output += text }

        /// A line break at the current indentation.
        mutating func newline() { output += "\n" + indentation }

        /// `open` (`{` unless said), each item on its own indented line, `close`.
        mutating func block<Items: Collection>(
            _ items: Items, open: String = "{", close: String = "}", _ writeItem: (inout Writer, Items.Element) -> Void
        ) {
            output += open
            indentation += "  "
            for item in items {
                newline()
                writeItem(&self, item)
            }
            indentation.removeLast(2)
            newline()
            output += close
        }

        /// `open` items separated by `", "` `close`, or nothing when there are no items.
        mutating func list<Items: Collection>(
            _ open: String, _ items: Items, _ close: String, _ writeItem: (inout Writer, Items.Element) -> Void
        ) {
            guard !items.isEmpty else { return }
            output += open
            for (index, item) in items.enumerated() {
                if index > 0 { output += ", " }
                writeItem(&self, item)
            }
            output += close
        }

        private mutating func write(_ definition: Definition) {
            switch definition {
            case .operation(let node): write(node)
            case .fragment(let node): write(node)
            case .schema(let node): write(node, extending: false)
            case .type(let node): write(node, extending: false)
            case .directive(let node): write(node)
            case .schemaExtension(let node): write(node, extending: true)
            case .typeExtension(let node): write(node, extending: true)
            }
        }

        private mutating func write(_ node: OperationDefinition) {
            if node.isShorthand {
                write(node.selectionSet)
                return
            }
            writeDescription(node.description)
            output += node.operation.rawValue
            if let name = node.name { output += " " + name.value }
            if !node.variableDefinitions.isEmpty && node.name == nil { output += " " }
            list("(", node.variableDefinitions, ")") { $0.write($1) }
            writeDirectives(node.directives)
            output += " "
            write(node.selectionSet)
        }

        private mutating func write(_ node: VariableDefinition) {
            if let description = node.description {
                writeString(description)
                output += " "
            }
            output += "$" + node.variable.name.value + ": "
            write(node.type)
            if let defaultValue = node.defaultValue {
                output += " = "
                write(defaultValue)
            }
            writeDirectives(node.directives)
        }

        private mutating func write(_ node: SelectionSet) {
            block(node.selections) { $0.write($1) }
        }

        private mutating func write(_ selection: Selection) {
            switch selection {
            case .field(let field):
                if let alias = field.alias { output += alias.value + ": " }
                output += field.name.value
                writeArguments(field.arguments)
                writeDirectives(field.directives)
                if let selectionSet = field.selectionSet {
                    output += " "
                    write(selectionSet)
                }
            case .fragmentSpread(let spread):
                output += "..." + spread.name.value
                writeDirectives(spread.directives)
            case .inlineFragment(let fragment):
                output += "..."
                if let typeCondition = fragment.typeCondition { output += " on " + typeCondition.value }
                writeDirectives(fragment.directives)
                output += " "
                write(fragment.selectionSet)
            }
        }

        private mutating func write(_ node: FragmentDefinition) {
            writeDescription(node.description)
            output += "fragment " + node.name.value + " on " + node.typeCondition.value
            writeDirectives(node.directives)
            output += " "
            write(node.selectionSet)
        }

        mutating func writeArguments(_ arguments: [Argument]) {
            list("(", arguments, ")") { printer, argument in
                printer.output += argument.name.value + ": "
                printer.write(argument.value)
            }
        }

        /// Directives, each preceded by a space.
        mutating func writeDirectives(_ directives: [Directive]) {
            for directive in directives {
                output += " @" + directive.name.value
                writeArguments(directive.arguments)
            }
        }

        mutating func write(_ type: TypeReference) {
            switch type {
            case .named(let name): output += name.value
            case .list(let inner, _):
                output += "["
                write(inner)
                output += "]"
            case .nonNull(let inner, _):
                write(inner)
                output += "!"
            }
        }

        mutating func write(_ value: Value) {
            switch value {
            case .variable(let variable): output += "$" + variable.name.value
            case .int(let text, _), .float(let text, _), .enumValue(let text, _): output += text
            case .string(let string): writeString(string)
            case .boolean(let flag, _): output += flag ? "true" : "false"
            case .null: output += "null"
            case .list(let values, _):
                output += "["
                for (index, element) in values.enumerated() {
                    if index > 0 { output += ", " }
                    write(element)
                }
                output += "]"
            case .object(let fields, _):
                output += "{"
                for (index, field) in fields.enumerated() {
                    if index > 0 { output += ", " }
                    output += field.name.value + ": "
                    write(field.value)
                }
                output += "}"
            }
        }

        /// A description on the line above what it describes.
        mutating func writeDescription(_ description: StringValue?) {
            guard let description else { return }
            writeString(description)
            newline()
        }

        /// A block string when the value was one and can be one, else a quoted string.
        mutating func writeString(_ string: StringValue) {
            if string.isBlock, let block = BlockString.print(string.value, indentation: indentation) {
                output += block
            } else {
                writeQuoted(string.value)
            }
        }

        /// `"..."` with the escapes of spec 2.9.4; control characters as `\uXXXX`.
        mutating func writeQuoted(_ value: String) {
            output += "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case "\u{08}": output += "\\b"
                case "\u{0C}": output += "\\f"
                case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}":
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: output.unicodeScalars.append(scalar)
                }
            }
            output += "\""
        }
    }
}
