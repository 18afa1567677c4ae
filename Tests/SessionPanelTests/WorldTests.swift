import Testing

@testable import SessionPanel

@Suite("Worlds")
struct WorldTests {
    @Test("the demo world is valid and holds case 42 and Kenny Smith")
    func demo() {
        #expect(World.demo.problems.isEmpty)
        #expect(World.demo.caseRecord(42)?.title == "Printer on fire")
        #expect(World.demo.contact(named: "kenny smith")?.name == "Kenny Smith")
    }

    @Test("the demo world has customers enough for an hour of rush, with varied names")
    func demoIsBigEnoughForARush() {
        let world = World.demo
        #expect(world.contacts.count >= 40)
        #expect(world.accounts.count >= 5)
        #expect(world.cases.count >= 8)
        let surnames = Set(world.contacts.compactMap { $0.name.split(separator: " ").last })
        let initials = Set(world.contacts.compactMap { $0.name.first })
        #expect(surnames.count == world.contacts.count)
        #expect(initials.count >= 20)
        // a rush hour's named requests (about 80 an hour, 60% of them from contacts) find enough free ones
        var shell = Interpreter(state: PanelState(world: world))
        _ = shell.handle("traffic rush --seed 5")
        _ = shell.advanceClock(to: 3_600)
        let named = Set(shell.state.everyConversation.values.compactMap(\.customer))
        #expect(named.count >= 30)
    }

    @Test("duplicate records, empty names and bad numbers are problems")
    func problems() throws {
        let world = World(
            contacts: [.init(name: "A"), .init(name: "a")], accounts: [.init(name: " ")],
            cases: [.init(number: 1, title: "x"), .init(number: 1, title: "y"), .init(number: -2, title: "z")],
            workItems: [.init(id: 0, channel: .chat, customer: nil, stream: .open)])
        #expect(
            world.problems == [
                "contact \"a\" appears twice", "case 1 appears twice",
                "a contact, account or case has an empty name or title",
                "case -2 is out of range (0 to 999999999999999)", "work item W0 is out of range (1 to 999999999999999)",
            ])
    }

    @Test("work items start in their streams; visitors among them get visitor numbers")
    func workItems() throws {
        let state = PanelState(
            world: World(workItems: [
                .init(id: 5, channel: .sms, customer: nil, stream: .closed),
                .init(id: 6, channel: .chat, customer: "Ann", stream: .mine),
            ]))
        #expect(try state.listed(.closed).map(\.title) == ["Visitor 1"])
        #expect(try state.listed(.mine).map(\.state) == [.active])
        #expect(state.visitorCount == 1)
    }
}
