/// One page of a dashboard stream, as `dashboard` shows it.
public struct DashboardPage: Sendable, Equatable {
    /// The stream.
    public let stream: WorkStream
    /// Its work items on this page, by number.
    public let items: [Conversation]
    /// How many work items the stream lists in all.
    public let total: Int
    /// The page number, from 1.
    public let page: Int

    /// How many work items follow this page.
    public var remaining: Int { max(0, total - (page - 1) * PanelState.dashboardPageSize - items.count) }
}

extension PanelState {
    /// How many work items a page of a dashboard stream shows.
    public static let dashboardPageSize = 20

    /// `dashboard [<stream>] [--page N]`: page `page` of `stream`, or of every stream.
    func dashboard(_ stream: WorkStream?, page: Int) throws(CommandError) -> Outcome {
        var pages: [DashboardPage] = []
        for stream in stream.map({ [$0] }) ?? WorkStream.allCases {
            let found = try workItems(
                in: stream, offset: (page - 1) * Self.dashboardPageSize, limit: Self.dashboardPageSize)
            pages.append(DashboardPage(stream: stream, items: found.items, total: found.total, page: page))
        }
        return .answer([.dashboard(pages)])
    }
}
