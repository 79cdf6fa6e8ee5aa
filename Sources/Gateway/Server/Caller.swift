import Platform

/// Who is asking, as resolvers see them (`Caller`), under a name of its
/// own: files that import Hummingbird also see its `RequestContext` protocol.
typealias Caller = RequestContext
