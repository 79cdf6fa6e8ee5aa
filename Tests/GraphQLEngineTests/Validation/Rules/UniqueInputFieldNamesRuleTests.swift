import Testing

@testable import GraphQLEngine

@Suite struct UniqueInputFieldNamesRuleTests {
    @Test func fieldsWithDistinctNamesAreValid() {
        expectValid(
            UniqueInputFieldNamesRule.self,
            """
            { arguments {
              filter(value: {text: "a", unreadOnly: true})
              nested(value: {page: {first: 1, after: "c"}, filter: {text: "b"}})
            } }
            """)
    }

    @Test func oneNameInSeparateObjectsIsValid() {
        expectValid(
            UniqueInputFieldNamesRule.self,
            """
            query ($f: NotificationFilter = {text: "a"}) {
              arguments { a: filter(value: {text: "b"}) b: filter(value: {text: "c"}) }
              x: arguments @tag(label: {text: "d", nested: {text: "e"}}) { int }
            }
            """)
    }

    @Test func aFieldGivenTwiceIsReportedAtBoth() {
        expectErrors(
            UniqueInputFieldNamesRule.self,
            """
            { arguments { filter(value: {text: "a", unreadOnly: true, text: "b"}) } }
            """,
            [error("There can be only one input field named \"text\".", at: (1, 30), (1, 59))])
    }

    @Test func everyRepeatIsReportedWithTheFirst() {
        expectErrors(
            UniqueInputFieldNamesRule.self,
            """
            { arguments { filter(value: {text: "a", text: "b", text: "c"}) } }
            """,
            [
                error("There can be only one input field named \"text\".", at: (1, 30), (1, 41)),
                error("There can be only one input field named \"text\".", at: (1, 30), (1, 52)),
            ])
    }

    @Test func repeatsAreFoundAtEveryDepthInDocumentOrder() {
        expectErrors(
            UniqueInputFieldNamesRule.self,
            """
            { arguments {
              nested(value: {
                page: {first: 1, first: 2}
                page: {after: "x"}
                filter: {priorities: [HIGH], text: "a", text: "b"}
              })
            } }
            """,
            [
                error("There can be only one input field named \"first\".", at: (3, 12), (3, 22)),
                error("There can be only one input field named \"page\".", at: (3, 5), (4, 5)),
                error("There can be only one input field named \"text\".", at: (5, 34), (5, 45)),
            ])
    }

    @Test func objectsInListsAreCheckedOneByOne() {
        expectErrors(
            UniqueInputFieldNamesRule.self,
            """
            { arguments { stringList(values: [{a: 1}, {a: 2, b: 3, a: 4}]) } }
            """,
            [error("There can be only one input field named \"a\".", at: (1, 44), (1, 56))])
    }

    @Test func variableDefaultsAndDirectiveArgumentsAreChecked() {
        expectErrors(
            UniqueInputFieldNamesRule.self,
            """
            query ($f: NotificationFilter = {text: "a", text: "b"}) {
              me @tag(label: {x: 1, x: 2}) { id }
            }
            """,
            [
                error("There can be only one input field named \"text\".", at: (1, 34), (1, 45)),
                error("There can be only one input field named \"x\".", at: (2, 19), (2, 25)),
            ])
    }

    @Test func valuesInFragmentsAreChecked() {
        expectErrors(
            UniqueInputFieldNamesRule.self,
            """
            { arguments { ...F } }
            fragment F on Arguments { target(value: {userId: "a", userId: "b"}) }
            """,
            [error("There can be only one input field named \"userId\".", at: (2, 42), (2, 55))])
    }
}
