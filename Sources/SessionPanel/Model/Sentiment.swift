/// The seven sentiment levels of a conversation, from most negative to most positive.
public enum Sentiment: Int, CaseIterable, Sendable, Codable, Comparable {
    case veryNegative = -3
    case negative = -2
    case slightlyNegative = -1
    case neutral = 0
    case slightlyPositive = 1
    case positive = 2
    case veryPositive = 3

    /// The command-line spelling, e.g. `slightly-negative`.
    public var name: String {
        switch self {
        case .veryNegative: "very-negative"
        case .negative: "negative"
        case .slightlyNegative: "slightly-negative"
        case .neutral: "neutral"
        case .slightlyPositive: "slightly-positive"
        case .positive: "positive"
        case .veryPositive: "very-positive"
        }
    }

    /// Parses the command-line spelling.
    public init?(name: String) {
        guard let level = Sentiment.allCases.first(where: { $0.name == name }) else { return nil }
        self = level
    }

    public static func < (lhs: Sentiment, rhs: Sentiment) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The administrator's sentiment alert threshold: the alert shows when sentiment falls to or below it.
public enum AlertThreshold: String, CaseIterable, Sendable, Codable {
    case off
    case slightlyNegative = "slightly-negative"
    case negative
    case veryNegative = "very-negative"

    /// The level at or below which the alert fires; `nil` when alerts are off.
    public var level: Sentiment? {
        switch self {
        case .off: nil
        case .slightlyNegative: .slightlyNegative
        case .negative: .negative
        case .veryNegative: .veryNegative
        }
    }

    /// Whether a session at `sentiment` shows the `!` alert.
    public func alerts(at sentiment: Sentiment) -> Bool {
        guard let level else { return false }
        return sentiment <= level
    }
}
