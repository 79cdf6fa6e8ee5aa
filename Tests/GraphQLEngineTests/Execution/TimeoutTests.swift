import Synchronization
import Testing

@testable import GraphQLEngine

/// An operation's timeout and cancellation: the answer goes out at the deadline, and the
/// operation's resolvers are cancelled, with a clock the tests move by hand.
@Suite struct TimeoutTests {
    static let schema: Schema = {
        do {
            return try Schema(sdl: "type Query { quick: String slow: String stubborn: String }")
        } catch {
            fatalError("\(error)")
        }
    }()

    /// Signals from the resolvers: when the slow one started, and how it ended.
    final class Signals: Sendable {
        let started: AsyncStream<Void>
        let startedContinuation: AsyncStream<Void>.Continuation
        let ended: AsyncStream<String>
        let endedContinuation: AsyncStream<String>.Continuation
        /// Releases the stubborn resolver, which ignores cancellation.
        let release: AsyncStream<Void>
        let releaseContinuation: AsyncStream<Void>.Continuation

        init() {
            (started, startedContinuation) = AsyncStream.makeStream()
            (ended, endedContinuation) = AsyncStream.makeStream()
            (release, releaseContinuation) = AsyncStream.makeStream()
        }
    }

    static func executor(_ signals: Signals, timeout: Duration?, clock: ManualClock) -> Executor {
        var resolvers = Resolvers()
        resolvers["Query", "quick"] = .async { _ in .string("done") }
        resolvers["Query", "slow"] = .async { _ in
            // Waits for an event that never comes; only cancellation ends the wait.
            let (never, keepOpen) = AsyncStream<Void>.makeStream()
            signals.startedContinuation.yield()
            for await _ in never {}
            keepOpen.finish()
            signals.endedContinuation.yield(Task.isCancelled ? "cancelled" : "finished")
            throw CancellationError()
        }
        resolvers["Query", "stubborn"] = .async { _ in
            signals.startedContinuation.yield()
            // Ignores cancellation: waits for the test to let it go.
            await withTaskCancellationHandler {
                for await _ in signals.release { break }
            } onCancel: {
                signals.endedContinuation.yield("asked to stop")
            }
            return .string("too late")
        }
        return Executor(resolvers: resolvers, timeout: timeout, clock: clock)
    }

    static func document(_ text: String) throws -> Valid<GraphQLEngine.Document> {
        try Validator.validate(try Parser.parse(text), against: schema)
    }

    /// Starts executing `text` in a task of its own and returns it once a waiting
    /// resolver has started.
    static func start(
        _ text: String, on executor: Executor, _ signals: Signals
    ) async throws -> Task<ExecutionResponse, Never> {
        let document = try document(text)
        let request = Task { await executor.execute(document) }
        var started = signals.started.makeAsyncIterator()
        await started.next()
        return request
    }

    /// How the waiting resolver ended.
    static func ending(of signals: Signals) async -> String? {
        var ended = signals.ended.makeAsyncIterator()
        return await ended.next()
    }

    @Test func anOperationPastItsTimeoutIsAnsweredWithATimeoutErrorAndCancelled() async throws {
        let (signals, clock) = (Signals(), ManualClock())
        let executor = Self.executor(signals, timeout: .seconds(2), clock: clock)
        let request = try await Self.start("{ slow }", on: executor, signals)
        await clock.sleepers(1)
        clock.advance(by: .seconds(2))
        let response = await request.value
        #expect(
            response.text
                == #"{"errors":[{"message":"The operation timed out after 2 seconds.","extensions":{"code":"TIMEOUT"}}],"data":null}"#
        )
        let end = await Self.ending(of: signals)
        #expect(end == "cancelled")
    }

    @Test func aResolverThatIgnoresCancellationDoesNotHoldBackTheAnswer() async throws {
        let (signals, clock) = (Signals(), ManualClock())
        let executor = Self.executor(signals, timeout: .milliseconds(250), clock: clock)
        let request = try await Self.start("{ stubborn }", on: executor, signals)
        await clock.sleepers(1)
        clock.advance(by: .milliseconds(250))
        let response = await request.value
        #expect(response.errors.map { $0.message } == ["The operation timed out after 250 milliseconds."])
        let end = await Self.ending(of: signals)
        #expect(end == "asked to stop")
        signals.releaseContinuation.finish()
    }

    @Test func anOperationWithinItsTimeoutIsAnsweredInFull() async throws {
        let (signals, clock) = (Signals(), ManualClock())
        let executor = Self.executor(signals, timeout: .seconds(1), clock: clock)
        let response = await executor.execute(try Self.document("{ quick }"))
        #expect(response.text == #"{"data":{"quick":"done"}}"#)
    }

    @Test func cancellingTheCallerCancelsTheResolvers() async throws {
        let (signals, clock) = (Signals(), ManualClock())
        let executor = Self.executor(signals, timeout: nil, clock: clock)
        let request = try await Self.start("{ quick slow }", on: executor, signals)
        request.cancel()
        let response = await request.value
        #expect(
            response.text
                == #"{"errors":[{"message":"The operation was cancelled.","locations":[{"line":1,"column":9}],"path":["slow"],"extensions":{"code":"CANCELLED"}}],"data":{"quick":"done","slow":null}}"#
        )
        let end = await Self.ending(of: signals)
        #expect(end == "cancelled")
    }

    @Test func cancellingTheCallerOfATimedOperationAnswersAtOnce() async throws {
        let (signals, clock) = (Signals(), ManualClock())
        let executor = Self.executor(signals, timeout: .seconds(30), clock: clock)
        let request = try await Self.start("{ stubborn }", on: executor, signals)
        request.cancel()
        let response = await request.value
        #expect(
            response.text
                == #"{"errors":[{"message":"The operation was cancelled.","extensions":{"code":"CANCELLED"}}],"data":null}"#
        )
        signals.releaseContinuation.finish()
    }

    @Test(arguments: [
        (Duration.seconds(1), "1 second"), (.seconds(30), "30 seconds"), (.milliseconds(1_500), "1.5 seconds"),
        (.milliseconds(40), "40 milliseconds"),
    ])
    func timeoutsAreWorded(duration: Duration, words: String) {
        #expect(Deadline.describe(duration) == words)
    }
}
