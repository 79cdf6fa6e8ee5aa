import GraphQLEngine

// These tests check what the parser read by looking at the document as a tree
// (`Document.tree`): here, the node names refer to `SyntaxTree` nodes.
typealias Document = SyntaxTree.Document
typealias Definition = SyntaxTree.Definition
typealias Name = SyntaxTree.Name
typealias Directive = SyntaxTree.Directive
typealias Argument = SyntaxTree.Argument
typealias TypeReference = SyntaxTree.TypeReference
typealias OperationDefinition = SyntaxTree.OperationDefinition
typealias VariableDefinition = SyntaxTree.VariableDefinition
typealias Variable = SyntaxTree.Variable
typealias SelectionSet = SyntaxTree.SelectionSet
typealias Selection = SyntaxTree.Selection
typealias Field = SyntaxTree.Field
typealias FragmentSpread = SyntaxTree.FragmentSpread
typealias InlineFragment = SyntaxTree.InlineFragment
typealias FragmentDefinition = SyntaxTree.FragmentDefinition
typealias Value = SyntaxTree.Value
typealias StringValue = SyntaxTree.StringValue
typealias ObjectField = SyntaxTree.ObjectField
typealias SchemaDefinition = SyntaxTree.SchemaDefinition
typealias RootOperationTypeDefinition = SyntaxTree.RootOperationTypeDefinition
typealias TypeDefinition = SyntaxTree.TypeDefinition
typealias ScalarTypeDefinition = SyntaxTree.ScalarTypeDefinition
typealias ObjectTypeDefinition = SyntaxTree.ObjectTypeDefinition
typealias InterfaceTypeDefinition = SyntaxTree.InterfaceTypeDefinition
typealias FieldDefinition = SyntaxTree.FieldDefinition
typealias InputValueDefinition = SyntaxTree.InputValueDefinition
typealias UnionTypeDefinition = SyntaxTree.UnionTypeDefinition
typealias EnumTypeDefinition = SyntaxTree.EnumTypeDefinition
typealias EnumValueDefinition = SyntaxTree.EnumValueDefinition
typealias InputObjectTypeDefinition = SyntaxTree.InputObjectTypeDefinition
typealias DirectiveDefinition = SyntaxTree.DirectiveDefinition

/// Parses and returns the document as a tree, locations kept.
func parseTree(_ source: Source, options: ParseOptions = .default) throws(SyntaxError) -> Document {
    try Parser.parse(source, options: options).tree
}

func parseTree(_ text: String, options: ParseOptions = .default) throws(SyntaxError) -> Document {
    try parseTree(Source(text), options: options)
}
