/// What every schema has without declaring it: the built-in scalars (spec 3.5), the
/// built-in directives (spec 3.13) and the introspection types (spec 4.2).
///
/// They are written as SDL and built with the user's documents, so one builder, one
/// printer and one introspection serve them all; only the builder knows them as built in.
enum BuiltIns {
    /// `@deprecated`'s reason when none is given.
    static let defaultDeprecationReason = "No longer supported"
    static let directiveNames: Set<String> = ["skip", "include", "deprecated", "specifiedBy", "oneOf"]
    /// The introspection types below, by name: a user's type named with `__` is not one of
    /// them, and is refused as a reserved name.
    static let introspectionTypeNames: Set<String> = [
        "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive",
        "__DirectiveLocation",
    ]

    static let sdl = #"""
        "The `Int` scalar type represents non-fractional signed whole numeric values between -2^31 and 2^31 - 1."
        scalar Int
        "The `Float` scalar type represents signed double-precision finite values as specified by IEEE 754."
        scalar Float
        "The `String` scalar type represents textual data as a sequence of Unicode code points."
        scalar String
        "The `Boolean` scalar type represents `true` or `false`."
        scalar Boolean
        "The `ID` scalar type represents a unique identifier, serialized as a String; it accepts String and Int input."
        scalar ID

        "Directs the executor to include this field or fragment only when the `if` argument is true."
        directive @include("Included when true." if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
        "Directs the executor to skip this field or fragment when the `if` argument is true."
        directive @skip("Skipped when true." if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
        "Marks an element of a GraphQL schema as no longer supported."
        directive @deprecated(
          "How to do without the deprecated element, formatted in Markdown."
          reason: String! = "No longer supported"
        ) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE
        "Gives the URL of a specification of a custom scalar's behaviour."
        directive @specifiedBy("The URL of the specification." url: String!) on SCALAR
        "An input object of which exactly one field must be given, and not null."
        directive @oneOf on INPUT_OBJECT

        "What a GraphQL service tells about itself: its types, directives and root operation types."
        type __Schema {
          description: String
          types: [__Type!]!
          queryType: __Type!
          mutationType: __Type
          subscriptionType: __Type
          directives: [__Directive!]!
        }

        "Any type of the schema, named or wrapping: what `kind` is decides which fields are set."
        type __Type {
          kind: __TypeKind!
          name: String
          description: String
          specifiedByURL: String
          fields(includeDeprecated: Boolean! = false): [__Field!]
          interfaces: [__Type!]
          possibleTypes: [__Type!]
          enumValues(includeDeprecated: Boolean! = false): [__EnumValue!]
          inputFields(includeDeprecated: Boolean! = false): [__InputValue!]
          ofType: __Type
          isOneOf: Boolean
        }

        "The kinds of type that `__Type` describes."
        enum __TypeKind {
          SCALAR
          OBJECT
          INTERFACE
          UNION
          ENUM
          INPUT_OBJECT
          LIST
          NON_NULL
        }

        "A field of an object or interface type."
        type __Field {
          name: String!
          description: String
          args(includeDeprecated: Boolean! = false): [__InputValue!]!
          type: __Type!
          isDeprecated: Boolean!
          deprecationReason: String
        }

        "An argument, or a field of an input object; `defaultValue` is GraphQL text."
        type __InputValue {
          name: String!
          description: String
          type: __Type!
          defaultValue: String
          isDeprecated: Boolean!
          deprecationReason: String
        }

        "One value of an enum type."
        type __EnumValue {
          name: String!
          description: String
          isDeprecated: Boolean!
          deprecationReason: String
        }

        "A directive the service supports, with where it may be used."
        type __Directive {
          name: String!
          description: String
          isRepeatable: Boolean!
          locations: [__DirectiveLocation!]!
          args(includeDeprecated: Boolean! = false): [__InputValue!]!
        }

        "The places in a document where a directive may be used."
        enum __DirectiveLocation {
          QUERY
          MUTATION
          SUBSCRIPTION
          FIELD
          FRAGMENT_DEFINITION
          FRAGMENT_SPREAD
          INLINE_FRAGMENT
          VARIABLE_DEFINITION
          SCHEMA
          SCALAR
          OBJECT
          FIELD_DEFINITION
          ARGUMENT_DEFINITION
          INTERFACE
          UNION
          ENUM
          ENUM_VALUE
          INPUT_OBJECT
          INPUT_FIELD_DEFINITION
        }
        """#

    /// The meta-fields' SDL, read as fields of a placeholder type.
    static let metaFieldsSDL = """
        type __Meta {
          "The name of the object type this value is."
          __typename: String!
          "Access to the schema's introspection."
          __schema: __Schema!
          "The type of the given name, if the schema has one."
          __type(name: String!): __Type
        }
        """
}
