import Pipeline
import Platform
import Transports

extension GraphQLOverHTTP {
    /// The answer to `request` from a signed-out caller: what the protocol tests send.
    func respond(to request: HTTPExchange.Request) async -> HTTPExchange.Response {
        await respond(to: request, caller: .anonymous)
    }
}
