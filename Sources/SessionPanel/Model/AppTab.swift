/// An application tab inside a session.
public struct AppTab: Sendable, Codable, Equatable {
    /// What a tab shows.
    public enum Content: Sendable, Codable, Equatable {
        /// The anchor tab of a customer session; it cannot be closed.
        case customerSummary
        /// The anchor tab of Home.
        case dashboard
        /// The anchor tab of a record session: the record itself, titled by its entity (`Case 42: Printer on fire`).
        case entity(String)
        /// Knowledge base search.
        case knowledgeSearch
        /// A record opened by id.
        case record(String)
        /// A line-of-business application by name.
        case app(String)
    }

    /// What the tab shows.
    public var content: Content

    /// Creates a tab.
    public init(_ content: Content) { self.content = content }

    /// Whether this is an anchor tab (which cannot be closed).
    public var isAnchor: Bool {
        switch content {
        case .customerSummary, .dashboard, .entity: true
        case .knowledgeSearch, .record, .app: false
        }
    }

    /// The message when a session has no room for another tab.
    public static let maximumTabsMessage = "Maximum tabs reached. Close a tab in this session before opening another."

    /// The tab's label.
    public var title: String {
        switch content {
        case .customerSummary: "Customer summary"
        case .dashboard: "Agent dashboard"
        case .entity(let title): title
        case .knowledgeSearch: "KB Search"
        case .record(let id): "Record \(id)"
        case .app(let name): name
        }
    }
}
