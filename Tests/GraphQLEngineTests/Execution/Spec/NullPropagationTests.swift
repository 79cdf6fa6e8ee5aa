import Testing

@testable import GraphQLEngine

/// Items with a non-null `id`, and a holder whose fields wrap items in every combination
/// of list and non-null, so that one bad item shows where its null stops.
private let nullSchema = SpecExecution.schema(
    """
    type Item {
      id: Int!
      name: String
      child: Item
      strictChild: Item!
      fails: String
      strictFails: String!
      code: String
      slow: String
      strictSlow: String!
    }
    type Holder {
      list: [Item]
      listOfStrict: [Item!]
      strictList: [Item]!
      strictListOfStrict: [Item!]!
      grid: [[Int!]]!
      strictGrid: [[Int!]!]
      ints: [Int]
      strictInts: [Int!]
      label: String
    }
    type Query {
      holder: Holder
      strictHolder: Holder!
      item: Item
      strictItem: Item!
      items: [Item]
      fails: String
      label: String
    }
    """)

/// Why a resolver failed, told the Swift way: not a GraphQLError.
private struct Unavailable: Error, CustomStringConvertible {
    let what: String
    var description: String { "\(what) is unavailable" }
}

private let failing: Resolvers = {
    var resolvers = Resolvers()
    let fail = Resolver.sync { info in throw Unavailable(what: "\(info.parentType.name).\(info.field.name)") }
    resolvers["Item", "fails"] = fail
    resolvers["Item", "strictFails"] = fail
    resolvers["Query", "fails"] = fail
    resolvers["Item", "code"] = .sync { _ in
        throw GraphQLError(message: "Not yours.", code: "FORBIDDEN")
    }
    resolvers["Item", "slow"] = .async { info in
        await Task.yield()
        guard let parent = info.parent as? InputValue, case .object(let fields) = parent,
            case .int(let id)? = fields["id"]
        else { return .null }
        if id == 2 { throw GraphQLError(message: "Slow item \(id) timed out.", code: "TIMEOUT") }
        return .string("slow \(id)")
    }
    resolvers["Item", "strictSlow"] = .async { _ in
        await Task.yield()
        return .null
    }
    return resolvers
}()

private func run(_ document: String, root: InputValue) async throws -> String {
    try await SpecExecution.run(document, on: nullSchema, root: root, resolvers: failing)
}

/// Three items, the middle one without its non-null `id`.
private let oneBad: InputValue = [["id": 1], ["name": "no id"], ["id": 3]]

/// The error for item 1's missing `id` under `holder.<field>`, at column `column`.
private func missingID(_ field: String, column: Int) -> String {
    #"{"message":"Cannot return null for non-nullable field Item.id.","locations":[{"line":1,"column":\#(column)}],"path":["holder",""#
        + field + #"",1,"id"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}"#
}

/// Spec 6.4.4 "Handling Execution Errors" and 7.1 "Errors": a field error makes its
/// field null; on a non-null position the null goes up to the nearest nullable one; each
/// error is reported once, with the path down to the field (list indices included) and
/// the field's locations, and the fields beside it resolve as usual.
@Suite struct NullPropagationTests {
    // MARK: Wrapping types

    /// `[T]`: the bad item alone is null.
    @Test func aNullItemInANullableListStaysInTheList() async throws {
        let text = try await run("{ holder { list { id } label } }", root: ["holder": ["list": oneBad, "label": "x"]])
        #expect(
            text == #"{"errors":["# + missingID("list", column: 19)
                + #"],"data":{"holder":{"list":[{"id":1},null,{"id":3}],"label":"x"}}}"#)
    }

    /// `[T!]`: a null item nulls the list.
    @Test func aNullInANonNullListItemNullsTheWholeList() async throws {
        let text = try await run(
            "{ holder { listOfStrict { id } label } }", root: ["holder": ["listOfStrict": oneBad, "label": "x"]])
        #expect(
            text == #"{"errors":["# + missingID("listOfStrict", column: 27)
                + #"],"data":{"holder":{"listOfStrict":null,"label":"x"}}}"#)
    }

