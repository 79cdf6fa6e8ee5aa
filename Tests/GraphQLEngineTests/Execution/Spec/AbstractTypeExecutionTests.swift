import Testing

@testable import GraphQLEngine

/// Interfaces implementing interfaces (`Media` → `Resource` → `Node`), unions of objects
/// from different branches, and an object (`Tag`) that belongs to one union only.
private let abstractSchema = SpecExecution.schema(
    """
    interface Node { id: ID! }
    interface Resource implements Node { id: ID! url: String }
    interface Media implements Resource & Node { id: ID! url: String duration: Int }
    type Image implements Resource & Node { id: ID! url: String width: Int }
    type Video implements Media & Resource & Node { id: ID! url: String duration: Int codec: String }
    type Song implements Media & Resource & Node { id: ID! url: String duration: Int artist: String }
    type Comment implements Node { id: ID! text: String }
    type Tag { label: String }
    union SearchResult = Image | Video | Comment
    union Anything = Image | Video | Song | Comment | Tag
    type Query {
      node: Node
      nodes: [Node]
      strictNode: Node!
      resource: Resource
      media: [Media!]
      search: [SearchResult]
      anything: [Anything]
      image: Image
      label: String
    }
    """)

private let image: InputValue = ["__typename": "Image", "id": 1, "url": "/i.png", "width": 640]
private let video: InputValue = ["__typename": "Video", "id": 2, "url": "/v.mp4", "duration": 90, "codec": "av1"]
private let song: InputValue = ["__typename": "Song", "id": 3, "url": "/s.ogg", "duration": 200, "artist": "Nina"]
private let comment: InputValue = ["__typename": "Comment", "id": 4, "text": "nice"]
private let tag: InputValue = ["__typename": "Tag", "label": "red"]

private func run(_ document: String, root: InputValue, resolvers: Resolvers = Resolvers()) async throws -> String {
    try await SpecExecution.run(document, on: abstractSchema, root: root, resolvers: resolvers)
}

/// Spec 6.4.3 "Value Completion" for interfaces and unions: ResolveAbstractType names the
/// object type (here, from the value's `__typename`, or the resolver's `typeName`), which
/// must be an object type of the schema that is a possible type of the field's type;
/// CollectFields then follows the fragments that apply to that object type.
@Suite struct AbstractTypeExecutionTests {
    // MARK: Resolving

    /// An interface field completes as the object type the value names.
    @Test func anInterfaceValueIsItsNamedObjectType() async throws {
        let text = try await run(
            "{ node { __typename id ... on Image { width } ... on Comment { text } } }", root: ["node": comment])
        #expect(text == #"{"data":{"node":{"__typename":"Comment","id":"4","text":"nice"}}}"#)
    }

