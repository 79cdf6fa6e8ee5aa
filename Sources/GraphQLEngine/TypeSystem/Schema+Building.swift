extension Schema {
    /// Builds a schema from SDL documents, and validates it (spec 3).
    ///
    /// Throws every error found, each with its file, line and column: syntax, the SDL
    /// rules (unique names, known types and directives, possible extensions) and the
    /// type system's rules. `scalars` gives custom scalars their input coercion.
    public convenience init(sdl sources: [Source], scalars: [String: ScalarCoercion] = [:]) throws(SchemaBuildError) {
        var builder = SchemaBuilder(sources: sources, scalars: scalars)
        // The SDL rules first: past an unknown type or a duplicate, the type system's rules
        // would report guesses (as graphql-js, every error of one stage is reported).
        guard let parts = builder.build(), builder.errors.isEmpty else {
            throw SchemaBuildError(errors: builder.sortedErrors())
        }
        self.init(
            description: parts.description, types: parts.types, directives: parts.directives,
            appliedDirectives: parts.appliedDirectives, queryType: parts.roots[.query],
            mutationType: parts.roots[.mutation], subscriptionType: parts.roots[.subscription],
            scalarCoercions: parts.scalarCoercions, metaFields: parts.metaFields
        )
        var validator = SchemaValidator(schema: self, places: builder.places)
        validator.validate(defaultValues: builder.pendingValues)
        builder.errors += validator.errors
        guard builder.errors.isEmpty else { throw SchemaBuildError(errors: builder.sortedErrors()) }
    }

    /// Builds a schema from one SDL text.
    public convenience init(
        sdl: String, name: String = "schema.graphql", scalars: [String: ScalarCoercion] = [:]
    ) throws(SchemaBuildError) {
        try self.init(sdl: [Source(sdl, name: name)], scalars: scalars)
    }
}

/// Where a schema element was written: a span in one of the builder's sources.
struct SchemaPlace: Hashable, Sendable {
    let source: Int
    let span: SourceSpan
}

/// Places of schema elements by schema coordinate (`User`, `User.name`, `User.friends(first:)`,
/// `@auth`, `@auth(role:)`), so that type-system errors found on the built schema can
/// point at the SDL. Two more kinds of key name the places of a name in a list:
/// `User&Node` for `Node` after `implements` on `User`, `SearchResult|User` for the
/// member `User` of a union; and `rootKey` names the root type given in `schema {}`.
struct SchemaPlaces: Sendable {
    var names: [String: [SchemaPlace]] = [:]
    var types: [String: SchemaPlace] = [:]
    var sources: [Source] = []

    /// `{schema}.query`: braces are not in any name, so no type's field can clash with it.
    static func rootKey(_ operation: OperationType) -> String { "{schema}.\(operation.rawValue)" }

    func name(_ coordinate: String) -> [SchemaPlace] { names[coordinate] ?? [] }
    func type(_ coordinate: String) -> [SchemaPlace] { types[coordinate].map { [$0] } ?? [] }
}

/// An error as found, with the place it is sorted by: rules find errors type by type,
/// people read them file by file, top to bottom.
struct ReportedSchemaError {
    let error: SchemaError
    let place: SchemaPlace?

    /// Errors without a place (the schema as a whole) first, then by source and offset;
    /// `index`, the order found, breaks ties.
    static func sorted(_ errors: [ReportedSchemaError]) -> [SchemaError] {
        errors.enumerated().sorted { lhs, rhs in
            lhs.element.key(lhs.offset) < rhs.element.key(rhs.offset)
        }.map(\.element.error)
    }

    private func key(_ index: Int) -> (Int, Int, UInt32, Int) {
        guard let place else { return (0, 0, 0, index) }
        return (1, place.source, place.span.start, index)
    }
}

/// A literal that can only be checked once the schema is built: an SDL default value or a
/// directive argument, with the error to report if it does not fit its type.
struct PendingValue {
    let value: SyntaxTree.Value
    let type: TypeRef
    let place: SchemaPlace
    let diagnostic: @Sendable (String) -> SchemaDiagnostic
}
