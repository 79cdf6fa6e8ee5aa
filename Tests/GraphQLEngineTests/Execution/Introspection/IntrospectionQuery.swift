/// The introspection query a client sends to learn the whole schema (spec 4.2), with
/// every option a current client may turn on: descriptions, `specifiedByURL`,
/// `isRepeatable` on directives, the schema's description, deprecated arguments and
/// input fields, and `isOneOf`. Deprecated elements are asked for everywhere, since a
/// client rebuilding the schema must see them too.
///
/// `TypeRef` follows `ofType` nine times: ten levels of wrapping and naming, enough for
/// a type four lists deep with every level non-null (`[[[[String!]!]!]!]!`).
let fullIntrospectionQuery = """
    query IntrospectionQuery {
      __schema {
        queryType { name kind }
        mutationType { name kind }
        subscriptionType { name kind }
        types { ...FullType }
        directives {
          name
          description
          isRepeatable
          locations
          args(includeDeprecated: true) { ...InputValue }
        }
        description
      }
    }

    """ + introspectionFragments

/// The fragments of the full introspection query, also usable under `__type(name:)`.
let introspectionFragments = fullTypeFragment + inputValueFragment + typeRefFragment

/// Everything about a named type, deprecated elements included.
let fullTypeFragment = """
    fragment FullType on __Type {
      kind
      name
      description
      specifiedByURL
      isOneOf
      fields(includeDeprecated: true) {
        name
        description
        args(includeDeprecated: true) { ...InputValue }
        type { ...TypeRef }
        isDeprecated
        deprecationReason
      }
      inputFields(includeDeprecated: true) { ...InputValue }
      interfaces { ...TypeRef }
      enumValues(includeDeprecated: true) {
        name
        description
        isDeprecated
        deprecationReason
      }
      possibleTypes { ...TypeRef }
    }

    """

/// An argument or input field, with its default value as GraphQL text.
let inputValueFragment = """
    fragment InputValue on __InputValue {
      name
      description
      type { ...TypeRef }
      defaultValue
      isDeprecated
      deprecationReason
    }

    """

/// A type reference: wrapping kinds down to the named type, ten levels deep.
let typeRefFragment = """
    fragment TypeRef on __Type {
      kind
      name
      ofType {
        kind
        name
        ofType {
          kind
          name
          ofType {
            kind
            name
            ofType {
              kind
              name
              ofType {
                kind
                name
                ofType {
                  kind
                  name
                  ofType {
                    kind
                    name
                    ofType {
                      kind
                      name
                      ofType {
                        kind
                        name
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }

    """
