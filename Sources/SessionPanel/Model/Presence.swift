/// The agent's presence status.
public enum Presence: String, CaseIterable, Sendable, Codable {
    case available
    case busy
    case doNotDisturb = "dnd"
    case away
    case offline
    /// Set by the system only, after a missed notification.
    case inactive

    /// How the status is named to an agent.
    public var displayName: String {
        switch self {
        case .available: "Available"
        case .busy: "Busy"
        case .doNotDisturb: "Do not disturb"
        case .away: "Away"
        case .offline: "Offline"
        case .inactive: "Inactive"
        }
    }

    /// The statuses an agent may choose (Inactive is the system's).
    public static let selectable: [Presence] = [.available, .busy, .doNotDisturb, .away, .offline]
}
