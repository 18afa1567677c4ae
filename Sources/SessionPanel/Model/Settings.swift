/// The administrator's and agent's settings, each changeable with `config <key> <value>`.
public struct Settings: Sendable, Codable, Equatable {
    /// Sentiment alert threshold.
    public var threshold: AlertThreshold = .slightlyNegative
    /// Most sessions open at once, Home included.
    public var maxSessions = 10
    /// Most app tabs in one session, the anchor tab included.
    public var maxTabs = 10
    /// Seconds before an unanswered notification is routed elsewhere.
    public var notificationTimeout = 120
    /// Seconds a waiting conversation stays resumable.
    public var waitingWindow = 28 * 86_400
    /// Whether chat is live (re-queued on close) or persistent (waits on close).
    public var chatMode: ChatMode = .live
    /// Conversations the agent can work at once before presence turns Do not disturb.
    public var capacity = 3
    /// Whether presence follows the agent's workload automatically.
    public var autoPresence = true
    /// Whether a new notification during a live shift rings the terminal bell.
    public var bell = true
    /// How many of the focused conversation's latest messages the Communication panel shows; 0 hides it.
    public var communicationLines = 4
    /// What generated customers do (`traffic <profile>` sets them all).
    public var traffic = TrafficParameters()
    /// Whether closing a conversation session needs a disposition code, whatever the world says.
    public var requireDisposition = false
    /// How long conversations wait in Wrap-up, or unanswered SMS and social requests Open, before they close by themselves.
    public var autoClose = AutoCloseTimes()

    /// The defaults.
    public init() {}
}

/// One `config` key: its name, what it accepts, and how to read and write it as text.
public struct SettingKey: Sendable {
    /// The key as typed, e.g. `threshold`.
    public let name: String
    /// What the key means.
    public let summary: String
    /// The accepted values as shown in help, e.g. `off|slightly-negative|…`.
    public let valueSyntax: String
    /// Fixed values offered by completion (empty for numbers and durations).
    public let choices: [String]
    /// The current value of the key, as text.
    public let read: @Sendable (Settings) -> String
    /// Sets the key from text, or returns `nil` when the text is not a valid value.
    public let write: @Sendable (Settings, String) -> Settings?

    /// Every setting, in the order `config` lists them.
    public static let all: [SettingKey] = [
        choice("threshold", "Sentiment alert threshold", \.threshold),
        number("max-sessions", "Most sessions open at once, Home included", \.maxSessions, 2...100_000),
        number("max-tabs", "Most app tabs in a session, the anchor included", \.maxTabs, 2...1_000),
        duration("notification-timeout", "How long a notification waits for Accept or Reject", \.notificationTimeout),
        duration("waiting-window", "How long a waiting conversation can be resumed", \.waitingWindow),
        choice("chat-mode", "live: closing re-queues chat; persistent: closing parks it in Waiting", \.chatMode),
        number("capacity", "Conversations at once before presence turns Do not disturb", \.capacity, 1...100_000),
        toggle("auto-presence", "Update presence automatically as work is assigned", \.autoPresence),
        toggle("bell", "Ring the terminal bell when a request arrives in a live shift", \.bell),
        toggle(
            "require-disposition", "Closing a conversation session needs a disposition code",
            \.requireDisposition),
        communicationPanel,
        number("arrivals-chat", "Generated chat requests per hour", \.traffic.chatPerHour, 0...3_600),
        number("arrivals-sms", "Generated SMS requests per hour", \.traffic.smsPerHour, 0...3_600),
        number("arrivals-voice", "Generated voice calls per hour", \.traffic.voicePerHour, 0...3_600),
        number("arrivals-social", "Generated social requests per hour", \.traffic.socialPerHour, 0...3_600),
        number(
            "visitors", "Percent of generated requests from unauthenticated visitors", \.traffic.visitorPercent, 0...100
        ),
        duration("message-interval", "Average time between a generated customer's messages", \.traffic.messageInterval),
        duration(
            "patience", "Time without a reply before a generated customer's sentiment drops a level", \.traffic.patience
        ),
        duration(
            "queue-patience", "Time a generated request waits unaccepted before the customer leaves",
            \.traffic.queuePatience),
        duration("return-after", "Average time before a parked generated customer comes back", \.traffic.returnAfter),
        wrapUpKey(.chat), wrapUpKey(.sms), wrapUpKey(.voice), wrapUpKey(.social), openKey(.sms), openKey(.social),
    ]

    /// `wrap-up-chat 15m`: how long a conversation on the channel stays in Wrap-up before it closes by itself.
    private static func wrapUpKey(_ channel: Channel) -> SettingKey {
        let path: WritableKeyPath<Settings, Int> & Sendable =
            switch channel {
            case .chat: \.autoClose.wrapUpChat
            case .sms: \.autoClose.wrapUpSMS
            case .voice: \.autoClose.wrapUpVoice
            case .social: \.autoClose.wrapUpSocial
            }
        return duration(
            "wrap-up-\(channel.rawValue)",
            "How long \(channel.displayName) conversations stay in Wrap-up before closing by themselves", path)
    }

