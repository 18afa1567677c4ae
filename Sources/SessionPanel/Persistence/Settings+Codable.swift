extension Settings {
    private enum CodingKeys: String, CodingKey {
        case threshold, maxSessions, maxTabs, notificationTimeout, waitingWindow, chatMode, capacity, autoPresence
        case bell, communicationLines, traffic, autoClose, requireDisposition
    }

    /// Reads settings as ``encode(to:)`` writes them; the live-shift settings, which files saved before
    /// them lack, take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        threshold = try container.decode(AlertThreshold.self, forKey: .threshold)
        maxSessions = try container.decode(Int.self, forKey: .maxSessions)
        maxTabs = try container.decode(Int.self, forKey: .maxTabs)
        notificationTimeout = try container.decode(Int.self, forKey: .notificationTimeout)
        waitingWindow = try container.decode(Int.self, forKey: .waitingWindow)
        chatMode = try container.decode(ChatMode.self, forKey: .chatMode)
        capacity = try container.decode(Int.self, forKey: .capacity)
        autoPresence = try container.decode(Bool.self, forKey: .autoPresence)
        bell = try container.decodeIfPresent(Bool.self, forKey: .bell) ?? bell
        communicationLines = try container.decodeIfPresent(Int.self, forKey: .communicationLines) ?? communicationLines
        traffic = try container.decodeIfPresent(TrafficParameters.self, forKey: .traffic) ?? traffic
        autoClose = try container.decodeIfPresent(AutoCloseTimes.self, forKey: .autoClose) ?? autoClose
        requireDisposition =
            try container.decodeIfPresent(Bool.self, forKey: .requireDisposition) ?? requireDisposition
    }

    /// Writes every setting.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(threshold, forKey: .threshold)
        try container.encode(maxSessions, forKey: .maxSessions)
        try container.encode(maxTabs, forKey: .maxTabs)
        try container.encode(notificationTimeout, forKey: .notificationTimeout)
        try container.encode(waitingWindow, forKey: .waitingWindow)
        try container.encode(chatMode, forKey: .chatMode)
        try container.encode(capacity, forKey: .capacity)
        try container.encode(autoPresence, forKey: .autoPresence)
        try container.encode(bell, forKey: .bell)
        try container.encode(communicationLines, forKey: .communicationLines)
        try container.encode(traffic, forKey: .traffic)
        try container.encode(autoClose, forKey: .autoClose)
        try container.encode(requireDisposition, forKey: .requireDisposition)
    }
}
