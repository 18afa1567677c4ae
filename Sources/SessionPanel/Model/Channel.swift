/// The channel a customer conversation arrives on.
public enum Channel: String, CaseIterable, Sendable, Codable, Hashable {
    case chat
    case sms
    case voice
    case social

    /// How the channel is named to an agent.
    public var displayName: String {
        switch self {
        case .chat: "Chat"
        case .sms: "SMS"
        case .voice: "Voice"
        case .social: "Social"
        }
    }

    /// Whether closing a session (without ending it) re-queues the conversation (live channels)
    /// rather than parking it in Waiting (persistent and asynchronous channels).
    public func isLive(chatMode: ChatMode) -> Bool {
        switch self {
        case .voice: true
        case .chat: chatMode == .live
        case .sms, .social: false
        }
    }
}

/// How the organisation runs chat: live chat is re-queued when a session closes without End;
/// persistent chat waits for the customer to come back.
public enum ChatMode: String, CaseIterable, Sendable, Codable {
    case live
    case persistent
}
