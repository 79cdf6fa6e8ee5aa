import GraphQLEngine
import Logging
import Pipeline
import Platform
import Schema
import Settings
import Synchronization

/// Rate limiting in front of execution, for HTTP and WebSocket alike: before an
/// operation runs, every bucket it touches is charged in one call to the limiter (one
/// round trip with Redis). Over the cost budget, the operation is refused; over a field's
/// limit, that field will resolve to null with `RATE_LIMITED` (see `RateLimitGuard`).
///
/// When the limiter cannot decide (Redis is down), `failureMode` says what happens:
/// `open` runs the operation unlimited, `closed` refuses it. Either way it is counted in
/// the metrics, and the outage is logged when it starts and when it ends.
public final class RateLimitGate: AdmissionGate {
    public enum FailureMode: String, Sendable, CaseIterable {
        case open, closed
    }

    public let policies: RateLimitPolicies
    public let limiter: any RateLimiter
    public let failureMode: FailureMode
    private let metrics: GatewayMetrics?
    private let logger: Logger
    private let isFailing = Atomic(false)

    public init(
        policies: RateLimitPolicies, limiter: any RateLimiter, failureMode: FailureMode = .open,
        metrics: GatewayMetrics? = nil, logger: Logger
    ) {
        self.policies = policies
        self.limiter = limiter
        self.failureMode = failureMode
        self.metrics = metrics
        self.logger = logger
    }

    /// Charges the buckets of `operation`, as its request prepared it (chosen, variables
    /// coerced): nothing here selects or coerces again.
    public func admit(_ operation: PreparedOperation, caller: RequestContext) async -> Admission {
        guard let shape = shape(of: operation) else { return .unlimited(caller) }
        let footprint = OperationFootprint(
            shape, budgets: policies.costBudgets,
            caller: RateLimitCaller(user: caller.user, tenant: caller.tenant, ip: caller.clientAddress ?? "unknown"))
        guard !footprint.charges.isEmpty else { return .unlimited(caller) }
        let decisions: [BucketDecision]
        do {
            decisions = try await limiter.charge(footprint.charges)
        } catch {
            return failed(error, context: caller)
        }
        if isFailing.exchange(false, ordering: .relaxed) {
            logger.notice("The rate limiter answers again; limits are enforced")
        }
        let subscriptionRoot = operation.type == .subscription ? operation.rootType.name : nil
        return admission(decisions, cost: footprint.cost, caller: caller, subscriptionRoot: subscriptionRoot)
    }

    /// The operation's cost and limited fields; kept with the document when it has no
    /// variables, as they are then the same for every request. Nil when execution will
    /// refuse the operation anyway (a `@skip(if:)` on a variable it lacks).
    private func shape(of operation: PreparedOperation) -> OperationFootprint.Shape? {
        func walk() -> OperationFootprint.Shape? {
            try? OperationFootprint.Shape(of: operation, policies: policies)
        }
        guard operation.variables.isEmpty else { return walk() }
        // An operation is told from the others of its document by where its selections start.
        let key = "\(Self.memoPrefix)\(ObjectIdentifier(self).hashValue):\(operation.operation.selectionSet.selections.start)"
        return operation.document.memos.value(for: key, make: walk)
    }

    /// Memos of a gate are its own: another gate may read the document under other
    /// policies.
    private static let memoPrefix = "RateLimitGate.shape:"