    /// `[T]!`: the item is null, the list stays.
    @Test func aNullItemInANonNullListOfNullablesStaysInTheList() async throws {
        let text = try await run("{ holder { strictList { id } } }", root: ["holder": ["strictList": oneBad]])
        #expect(
            text == #"{"errors":["# + missingID("strictList", column: 25)
                + #"],"data":{"holder":{"strictList":[{"id":1},null,{"id":3}]}}}"#)
    }

    /// `[T!]!`: the item nulls the list, which nulls the holder.
    @Test func aNullItemInANonNullListOfNonNullsNullsTheParent() async throws {
        let text = try await run(
            "{ holder { label strictListOfStrict { id } } label }",
            root: ["holder": ["strictListOfStrict": oneBad, "label": "x"], "label": "root"])
        #expect(
            text == #"{"errors":["# + missingID("strictListOfStrict", column: 39)
                + #"],"data":{"holder":null,"label":"root"}}"#)
    }

    /// A null list in a non-null list position is itself the error.
    @Test func aNullNonNullListIsAnErrorOnTheListField() async throws {
        let text = try await run("{ holder { strictList { id } } }", root: ["holder": ["strictList": nil]])
        #expect(
            text
                == #"{"errors":[{"message":"Cannot return null for non-nullable field Holder.strictList.","locations":[{"line":1,"column":12}],"path":["holder","strictList"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"holder":null}}"#
        )
    }

    /// Leaves in lists follow the same rules: a null in `[Int]` is fine, in `[Int!]` an
    /// error that nulls the list; a leaf that fails to serialize is an error at its index.
    @Test func leafListsNullTheirItemsOrThemselves() async throws {
        let text = try await run(
            "{ holder { ints strictInts } }", root: ["holder": ["ints": [1, nil, "x", 4], "strictInts": [1, nil]]])
        #expect(
            text
                == #"{"errors":[{"message":"Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":12}],"path":["holder","ints",2],"extensions":{"code":"INTERNAL_SERVER_ERROR"}},{"message":"Cannot return null for non-nullable field Holder.strictInts.","locations":[{"line":1,"column":17}],"path":["holder","strictInts",1],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"holder":{"ints":[1,null,null,4],"strictInts":null}}}"#
        )
    }

    /// `[[Int!]]!`: a null number nulls its inner list only, with the path through both
    /// indices.
    @Test func aNullInANestedListNullsOnlyTheInnerList() async throws {
        let text = try await run("{ holder { grid } }", root: ["holder": ["grid": [[1, 2], [3, nil], [], nil]]])
        #expect(
            text
                == #"{"errors":[{"message":"Cannot return null for non-nullable field Holder.grid.","locations":[{"line":1,"column":12}],"path":["holder","grid",1,1],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"holder":{"grid":[[1,2],null,[],null]}}}"#
        )
    }

    /// `[[Int!]!]`: the inner list cannot be null either, so the outer one is.
    @Test func aNullInANestedNonNullListNullsTheOuterList() async throws {
        let text = try await run(
            "{ holder { strictGrid label } }", root: ["holder": ["strictGrid": [[1], [nil]], "label": "x"]])
        #expect(
            text
                == #"{"errors":[{"message":"Cannot return null for non-nullable field Holder.strictGrid.","locations":[{"line":1,"column":12}],"path":["holder","strictGrid",1,0],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"holder":{"strictGrid":null,"label":"x"}}}"#
        )
    }

    /// A value that is not a list for a list field is a field error.
    @Test func aNonListValueForAListFieldIsAFieldError() async throws {
        let text = try await run(
            "{ holder { list { id } label } }", root: ["holder": ["list": ["id": 1], "label": "x"]])
        #expect(
            text
                == #"{"errors":[{"message":"Expected Iterable, but did not find one for field \"Holder.list\".","locations":[{"line":1,"column":12}],"path":["holder","list"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"holder":{"list":null,"label":"x"}}}"#
        )
    }

    // MARK: Depth

    /// A failure at the end of a chain of non-null objects nulls the first nullable
    /// object above it; what was already written under it is taken back.
    @Test func aNullDeepInNonNullObjectsNullsTheNearestNullableAncestor() async throws {
        let root: InputValue = [
            "item": ["id": 1, "name": "top", "strictChild": ["id": 2, "strictChild": ["id": 3, "name": nil]]],
            "label": "after",
        ]
        let text = try await run(
            "{ item { name strictChild { id strictChild { id strictFails } } } label }", root: root)
        #expect(
            text
                == #"{"errors":[{"message":"Item.strictFails is unavailable","locations":[{"line":1,"column":49}],"path":["item","strictChild","strictChild","strictFails"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"item":null,"label":"after"}}"#
        )
    }

    /// A nullable object in the middle of the chain stops the null there.
    @Test func aNullableObjectInTheChainStopsTheNull() async throws {
        let root: InputValue = [
            "item": ["id": 1, "strictChild": ["id": 2, "child": ["id": 3, "strictChild": ["name": "no id"]]]]
        ]
        let text = try await run("{ item { id strictChild { id child { id strictChild { id } } } } }", root: root)
        #expect(
            text
                == #"{"errors":[{"message":"Cannot return null for non-nullable field Item.id.","locations":[{"line":1,"column":55}],"path":["item","strictChild","child","strictChild","id"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"item":{"id":1,"strictChild":{"id":2,"child":null}}}}"#
        )
    }

    /// Spec 6.4.4: when every field from the root down to the error is non-null, `data`
    /// is null.
    @Test func aNullReachingANonNullRootFieldMakesDataNull() async throws {
        let text = try await run(
            "{ label strictItem { strictChild { id } } }",
            root: ["label": "x", "strictItem": ["id": 1, "strictChild": nil]])
        #expect(
            text
                == #"{"errors":[{"message":"Cannot return null for non-nullable field Item.strictChild.","locations":[{"line":1,"column":22}],"path":["strictItem","strictChild"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}"#
        )
    }

    /// Errors raised before the root null stay reported; `data` is still null.
    @Test func errorsBeforeARootNullAreKept() async throws {
        let text = try await run(
            "{ fails strictHolder { strictList { id } } }", root: ["strictHolder": ["strictList": nil]])
        #expect(
            text
                == #"{"errors":[{"message":"Query.fails is unavailable","locations":[{"line":1,"column":3}],"path":["fails"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}},{"message":"Cannot return null for non-nullable field Holder.strictList.","locations":[{"line":1,"column":24}],"path":["strictHolder","strictList"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}"#
        )
    }

    // MARK: Counting errors

    /// Two bad items in a list of nullables: two errors, each with its index.
    @Test func twoBadItemsInANullableListAreTwoErrors() async throws {
        let text = try await run(
            "{ items { id name } }", root: ["items": [["name": "a"], ["id": 2, "name": "b"], ["name": "c"]]])
        #expect(
            text
                == #"{"errors":[{"message":"Cannot return null for non-nullable field Item.id.","locations":[{"line":1,"column":11}],"path":["items",0,"id"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}},{"message":"Cannot return null for non-nullable field Item.id.","locations":[{"line":1,"column":11}],"path":["items",2,"id"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"items":[null,{"id":2,"name":"b"},null]}}"#
        )
    }

    /// A thrown error on a non-null field is the one error: no second "cannot return
    /// null" for the same field, nor for the non-null fields the null passes through.
    @Test func aPropagatingNullIsReportedOnce() async throws {
        let text = try await run(
            "{ strictHolder { label } item { strictChild { strictChild { strictFails } } } }",
            root: [
                "strictHolder": ["label": "h"], "item": ["id": 1, "strictChild": ["id": 2, "strictChild": ["id": 3]]],
            ])
        #expect(
            text
                == #"{"errors":[{"message":"Item.strictFails is unavailable","locations":[{"line":1,"column":61}],"path":["item","strictChild","strictChild","strictFails"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"strictHolder":{"label":"h"},"item":null}}"#
        )
    }

    /// Once the list is null, its later bad items are not looked at: the first error is
    /// the only one.
    @Test func aListNulledByOneItemReportsOnlyThatItem() async throws {
        let text = try await run(
            "{ holder { listOfStrict { id } } }", root: ["holder": ["listOfStrict": [["id": 1], [:], [:]]]])
        #expect(
            text == #"{"errors":["# + missingID("listOfStrict", column: 27)
                + #"],"data":{"holder":{"listOfStrict":null}}}"#)
    }

    // MARK: Resolver errors

    /// A Swift error's description is the message; a GraphQLError keeps its code; both
    /// get the path, with list indices, and the field's location.
    @Test func resolverErrorsGetPathLocationsAndCodes() async throws {
        let text = try await run(
            """
            {
              items {
                id
                fails
                code
              }
            }
            """, root: ["items": [["id": 1], nil]])
        #expect(
            text
                == #"{"errors":[{"message":"Item.fails is unavailable","locations":[{"line":4,"column":5}],"path":["items",0,"fails"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}},{"message":"Not yours.","locations":[{"line":5,"column":5}],"path":["items",0,"code"],"extensions":{"code":"FORBIDDEN"}}],"data":{"items":[{"id":1,"fails":null,"code":null},null]}}"#
        )
    }

    /// A field written twice fails once, at both of its locations, under its alias.
    @Test func aMergedFieldFailsOnceAtEveryLocation() async throws {
        let text = try await run(
            "{ item { id f: fails ... on Item { f: fails } } }", root: ["item": ["id": 1]])
        #expect(
            text
                == #"{"errors":[{"message":"Item.fails is unavailable","locations":[{"line":1,"column":13},{"line":1,"column":36}],"path":["item","f"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"item":{"id":1,"f":null}}}"#
        )
    }

    /// Asynchronous resolvers that fail, among siblings that do not, in several list
    /// items: every error with its own index, every other value in place.
    @Test func asynchronousErrorsInListItemsKeepTheirIndices() async throws {
        let text = try await run(
            "{ items { id slow code } }", root: ["items": [["id": 1], ["id": 2], ["id": 3]]])
        #expect(
            text
                == #"{"errors":[{"message":"Not yours.","locations":[{"line":1,"column":19}],"path":["items",0,"code"],"extensions":{"code":"FORBIDDEN"}},{"message":"Slow item 2 timed out.","locations":[{"line":1,"column":14}],"path":["items",1,"slow"],"extensions":{"code":"TIMEOUT"}},{"message":"Not yours.","locations":[{"line":1,"column":19}],"path":["items",1,"code"],"extensions":{"code":"FORBIDDEN"}},{"message":"Not yours.","locations":[{"line":1,"column":19}],"path":["items",2,"code"],"extensions":{"code":"FORBIDDEN"}}],"data":{"items":[{"id":1,"slow":"slow 1","code":null},{"id":2,"slow":null,"code":null},{"id":3,"slow":"slow 3","code":null}]}}"#
        )
    }

    /// An asynchronous non-null field that gives null nulls its object, and the object's
    /// siblings, asynchronous or not, still resolve.
    @Test func anAsynchronousNullPropagatesWhileSiblingsResolve() async throws {
        let text = try await run(
            "{ a: item { id strictSlow } b: item { id slow } label }", root: ["item": ["id": 1], "label": "x"])
        #expect(
            text
                == #"{"errors":[{"message":"Cannot return null for non-nullable field Item.strictSlow.","locations":[{"line":1,"column":16}],"path":["a","strictSlow"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"a":null,"b":{"id":1,"slow":"slow 1"},"label":"x"}}"#
        )
    }
}
