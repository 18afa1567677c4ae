/// What a session in the panel is about.
public enum SessionKind: Sendable, Codable, Hashable {
    /// The anchored Home session with the agent dashboard.
    case home
    /// A customer conversation, by work item number.
    case conversation(Int)
    /// A case record, by case number.
    case caseRecord(Int)
    /// A contact record, by name.
    case contact(String)
    /// An account record, by name.
    case account(String)
}

/// One entry of the session panel.
public struct Session: Sendable, Codable, Equatable, Identifiable {
    /// A stable identity (positions change as sessions close; ids do not).
    public let id: Int
    /// What the session is about.
    public private(set) var kind: SessionKind
    /// The title: customer, account or case title, or `Visitor N`.
    public var title: String
    /// Customer messages received while the session was not focused.
    public var unreadCount: Int
    /// The conversation's current sentiment.
    public var sentiment: Sentiment
    /// App tabs; the first is the anchor.
    public var tabs: [AppTab]
    /// Index of the focused tab.
    public var focusedTab: Int
    /// Unsaved form edits, in the order first typed.
    public var draft: [DraftField]
    /// Whether the session shows a closed work item that cannot be changed.
    public private(set) var readOnly: Bool

    /// Creates a session with an anchor tab (the session manager gives a new session the tabs the product
    /// opens, `openingTabs(for:title:)`).
    public init(id: Int, kind: SessionKind, title: String, readOnly: Bool = false) {
        self.id = id
        self.kind = kind
        self.title = title
        self.unreadCount = 0
        self.sentiment = .neutral
        self.tabs = kind == .home ? [AppTab(.dashboard)] : [AppTab(.customerSummary), AppTab(.knowledgeSearch)]
        self.focusedTab = 0
        self.draft = []
        self.readOnly = readOnly
    }

    /// Whether this is the anchored Home session.
    public var isHome: Bool { kind == .home }

    /// The work item number when this is a conversation session.
    public var conversationID: Int? {
        if case .conversation(let id) = kind { return id }
        return nil
    }

    /// The icon: the first two letters of the title (or its first two characters when it has fewer letters).
    public var initials: String {
        if VisibleText.isPrintableASCII(title) {  // the common case, byte by byte: the letters are A–Z and a–z
            var letters: (UInt8, UInt8) = (0, 0)
            var found = 0
            for byte in title.utf8 where (0x41...0x5A).contains(byte & 0xDF) {
                if found == 0 { letters.0 = byte } else { letters.1 = byte }
                found += 1
                if found == 2 { return String(decoding: [letters.0, letters.1], as: UTF8.self) }
            }
            return String(title.utf8.prefix(2))!
        }
        let letters = String(title.lazy.filter { $0.isLetter }.prefix(2))
        return letters.count >= 2 ? letters : String(title.prefix(2))
    }

    /// The unread badge: the count 1–9, `9+` for ten or more, `nil` for none.
    public var unreadBadge: String? {
        switch unreadCount {
        case ...0: nil
        case 1...9: String(unreadCount)
        default: "9+"
        }
    }
}

/// One unsaved form field.
public struct DraftField: Sendable, Codable, Equatable {
    /// The field name, e.g. `title`.
    public private(set) var field: String
    /// The text typed so far.
    public var value: String
    /// Creates a field edit.
    public init(field: String, value: String) {
        self.field = field
        self.value = value
    }
}

/// A conversation request waiting for Accept or Reject.
public struct IncomingNotification: Sendable, Codable, Equatable {
    /// The conversation it offers.
    public private(set) var conversationID: Int
    /// When it arrived, in simulated seconds.
    public private(set) var arrivedAt: Int
    /// Whether the customer is returning to a waiting conversation.
    public private(set) var isReturning: Bool

    /// Creates a notification.
    public init(conversationID: Int, arrivedAt: Int, isReturning: Bool) {
        self.conversationID = conversationID
        self.arrivedAt = arrivedAt
        self.isReturning = isReturning
    }
}