    /// A union list of different members: each item is completed as its own type, and a
    /// null item is null.
    @Test func aUnionListCompletesEachMemberAsItsOwnType() async throws {
        let text = try await run(
            "{ search { __typename ... on Image { width } ... on Video { codec } ... on Comment { text } } }",
            root: ["search": [video, nil, comment, image]])
        #expect(
            text
                == #"{"data":{"search":[{"__typename":"Video","codec":"av1"},null,{"__typename":"Comment","text":"nice"},{"__typename":"Image","width":640}]}}"#
        )
    }

    /// A resolver can give any Swift value as the object, naming its type itself.
    @Test func aResolverNamesTheTypeOfANonJSONValue() async throws {
        struct Clip: Sendable {
            let seconds: Int
        }
        var resolvers = Resolvers()
        resolvers["Query", "node"] = .sync { _ in .object(Clip(seconds: 42), typeName: "Video") }
        resolvers["Video", "id"] = .sync { _ in .string("clip") }
        resolvers["Video", "duration"] = .sync { info in
            guard let clip = info.parent as? Clip else { return .null }
            return .int(clip.seconds)
        }
        let text = try await run(
            "{ node { __typename id ... on Media { duration } } }", root: [:], resolvers: resolvers)
        #expect(text == #"{"data":{"node":{"__typename":"Video","id":"clip","duration":42}}}"#)
    }

    // MARK: Fragments

    /// The same field through a fragment on the interface and on the object is one
    /// entry; a fragment on another object adds nothing.
    @Test func fragmentsOnTheInterfaceAndOnTheObjectMerge() async throws {
        let text = try await run(
            "{ nodes { ... on Node { id } ... on Image { id url } ... on Video { url codec } ...R } }\nfragment R on Resource { url }",
            root: ["nodes": [image, video, comment]])
        #expect(
            text
                == #"{"data":{"nodes":[{"id":"1","url":"/i.png"},{"id":"2","url":"/v.mp4","codec":"av1"},{"id":"4"}]}}"#
        )
    }

    /// A fragment on an interface applies to the objects that implement it directly or
    /// through another interface (Video and Song are Resources because they are Media).
    @Test func interfaceFragmentsApplyThroughInterfacesImplementingInterfaces() async throws {
        let text = try await run(
            "{ nodes { id ... on Resource { url } ... on Media { duration } } }",
            root: ["nodes": [image, video, song, comment]])
        #expect(
            text
                == #"{"data":{"nodes":[{"id":"1","url":"/i.png"},{"id":"2","url":"/v.mp4","duration":90},{"id":"3","url":"/s.ogg","duration":200},{"id":"4"}]}}"#
        )
    }

    /// A field typed with an interface that implements others resolves like any other.
    @Test func aFieldOfAnInterfaceThatImplementsInterfacesResolves() async throws {
        let text = try await run(
            "{ resource { __typename id url ... on Media { duration } ... on Image { width } } media { __typename ... on Node { id } } }",
            root: ["resource": video, "media": [song, video]])
        #expect(
            text
                == #"{"data":{"resource":{"__typename":"Video","id":"2","url":"/v.mp4","duration":90},"media":[{"__typename":"Song","id":"3"},{"__typename":"Video","id":"2"}]}}"#
        )
    }

    /// In a union, fragments on interfaces pick out the members that implement them.
    @Test func interfaceFragmentsInsideAUnion() async throws {
        let text = try await run(
            "{ anything { ... on Node { id } ... on Resource { url } ... on Tag { label } } }",
            root: ["anything": [tag, song, comment]])
        #expect(text == #"{"data":{"anything":[{"label":"red"},{"id":"3","url":"/s.ogg"},{"id":"4"}]}}"#)
    }

    /// A fragment on a union inside an interface field applies to the union's members.
    @Test func unionFragmentsInsideAnInterfaceField() async throws {
        let text = try await run(
            "{ nodes { ... on SearchResult { __typename } ... on Media { duration } } }",
            root: ["nodes": [song, comment]])
        #expect(text == #"{"data":{"nodes":[{"duration":200},{"__typename":"Comment"}]}}"#)
    }

    // MARK: Resolution errors

    /// A type of the schema that does not belong to the field's type: a field error, the
    /// item null, the rest in place.
    @Test func aRuntimeTypeThatIsNotAPossibleTypeIsAFieldError() async throws {
        let text = try await run("{ nodes { __typename } label }", root: ["nodes": [image, tag, song], "label": "x"])
        #expect(
            text
                == #"{"errors":[{"message":"Runtime Object type \"Tag\" is not a possible type for \"Node\".","locations":[{"line":1,"column":3}],"path":["nodes",1],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"nodes":[{"__typename":"Image"},null,{"__typename":"Song"}],"label":"x"}}"#
        )
    }

    /// The same for a union: Song is a schema type, but not a SearchResult.
    @Test func aTypeOutsideTheUnionIsAFieldError() async throws {
        let text = try await run("{ search { __typename } }", root: ["search": [song]])
        #expect(
            text
                == #"{"errors":[{"message":"Runtime Object type \"Song\" is not a possible type for \"SearchResult\".","locations":[{"line":1,"column":3}],"path":["search",0],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"search":[null]}}"#
        )
    }

    /// A name no type of the schema has.
    @Test func aTypeNameNotInTheSchemaIsAFieldError() async throws {
        let text = try await run("{ node { id } }", root: ["node": ["__typename": "Ghost", "id": 1]])
        #expect(
            text
                == #"{"errors":[{"message":"Abstract type \"Node\" was resolved to a type \"Ghost\" that does not exist inside the schema.","locations":[{"line":1,"column":3}],"path":["node"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"node":null}}"#
        )
    }

    /// A name of the schema that is not an object type: the type does exist, so the
    /// message must not say it does not; it says what is wrong with it.
    @Test func anInterfaceNameAsTheRuntimeTypeIsAFieldError() async throws {
        let text = try await run("{ node { id } }", root: ["node": ["__typename": "Media", "id": 1]])
        #expect(
            text
                == #"{"errors":[{"message":"Abstract type \"Node\" was resolved to a non-object type \"Media\".","locations":[{"line":1,"column":3}],"path":["node"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"node":null}}"#
        )
    }

    /// A value that names no type at all.
    @Test func aValueWithoutATypeNameIsAFieldError() async throws {
        let text = try await run("{ search { __typename } }", root: ["search": [["id": 1]]])
        #expect(
            text
                == #"{"errors":[{"message":"Abstract type \"SearchResult\" must resolve to an Object type at runtime for field \"Query.search\"; the resolver gave no type name.","locations":[{"line":1,"column":3}],"path":["search",0],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"search":[null]}}"#
        )
    }

    /// A failed resolution on a non-null abstract field propagates like any null.
    @Test func aFailedResolutionOnANonNullFieldPropagates() async throws {
        let text = try await run("{ label strictNode { id } }", root: ["label": "x", "strictNode": tag])
        #expect(
            text
                == #"{"errors":[{"message":"Runtime Object type \"Tag\" is not a possible type for \"Node\".","locations":[{"line":1,"column":9}],"path":["strictNode"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}"#
        )
    }

    /// A leaf where an object is expected.
    @Test func aLeafValueForAnAbstractFieldIsAFieldError() async throws {
        let text = try await run("{ node { id } }", root: ["node": "Image:1"])
        #expect(
            text
                == #"{"errors":[{"message":"Expected a value of type \"Node\" for field \"Query.node\", but got a leaf value.","locations":[{"line":1,"column":3}],"path":["node"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"node":null}}"#
        )
    }

    /// A field of an object type completes as that type: a `__typename` in the value
    /// plays no part, even one naming another type.
    @Test func aConcreteFieldIgnoresTheTypeNameInItsValue() async throws {
        let text = try await run("{ image { __typename id width } }", root: ["image": video.merging(["width": 1])])
        #expect(text == #"{"data":{"image":{"__typename":"Image","id":"2","width":1}}}"#)
    }
}

extension InputValue {
    /// This object with `other`'s keys added or replaced.
    fileprivate func merging(_ other: InputValue) -> InputValue {
        guard case .object(let fields) = self, case .object(let more) = other else { return self }
        return .object(fields.merging(more) { _, new in new })
    }
}