    /// `subscriptionRoot`: the subscription root type's name, when the operation is one.
    private func admission(
        _ decisions: [BucketDecision], cost: Int, caller: RequestContext, subscriptionRoot: String?
    ) -> Admission {
        var admission = Admission(context: caller)
        admission.headers = [
            RateLimitHeaders.policy(decisions).map { ("RateLimit-Policy", $0) },
            RateLimitHeaders.rateLimit(decisions).map { ("RateLimit", $0) },
            RateLimitHeaders.retryAfter(decisions).map { ("Retry-After", $0) },
        ].compactMap(\.self)
        let budget = decisions.filter { $0.charge.scope == .operation }
        if let tightest = budget.min(by: { $0.remaining < $1.remaining }) {
            admission.extensions["cost"] = .object([
                "requested": .int(cost), "remaining": .int(tightest.remaining), "limit": .int(tightest.limit),
                "windowSeconds": .int(Int(tightest.window.components.seconds)),
            ])
        }
        if let refused = budget.first(where: { !$0.allowed }) {
            metrics?.recordRateLimited(scope: "operation")
            admission.refusal = Admission.Refusal(error: Self.overBudget(refused, cost: cost), status: 429)
            return admission
        }
        var context = caller
        for decision in decisions where !decision.allowed {
            let seconds = Self.seconds(decision.retryAfter)
            let coordinate = decision.key.coordinate
            context.rateLimitRefusals[coordinate] = max(context.rateLimitRefusals[coordinate] ?? 0, seconds)
        }
        if !context.rateLimitRefusals.isEmpty {
            metrics?.recordRateLimited(scope: "field", count: context.rateLimitRefusals.count)
        }
        // A subscription's one root field is the whole operation: over its limit (its
        // own or its root type's), the subscription is refused rather than started to
        // send nothing but errors. A limited field inside it is null in every event.
        if let root = subscriptionRoot,
            let (coordinate, seconds) = context.rateLimitRefusals.first(where: { coordinate, _ in
                coordinate == root || coordinate.hasPrefix(root + ".")
            })
        {
            let error = RateLimitGuard.refusal(of: coordinate, by: coordinate, retryAfter: seconds)
            admission.refusal = Admission.Refusal(error: error, status: 429)
        }
        admission.context = context
        return admission
    }

    private func failed(_ error: any Error, context: RequestContext) -> Admission {
        metrics?.recordRateLimiterFailure(mode: failureMode.rawValue)
        if !isFailing.exchange(true, ordering: .relaxed) {
            let consequence = failureMode == .open ? "operations run unlimited" : "operations are refused"
            logger.error(
                "The rate limiter cannot decide; \(consequence) until it answers", metadata: ["error": "\(error)"])
        }
        guard failureMode == .closed else { return .unlimited(context) }
        var admission = Admission(context: context)
        admission.refusal = Admission.Refusal(
            error: GraphQLError(
                message: "Rate limits cannot be checked just now, so the operation was not run; try again shortly.",
                code: "RATE_LIMITER_UNAVAILABLE", extensions: ["retryAfter": .int(1)]),
            status: 503)
        admission.headers = [("Retry-After", "1")]
        return admission
    }

    static func overBudget(_ decision: BucketDecision, cost: Int) -> GraphQLError {
        let budget = "\(decision.limit) points per \(Self.text(decision.window))"
        guard !decision.exceedsLimit else {
            return GraphQLError(
                message: "This operation costs \(cost) points, more than the whole budget of \(budget); "
                    + "ask for fewer items (first, last) or split it.",
                code: "RATE_LIMITED", extensions: ["cost": .int(cost)])
        }
        let seconds = Self.seconds(decision.retryAfter)
        return GraphQLError(
            message: "This operation costs \(cost) points, and \(decision.remaining) of the \(budget) are left; "
                + "try again in \(seconds) s.",
            code: "RATE_LIMITED", extensions: ["cost": .int(cost), "retryAfter": .int(seconds)])
    }

    /// Whole seconds, rounded up and at least one: a client that waits that long is not
    /// refused again for the same reason.
    static func seconds(_ duration: Duration) -> Int {
        max(1, Int((duration.wholeMicroseconds + 999_999) / 1_000_000))
    }

    /// A window as schema.graphql writes it: `15m`, `1h`.
    static func text(_ window: Duration) -> String {
        let seconds = window.components.seconds
        for (unit, size) in [("d", Int64(86_400)), ("h", 3_600), ("m", 60)] where seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }
}
