/// The `incoming` lines a scenario scheduled (`at 5m incoming chat "Kenny Smith"`) and not yet due,
/// by customer: whether a customer an `at` line names arrives by a given time is a look-up, not a
/// pass over every line scheduled before it (which made a long scenario cost the square of its length).
struct ScheduledArrivals: Sendable {
    /// When each named customer's requests come (by lowercased name), earliest first.
    private var named: [String: [Int]] = [:]
    /// When visitors' requests come, earliest first, from ``visitorsStart`` on: the earliest go
    /// first, so they are dropped by moving the start, not by moving the rest.
    private var visitors: [Int] = []
    private var visitorsStart = 0

    /// No line.
    init() {}

    /// The `incoming` lines among `events`.
    init(_ events: [ShiftEvent]) {
        for event in events { add(event) }
    }

    /// Notes `event` when it is an `incoming` line.
    mutating func add(_ event: ShiftEvent) {
        guard let customer = Self.customer(of: event) else { return }
        if let name = customer {
            let key = name.lowercased()
            var times = named.removeValue(forKey: key) ?? []
            times.insert(event.time, at: Self.end(of: event.time, in: times, time: \.self))
            named[key] = times
        } else {
            visitors.insert(event.time, at: Self.end(of: event.time, in: visitors, time: \.self))
        }
    }

    /// Forgets `event`, the earliest of the agenda, which just fell due.
    mutating func removeEarliest(_ event: ShiftEvent) {
        guard let customer = Self.customer(of: event) else { return }
        if let name = customer {
            let key = name.lowercased()
            named[key]?.removeFirst()
            if named[key]?.isEmpty == true { named[key] = nil }
        } else if visitorsStart < visitors.count {
            visitorsStart += 1
            if visitorsStart * 2 > visitors.count {
                visitors.removeFirst(visitorsStart)
                visitorsStart = 0
            }
        }
    }

    /// When the earliest request of the customer named `name` (any case) comes, if one is scheduled.
    func earliest(of name: String) -> Int? { named[name.lowercased()]?.first }

    /// How many visitors' requests come by `time`.
    func visitorCount(by time: Int) -> Int {
        Self.end(of: time, in: visitors[visitorsStart...], time: \.self) - visitorsStart
    }

    /// The customer of an `incoming` line (`nil` inside for a visitor), or `nil` for any other event.
    private static func customer(of event: ShiftEvent) -> String?? {
        guard case .scheduled(let line) = event.kind,
            case .incoming(_, let customer)? = try? CommandParser.parse(InputLine(Array(line.utf8)))
        else { return nil }
        return .some(customer)
    }

    /// The index after the last element of the sorted `elements` whose time is at most `time`.
    static func end<Elements: RandomAccessCollection>(
        of time: Int, in elements: Elements, time key: (Elements.Element) -> Int
    )
        -> Elements.Index where Elements.Index == Int
    {
        var low = elements.startIndex
        var high = elements.endIndex
        while low < high {
            let middle = (low + high) / 2
            if key(elements[middle]) <= time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