    /// `open-sms 30d`: how long an unanswered request on an asynchronous channel stays Open before it closes.
    private static func openKey(_ channel: Channel) -> SettingKey {
        let path: WritableKeyPath<Settings, Int> & Sendable =
            channel == .sms ? \.autoClose.openSMS : \.autoClose.openSocial
        return duration(
            "open-\(channel.rawValue)",
            "How long unanswered \(channel.displayName) requests stay Open before closing by themselves", path)
    }

    /// `communication-panel off|1…20`: how many messages the Communication panel shows.
    private static let communicationPanel = key(
        "communication-panel", "Latest messages shown below a focused conversation (off hides them)",
        \.communicationLines, syntax: "off|1…20", choices: ["off", "4"],
        format: { $0 == 0 ? "off" : String($0) },
        parse: { $0 == "off" ? 0 : Int($0).flatMap { (1...20).contains($0) ? $0 : nil } })

    /// Looks a key up by name.
    public static func named(_ name: String) -> SettingKey? { all.first { $0.name == name } }

    /// A key over one settings field, given how its value is written as text and read back.
    private static func key<Value: Sendable>(
        _ name: String, _ summary: String, _ path: WritableKeyPath<Settings, Value> & Sendable,
        syntax: String, choices: [String] = [],
        format: @escaping @Sendable (Value) -> String, parse: @escaping @Sendable (String) -> Value?
    ) -> SettingKey {
        SettingKey(
            name: name, summary: summary, valueSyntax: syntax, choices: choices,
            read: { format($0[keyPath: path]) },
            write: { settings, text in
                guard let value = parse(text) else { return nil }
                var copy = settings
                copy[keyPath: path] = value
                return copy
            })
    }

    private static func choice<Value: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ summary: String, _ path: WritableKeyPath<Settings, Value> & Sendable
    ) -> SettingKey where Value.RawValue == String {
        let choices = Value.allCases.map(\.rawValue)
        return key(
            name, summary, path, syntax: choices.joined(separator: "|"), choices: choices,
            format: \.rawValue, parse: { Value(rawValue: $0) })
    }

    private static func number(
        _ name: String, _ summary: String, _ path: WritableKeyPath<Settings, Int> & Sendable, _ range: ClosedRange<Int>
    ) -> SettingKey {
        key(
            name, summary, path, syntax: "\(range.lowerBound)…\(range.upperBound)",
            format: { String($0) }, parse: { Int($0).flatMap { range.contains($0) ? $0 : nil } })
    }

    private static func duration(
        _ name: String, _ summary: String, _ path: WritableKeyPath<Settings, Int> & Sendable
    ) -> SettingKey {
        key(
            name, summary, path, syntax: "<duration, e.g. 90s, 2m, 28d>",
            format: { SimulatedDuration.format($0).replacingSpaces() }, parse: SimulatedDuration.parse)
    }

    private static func toggle(
        _ name: String, _ summary: String, _ path: WritableKeyPath<Settings, Bool> & Sendable
    ) -> SettingKey {
        key(
            name, summary, path, syntax: "on|off", choices: ["on", "off"],
            format: { $0 ? "on" : "off" }, parse: { $0 == "on" ? true : $0 == "off" ? false : nil })
    }
}

extension String {
    /// `1h 30m` → `1h30m`: a duration as it can be typed back.
    fileprivate func replacingSpaces() -> String { split(separator: " ").joined() }
}

/// How long conversations take to close by themselves, per channel (the product's auto-close settings).
public struct AutoCloseTimes: Sendable, Codable, Equatable {
    /// Seconds a chat stays in Wrap-up.
    public var wrapUpChat = 15 * 60
    /// Seconds an SMS conversation stays in Wrap-up.
    public var wrapUpSMS = 15 * 60
    /// Seconds a voice call stays in Wrap-up.
    public var wrapUpVoice = 15 * 60
    /// Seconds a social conversation stays in Wrap-up.
    public var wrapUpSocial = 15 * 60
    /// Seconds an unanswered SMS request stays Open.
    public var openSMS = 30 * 86_400
    /// Seconds an unanswered social request stays Open.
    public var openSocial = 30 * 86_400

    /// The defaults.
    public init() {}

    /// Seconds a conversation on `channel` stays in Wrap-up before it closes by itself.
    public func wrapUp(_ channel: Channel) -> Int {
        switch channel {
        case .chat: wrapUpChat
        case .sms: wrapUpSMS
        case .voice: wrapUpVoice
        case .social: wrapUpSocial
        }
    }

    /// Seconds an unanswered request on `channel` stays Open before it closes by itself; `nil` for chat and
    /// voice, whose customers leave the queue instead (``TrafficParameters/queuePatience``).
    public func open(_ channel: Channel) -> Int? {
        switch channel {
        case .sms: openSMS
        case .social: openSocial
        case .chat, .voice: nil
        }
    }
}
