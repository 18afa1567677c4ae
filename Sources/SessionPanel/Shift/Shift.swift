/// The live side of a shift: generated traffic, the scenario's timeline, and the shift's history.
///
/// Part of ``PanelState`` and saved with it, so a saved shift resumes where it stopped: the profile,
/// the seed and how many draws each stream has used, the events still to come, and the log.
public struct Shift: Sendable, Codable, Equatable {
    /// The traffic profile running (`off` when none).
    public internal(set) var profile: TrafficProfile = .off
    /// The seed of the generated traffic.
    public internal(set) var seed: UInt64 = 0
    /// How many arrivals each channel has drawn, in ``Channel/allCases`` order.
    var arrivalDraws: [UInt64] = [0, 0, 0, 0]
    /// The events still to come.
    public internal(set) var agenda = ShiftAgenda()
    /// What each generated customer still has in mind, by work item number.
    var customers: [Int: GeneratedCustomer] = [:]
    /// The history, for `report`.
    public internal(set) var log = ShiftLog()
    /// The customers a scenario's `at` lines name (lowercased), whom generated traffic never brings.
    public internal(set) var scenarioCustomers: Set<String> = []

    /// No traffic, nothing scheduled, nothing logged.
    public init() {}

    private enum CodingKeys: String, CodingKey {
        case profile, seed, arrivalDraws, agenda, customers, log, scenarioCustomers
    }

    /// Reads a shift as encoding writes it; one saved before scenarios were remembered has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        profile = try container.decode(TrafficProfile.self, forKey: .profile)
        seed = try container.decode(UInt64.self, forKey: .seed)
        arrivalDraws = try container.decode([UInt64].self, forKey: .arrivalDraws)
        agenda = try container.decode(ShiftAgenda.self, forKey: .agenda)
        customers = try container.decode([Int: GeneratedCustomer].self, forKey: .customers)
        log = try container.decode(ShiftLog.self, forKey: .log)
        scenarioCustomers = try container.decodeIfPresent(Set<String>.self, forKey: .scenarioCustomers) ?? []
    }

    /// Writes the shift; the scenario's customers sorted, so the same shift is saved the same way.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(profile, forKey: .profile)
        try container.encode(seed, forKey: .seed)
        try container.encode(arrivalDraws, forKey: .arrivalDraws)
        try container.encode(agenda, forKey: .agenda)
        try container.encode(customers, forKey: .customers)
        try container.encode(log, forKey: .log)
        try container.encode(scenarioCustomers.sorted(), forKey: .scenarioCustomers)
    }

    /// The generator for the current seed.
    var random: ShiftRandom { ShiftRandom(seed: seed) }
}

/// A customer the traffic generator brought, or a scenario's customer given `--patience`: what they
/// will still do.
struct GeneratedCustomer: Sendable, Codable, Equatable {
    /// The stream of random draws for this customer (independent of every other customer's).
    let stream: UInt64
    /// How many draws this customer has used.
    var draws: UInt64 = 0
    /// Messages still to write in the conversation once accepted.
    var messagesLeft: Int
    /// Messages written so far.
    var messagesSent = 0
    /// Sentiment levels lost to impatience since the agent last replied; a reply gives them back.
    var impatienceDrop = 0
    /// Whether an agent has accepted (or picked) the conversation: the customer no longer abandons.
    var wasAnswered = false
    /// Seconds without a reply before sentiment drops a level, when the customer has their own
    /// (`incoming --patience`); the traffic's `patience` otherwise.
    var patience: Int?
    /// Set for a customer a trainer brought (`incoming --patience`), not generated traffic: only their
    /// patience is simulated; they never write or leave on their own.
    var isScripted: Bool?

    /// The next draw of this customer's stream.
    mutating func nextDraw() -> UInt64 {
        draws += 1
        return draws
    }
}
