/// A parsed document, stored flat.
///
/// Every node is a small plain value (byte spans, indices, flags: nothing to retain or
/// release), and the children of a node are a `NodeList`: a run of siblings stored side by
/// side in one of the document's arrays. A whole document is a dozen arrays, however many
/// nodes it has, so parsing allocates little and dropping a document is a few frees.
/// Names are spans of the source, read with `text(_:)` or compared with `name(_:is:)`.
///
/// `tree` gives the same document as nested values (`SyntaxTree`), for tools and tests.
public struct Document: Sendable {
    public let source: Source
    /// Document : Definition+
    public let definitions: NodeList<Definition>
    public let span: SourceSpan
    let storage: Storage

    init(source: Source, definitions: NodeList<Definition>, span: SourceSpan, storage: Storage) {
        self.source = source
        self.definitions = definitions
        self.span = span
        self.storage = storage
    }

    /// One array per kind of node; a `NodeList` indexes into the array of its kind.
    struct Storage: Sendable {
        var definitions: [Definition] = []
        var selections: [Selection] = []
        var arguments: [Argument] = []
        var directives: [Directive] = []
        var variableDefinitions: [VariableDefinition] = []
        var values: [Value] = []
        var objectFields: [ObjectField] = []
        var types: [TypeReference] = []
        var names: [Name] = []
        var fieldDefinitions: [FieldDefinition] = []
        var inputValueDefinitions: [InputValueDefinition] = []
        var enumValueDefinitions: [EnumValueDefinition] = []
        var rootOperationTypes: [RootOperationTypeDefinition] = []
        /// Decoded values of string literals; most strings have no escapes, but decoding
        /// once at parse time keeps reading them simple.
        var strings: [String] = []

        /// Room for the nodes a typical operation document of this size has (a
        /// selection every 16 bytes or so), a little over, so the arrays rarely grow:
        /// each growth of a large array copies it into freshly mapped memory.
        mutating func reserveCapacity(forSourceOfSize size: Int) {
            selections.reserveCapacity(size / 12)
            values.reserveCapacity(size / 48)
            arguments.reserveCapacity(size / 96)
            definitions.reserveCapacity(size / 128)
        }
    }
}

/// A run of sibling nodes of one kind, stored side by side in their document.
public struct NodeList<Node>: Hashable, Sendable {
    public var start: UInt32
    public var count: UInt32

    public init(start: UInt32, count: UInt32) {
        self.start = start
        self.count = count
    }

    public static var empty: NodeList { NodeList(start: 0, count: 0) }
    public var isEmpty: Bool { count == 0 }
    var range: Range<Int> { Int(start)..<Int(start + count) }
}

/// One node stored in its document, referred to by position.
public struct NodeID<Node>: Hashable, Sendable {
    public var index: UInt32
}

/// Name :: NameStart NameContinue* — where it is in the source.
public struct Name: Hashable, Sendable {
    public var span: SourceSpan
}

/// A StringValue (quoted or block), also the form of every description.
public struct StringLiteral: Hashable, Sendable {
    /// Index of the decoded value among the document's strings.
    var index: UInt32
    /// Written as `"""..."""` in the source.
    public var isBlock: Bool
    public var span: SourceSpan
}

// MARK: - Reading nodes

extension Document {
    public subscript(list: NodeList<Definition>) -> ArraySlice<Definition> { storage.definitions[list.range] }
    public subscript(list: NodeList<Selection>) -> ArraySlice<Selection> { storage.selections[list.range] }
    public subscript(list: NodeList<Argument>) -> ArraySlice<Argument> { storage.arguments[list.range] }
    public subscript(list: NodeList<Directive>) -> ArraySlice<Directive> { storage.directives[list.range] }
    public subscript(list: NodeList<VariableDefinition>) -> ArraySlice<VariableDefinition> {
        storage.variableDefinitions[list.range]
    }
    public subscript(list: NodeList<Value>) -> ArraySlice<Value> { storage.values[list.range] }
    public subscript(list: NodeList<ObjectField>) -> ArraySlice<ObjectField> { storage.objectFields[list.range] }
    public subscript(list: NodeList<Name>) -> ArraySlice<Name> { storage.names[list.range] }
    public subscript(list: NodeList<FieldDefinition>) -> ArraySlice<FieldDefinition> {
        storage.fieldDefinitions[list.range]
    }
    public subscript(list: NodeList<InputValueDefinition>) -> ArraySlice<InputValueDefinition> {
        storage.inputValueDefinitions[list.range]
    }
    public subscript(list: NodeList<EnumValueDefinition>) -> ArraySlice<EnumValueDefinition> {
        storage.enumValueDefinitions[list.range]
    }
    public subscript(list: NodeList<RootOperationTypeDefinition>) -> ArraySlice<RootOperationTypeDefinition> {
        storage.rootOperationTypes[list.range]
    }
    public subscript(id: NodeID<TypeReference>) -> TypeReference { storage.types[Int(id.index)] }
    public subscript(id: NodeID<Value>) -> Value { storage.values[Int(id.index)] }

    /// The text of a name.
    public func text(_ name: Name) -> String { source.text(name.span) }

    /// Calls `body` with the bytes of a name, without making a string of them.
    func withBytes<Result>(of name: Name, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        source.bytes.withUnsafeBufferPointer { bytes in
            body(UnsafeBufferPointer(rebasing: bytes[Int(name.span.start)..<Int(name.span.end)]))
        }
    }

    /// The source text of a span, such as an Int or Float literal.
    public func text(_ span: SourceSpan) -> String { source.text(span) }

    /// Whether a name reads `text`, compared byte for byte without making a string.
    public func name(_ name: Name, is text: String) -> Bool {
        let length = Int(name.span.end - name.span.start)
        guard text.utf8.count == length else { return false }
        var index = Int(name.span.start)
        for byte in text.utf8 {
            guard source.bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    /// The decoded value of a string literal.
    public func value(_ literal: StringLiteral) -> String { storage.strings[Int(literal.index)] }
}
