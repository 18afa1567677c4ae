import Testing

@testable import SessionPanel

/// Work that must not grow with the shift's past: counted, not timed (the benchmarks time it,
/// `scripts/bench-state shift`).
@Suite struct ShiftGrowthTests {
    /// A rush-hour shift nobody answers: hundreds of requests come, are missed and abandoned.
    private static let longShift = interpreter(after: ["traffic rush --seed 5", "clock advance 8h"]).state

    @Test("a generated request looks at the live conversations only, not at every closed one")
    func anArrivalLooksAtLiveConversationsOnly() throws {
        let state = Self.longShift
        let all = state.everyConversation.values
        let live = all.filter { $0.state != .closed }.count + state.notifications.count
        #expect(all.count - live > 300, "the shift has many closed conversations")
        let customers = Set(all.compactMap(\.customerKey))
        for channel in Channel.allCases {
            var work = 0
            let busy = try state.busyCustomers(among: customers, on: channel, work: &work)
            #expect(work <= live, "\(channel): \(work) looked at, \(live) live")
            let notified = Set(state.notifications.map(\.conversationID))
            let expected = Set(
                state.everyConversation.values.filter { conversation in
                    conversation.state == .active || conversation.state == .wrapUp
                        || (conversation.state == .open && conversation.channel == channel)
                        || notified.contains(conversation.id)
                }.compactMap { $0.customer?.lowercased() })
            #expect(busy == expected, "\(channel)")
        }
    }

    @Test("checking that an `at` line's customer arrives costs the same however many lines came before")
    func anAtLineLooksUpItsCustomer() throws {
        var state = PanelState(world: World())
        for second in 0..<1_000 {
            try state.schedule("incoming chat \"Guest \(second)\"", at: second)
            try state.schedule("incoming sms", at: second)  // a visitor
        }
        var work = 0
        #expect(try state.customerArrives("Guest 999", by: 999, work: &work))
        #expect(try !state.customerArrives("guest 999", by: 998, work: &work), "not yet")
        #expect(try state.customerArrives("visitor 1000", by: 999, work: &work))
        #expect(try !state.customerArrives("Visitor 1000", by: 998, work: &work), "the 999th visitor by then")
        #expect(try !state.customerArrives("Visitor 1001", by: 5_000, work: &work))
        #expect(try !state.customerArrives("Visitor 01", by: 5_000, work: &work))
        #expect(work <= 10, "\(work) scheduled lines looked at")
    }

    @Test("scheduled arrivals that fell due, or came back from a saved state, are looked up as before")
    func theLookUpFollowsTheAgenda() throws {
        var agent = interpreter(after: [], world: World())
        try agent.schedule("incoming chat \"Guest A\"", at: 10)
        try agent.schedule("incoming chat", at: 20)
        try agent.schedule("incoming chat \"Guest B\"", at: 30)
        _ = agent.advanceClock(to: 25)  // Guest A and Visitor 1 have arrived: titles of conversations now
        var state = try savedAndLoaded(agent.state)
        var work = 0
        for (name, time, arrives) in [
            ("Guest A", 25, true), ("Visitor 1", 25, true), ("Guest B", 29, false), ("Guest B", 30, true),
            ("Visitor 2", 100, false),
        ] {
            #expect(try state.customerArrives(name, by: time, work: &work) == arrives, "\(name) by \(time)")
        }
        try state.schedule("incoming sms", at: 40)
        #expect(try state.customerArrives("Visitor 2", by: 40, work: &work))
        state.startTrafficForTests()
        #expect(try state.customerArrives("Guest B", by: 30, work: &work), "starting traffic keeps `at` lines")
    }
}

extension ShiftGrowthTests {
    @Test("events are taken from the front in time order, whatever order they came in")
    func eventsAreTakenFromTheFront() {
        var queue = EventQueue()
        for sequence in (0..<100).reversed() {
            queue.insert(ShiftEvent(time: sequence / 2, sequence: sequence, kind: .arrival(.chat)))
        }
        let taken = (0..<60).map { _ in queue.removeFirst() }
        #expect(taken.map(\.time) == (0..<30).flatMap { [$0, $0] })
        #expect(queue.events.map(\.time) == (30..<50).flatMap { [$0, $0] })
        #expect(queue == EventQueue(queue.events), "equal to a queue of what is left, wherever it starts")
        #expect(queue.count(by: 40) == 22)
        #expect(queue.count(by: 29) == 0)
    }
}

extension PanelState {
    /// Starts and stops traffic: the agenda drops its arrivals and keeps the rest.
    fileprivate mutating func startTrafficForTests() {
        _ = startTraffic(.rush, seed: 1)
        _ = startTraffic(.off, seed: nil)
    }
}
