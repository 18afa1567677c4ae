/// How busy the generated traffic is: `traffic off|light|steady|rush`.
public enum TrafficProfile: String, CaseIterable, Sendable, Codable {
    case off, light, steady, rush

    /// What the profile is like, for `help traffic` and completion.
    public var summary: String {
        switch self {
        case .off: "no generated customers (scheduled 'at' lines still run)"
        case .light: "a quiet hour: about 12 requests an hour, patient customers"
        case .steady: "an ordinary hour: about 30 requests an hour"
        case .rush: "rush hour: about 80 requests an hour, impatient customers"
        }
    }

    /// The profile's parameters; `nil` for `off`.
    public var parameters: TrafficParameters? {
        switch self {
        case .off: nil
        case .light:
            TrafficParameters(
                chatPerHour: 6, smsPerHour: 3, voicePerHour: 2, socialPerHour: 1, visitorPercent: 30,
                messageInterval: 90, patience: 180, queuePatience: 300, returnAfter: 900)
        case .steady: TrafficParameters()
        case .rush:
            TrafficParameters(
                chatPerHour: 40, smsPerHour: 15, voicePerHour: 15, socialPerHour: 10, visitorPercent: 40,
                messageInterval: 40, patience: 60, queuePatience: 150, returnAfter: 300)
        }
    }
}

/// What generated customers do, changeable with `config` (the `traffic <profile>` command sets them all).
public struct TrafficParameters: Sendable, Codable, Equatable {
    /// New chat requests per hour (each channel is a Poisson process of its own).
    public var chatPerHour: Int
    /// New SMS requests per hour.
    public var smsPerHour: Int
    /// New voice calls per hour.
    public var voicePerHour: Int
    /// New social requests per hour.
    public var socialPerHour: Int
    /// The share of requests from unauthenticated visitors, in percent.
    public var visitorPercent: Int
    /// The average seconds between a customer's messages in an accepted conversation (chat, SMS, social).
    public var messageInterval: Int
    /// Seconds a customer waits for a reply before sentiment drops a level (and again after as long).
    public var patience: Int
    /// Seconds a new request waits, unaccepted, before the customer leaves (abandoned).
    public var queuePatience: Int
    /// The average seconds before a customer comes back to a waiting (parked) conversation.
    public var returnAfter: Int

    /// Creates parameters; the defaults are the `steady` profile's.
    public init(
        chatPerHour: Int = 15, smsPerHour: Int = 6, voicePerHour: Int = 6, socialPerHour: Int = 3,
        visitorPercent: Int = 30, messageInterval: Int = 60, patience: Int = 120, queuePatience: Int = 240,
        returnAfter: Int = 600
    ) {
        self.chatPerHour = chatPerHour
        self.smsPerHour = smsPerHour
        self.voicePerHour = voicePerHour
        self.socialPerHour = socialPerHour
        self.visitorPercent = visitorPercent
        self.messageInterval = messageInterval
        self.patience = patience
        self.queuePatience = queuePatience
        self.returnAfter = returnAfter
    }

    /// New requests per hour on `channel`.
    public func arrivalsPerHour(on channel: Channel) -> Int {
        switch channel {
        case .chat: chatPerHour
        case .sms: smsPerHour
        case .voice: voicePerHour
        case .social: socialPerHour
        }
    }
}
