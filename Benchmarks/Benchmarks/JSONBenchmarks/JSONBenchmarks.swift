import Benchmark
import FoundationEssentials
import JSONCoding
import SessionPanel

/// omnipanel's own JSON coder against FoundationEssentials' `JSONDecoder` and `JSONEncoder`, on the
/// same bytes and the same Codable types: a 100,000-contact world (100,000 contacts, 10,000 accounts,
/// 100,000 cases, 30 work items, like `scripts/make-world 100000`) and a saved state holding it with
/// 200 conversations of 20 messages. Each side decodes from bytes in memory and encodes to bytes,
/// indented with sorted keys (the state file's form).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10),
        maxIterations: 20
    )
    let world = JSONFixture.world(contacts: 100_000)
    let worldBytes = JSONFixture.ours(world)
    let state = SavedState(JSONFixture.state(in: world, conversations: 200, messages: 20))
    let stateBytes = JSONFixture.ours(state)
    precondition(JSONFixture.foundation(world) == worldBytes, "both encoders should write the same world")

    Benchmark("decode world 100k, omnipanel JSON") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try JSONValueDecoder().decode(World.self, from: worldBytes)) }
    }
    Benchmark("decode world 100k, Foundation JSONDecoder") { benchmark in
        let data = Data(worldBytes)
        for _ in benchmark.scaledIterations { blackHole(try JSONDecoder().decode(World.self, from: data)) }
    }
    Benchmark("encode world 100k, omnipanel JSON") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(JSONFixture.ours(world)) }
    }
    Benchmark("encode world 100k, Foundation JSONEncoder") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(JSONFixture.foundation(world)) }
    }
    Benchmark("decode saved state 100k, omnipanel JSON") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONValueDecoder().decode(SavedState.self, from: stateBytes))
        }
    }
    Benchmark("decode saved state 100k, Foundation JSONDecoder") { benchmark in
        let data = Data(stateBytes)
        for _ in benchmark.scaledIterations { blackHole(try JSONDecoder().decode(SavedState.self, from: data)) }
    }
    Benchmark("encode saved state 100k, omnipanel JSON") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(JSONFixture.ours(state)) }
    }
    Benchmark("encode saved state 100k, Foundation JSONEncoder") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(JSONFixture.foundation(state)) }
    }
}

/// The worlds and states both coders read and write.
enum JSONFixture {
    /// `contacts` contacts with distinct names, one account per ten, one case per contact, 30 work items.
    static func world(contacts: Int) -> World {
        let first = ["Ada", "Aiko", "Bilal", "Chen", "José", "Kenji", "Maria", "Noor", "Sven", "Zoë"]
        var world = World()
        world.accounts = (0..<max(1, contacts / 10)).map { World.Account(name: "Account \($0)") }
        world.contacts = (0..<contacts).map { index in
            World.Contact(
                name: "\(first[index % first.count]) Núñez \(index)",
                account: index % 5 == 0 ? nil : "Account \(index / 10)")
        }
        world.cases = (0..<contacts).map { index in
            World.CaseRecord(
                number: index + 1, title: "Invoice, \"urgent\" \(index + 1)",
                customer: world.contacts[(index * 7) % contacts].name)
        }
        world.workItems = (0..<30).map { index in
            World.WorkItem(
                id: 100 + index, channel: [.chat, .sms, .voice, .social][index % 4],
                customer: index % 5 == 0 ? nil : world.contacts[index].name,
                stream: [.mine, .open, .closed][index % 3])
        }
        return world
    }

    /// A shift in `world`: `conversations` chats accepted (the session limit raised), each with
    /// `messages` messages.
    static func state(in world: World, conversations: Int, messages: Int) -> PanelState {
        var state = PanelState(world: world)
        func apply(_ command: Command) {
            do {
                _ = try state.apply(command)
            } catch {
                preconditionFailure("\(command) failed: \(error)")
            }
        }
        apply(.configSet(key: "max-sessions", value: String(conversations + 1)))
        for index in 0..<conversations {
            apply(.incoming(.chat, customer: world.contacts[index].name))
            apply(.accept(nil))
            for message in 0..<messages {
                apply(.message(.position(index + 1), text: "Message \(message): the printer is on fire ☕"))
            }
        }
        return state
    }

    /// `value` as the state file writes it, by omnipanel's encoder.
    static func ours(_ value: some Encodable) -> [UInt8] {
        do {
            return try JSONValueEncoder().encode(value).prettyPrinted
        } catch {
            preconditionFailure("cannot encode: \(error)")
        }
    }

    /// `value` written the same way by Foundation's encoder.
    static func foundation(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            preconditionFailure("cannot encode: \(error)")
        }
    }
}
