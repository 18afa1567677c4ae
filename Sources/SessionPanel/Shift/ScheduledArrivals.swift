/// The `incoming` lines a scenario scheduled (`at 5m incoming chat "Kenny Smith"`) and not yet due,
/// by customer: whether a customer an `at` line names arrives by a given time is a look-up, not a
/// pass over every line scheduled before it (which made a long scenario cost the square of its length).
struct ScheduledArrivals: Sendable, Equatable {
    /// Each named customer's requests (by lowercased name).
    private var named: [String: EventQueue] = [:]
    /// Visitors' requests.
    private var visitors = EventQueue()

    /// No line.
    init() {}

    /// The `incoming` lines among `events`.
    init(_ events: some Sequence<ShiftEvent>) {
        for event in events { add(event) }
    }

    /// Notes `event` when it is an `incoming` line.
    mutating func add(_ event: ShiftEvent) {
        guard let customer = Self.customer(of: event) else { return }
        if let name = customer {
            named[name.lowercased(), default: EventQueue()].insert(event)
        } else {
            visitors.insert(event)
        }
    }

    /// Forgets `event`, the earliest of the agenda, which just fell due.
    mutating func removeEarliest(_ event: ShiftEvent) {
        guard let customer = Self.customer(of: event) else { return }
        if let name = customer {
            let key = name.lowercased()
            _ = named[key]?.removeFirst()
            if named[key]?.events.isEmpty == true { named[key] = nil }
        } else if !visitors.events.isEmpty {
            _ = visitors.removeFirst()
        }
    }

    /// When the earliest request of the customer named `name` (any case) comes, if one is scheduled.
    func earliest(of name: String) -> Int? { named[name.lowercased()]?.events.first?.time }

    /// How many visitors' requests come by `time`.
    func visitorCount(by time: Int) -> Int { visitors.count(by: time) }

    /// The customer of an `incoming` line (`nil` inside for a visitor), or `nil` for any other event.
    private static func customer(of event: ShiftEvent) -> String?? {
        guard case .scheduled(let line) = event.kind,
            case .incoming(_, let customer, _)? = try? CommandParser.parse(InputLine(Array(line.utf8)))
        else { return nil }
        return .some(customer)
    }
}
