import Benchmark
import SessionPanel

/// Time and allocations per operation of the pure core — parse a line, apply a command, render the
/// panel, compute completions — with 10, 100, 1,000 and 10,000 sessions open (Home included).
/// Cost per command must grow at most linearly with the number of sessions.
///
/// Guarded: `scripts/bench-thresholds` (`swift package benchmark thresholds check --target CoreBenchmarks`
/// in this folder) fails when a benchmark's p90 allocations (and instructions, where the kernel lets
/// them be counted) exceed those committed in `Thresholds/` by more than `guarded` allows;
/// `scripts/bench-thresholds update` records them anew.
let benchmarks: @Sendable () -> Void = {
    /// The change a threshold check lets pass. A p90 of allocations moves by about 2 between two runs
    /// here (16 to 18 for `apply switch`), so 15 %: what it catches is a path that allocates per
    /// session or per message again, not one allocation more.
    let guarded: [BenchmarkMetric: BenchmarkThresholds] = [
        .mallocCountTotal: BenchmarkThresholds(relative: [.p90: 15.0]),
        .instructions: BenchmarkThresholds(relative: [.p90: 5.0]),
    ]
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .instructions, .mallocCountTotal],
        maxDuration: .seconds(2),
        maxIterations: 100_000,
        thresholds: guarded
    )
    let batched = Benchmark.Configuration(
        metrics: Benchmark.defaultConfiguration.metrics, scalingFactor: .kilo,
        maxDuration: .seconds(2), maxIterations: 10_000, thresholds: guarded)

    for sessions in [10, 100, 1_000, 10_000] {
        let fixture = Fixture(sessions: sessions)
        let last = sessions - 1

        Benchmark("parse message, \(sessions) sessions", configuration: batched) { benchmark in
            let line = InputLine(Array("message \(last) \"Hello, I still need help with order 1182\"".utf8))
            for _ in benchmark.scaledIterations {
                blackHole(try? CommandParser.parse(line))
            }
        }

        Benchmark("apply switch, \(sessions) sessions", configuration: batched) { benchmark in
            for iteration in benchmark.scaledIterations {
                fixture.apply(.switchTo(.position(iteration % 2 == 0 ? last : 1)))
            }
        }

        Benchmark("apply message, \(sessions) sessions", configuration: batched) { benchmark in
            for _ in benchmark.scaledIterations {
                fixture.apply(.message(.position(last), text: "Hello, I still need help"))
            }
        }

        Benchmark("apply sentiment, \(sessions) sessions", configuration: batched) { benchmark in
            for iteration in benchmark.scaledIterations {
                fixture.apply(.sentiment(.position(last), iteration % 2 == 0 ? .negative : .positive))
            }
        }

        Benchmark("render panel, \(sessions) sessions") { benchmark in
            let renderer = PanelRenderer(style: .plain)
            for _ in benchmark.scaledIterations {
                blackHole(renderer.render(fixture.state))
            }
        }

        Benchmark("render panel after a message, kept cache, \(sessions) sessions", configuration: batched) {
            benchmark in
            // What a script pays per command: one row changed, the rest reused from the last drawing.
            let renderer = PanelRenderer(style: .plain)
            var cache = PanelCache()
            blackHole(renderer.render(fixture.state, reusing: &cache))
            for _ in benchmark.scaledIterations {
                fixture.apply(.message(.position(last), text: "Hello, I still need help"))
                blackHole(renderer.render(fixture.state, reusing: &cache))
            }
        }

        let mixed = "render panel after scripts/bench's commands, kept cache, \(sessions) sessions"
        Benchmark(mixed, configuration: batched) { benchmark in
            // scripts/bench's mix, with the focused chat's Communication panel and details: a message to it,
            // a switch away and back, a sentiment, a typed field — each followed by the panel, as a script prints it.
            let renderer = PanelRenderer(style: .plain)
            var cache = PanelCache()
            let commands: [Command] = [
                .message(.position(last), text: "Hello, I still need help"), .switchTo(.position(1)),
                .switchTo(.position(last)), .sentiment(.position(1), .negative),
                .type(field: "description", text: "Customer reports an issue"), .sentiment(.position(1), .neutral),
            ]
            for (iteration, _) in benchmark.scaledIterations.enumerated() {
                fixture.apply(commands[iteration % commands.count])
                blackHole(renderer.render(fixture.state, reusing: &cache))
            }
        }

        Benchmark("complete \"switch \", \(sessions) sessions") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(CompletionEngine.complete("switch ", in: fixture.state))
            }
        }

        Benchmark("complete \"open \" (work items), \(sessions) sessions") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(CompletionEngine.complete("open ", in: fixture.state))
            }
        }
    }

    // A request costs the same however many came before it (it once scanned every pending
    // notification and every conversation: 80,000 `incoming` took 32 s).
    for past in [1_000, 10_000, 100_000] {
        let fixture = Fixture(pastRequests: past)
        Benchmark("incoming and reject, after \(past) past requests", configuration: batched) { benchmark in
            for _ in benchmark.scaledIterations {
                fixture.apply(.incoming(.chat, customer: nil))
                fixture.apply(.reject(nil))
            }
        }
    }
}

/// A state with a given number of sessions open, built through the core's own commands:
/// the session limit raised with `config max-sessions`, then `incoming chat` and `accept` for each.
final class Fixture: @unchecked Sendable {
    private(set) var state: PanelState

    init(sessions: Int) {
        state = PanelState()
        apply(.configSet(key: "max-sessions", value: String(sessions)))
        for _ in 1..<sessions {
            apply(.incoming(.chat, customer: nil))
            apply(.accept(nil))
        }
        precondition(state.sessions.count == sessions, "the fixture should have \(sessions) sessions")
    }

    /// Home alone, after `past` visitors' requests that were rejected (each waits in Open work items).
    init(pastRequests past: Int) {
        state = PanelState()
        for _ in 0..<past {
            apply(.incoming(.chat, customer: nil))
            apply(.reject(nil))
        }
    }

    /// Applies a command in place; a benchmark command never fails.
    func apply(_ command: Command) {
        do {
            blackHole(try state.apply(command))
        } catch {
            preconditionFailure("\(command) failed: \(error)")
        }
    }
}
