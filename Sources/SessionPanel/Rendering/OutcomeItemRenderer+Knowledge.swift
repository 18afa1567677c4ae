/// The knowledge base's and quick replies' lists, fitted to the width: a line too long wraps at words
/// under its text, so a title or reply is read whole at 30 columns as at 140.
extension OutcomeItemRenderer {
    /// `kb search`'s list: each article's id and title, one a line.
    func articles(_ articles: [World.Article]) -> [String] {
        guard !articles.isEmpty else { return ["No articles match."] }
        let idWidth = articles.map { String($0.id).count }.max() ?? 1
        return style.fitted(
            articles.map { article in
                rightAligned(article.id, in: idWidth) + "  " + style.shown(article.title)
            }, indent: idWidth + 2)
    }

    /// An article as its KB Search tab shows it: its title, then its body, which is wrapped to the width
    /// in files and pipes too (it is a page to read, not a sentence to find).
    func article(_ article: World.Article) -> [String] {
        style.fitted(["KB Search · Article \(article.id): \(style.shown(article.title))"])
            + Wrapping.lines(style.shown(article.body), width: style.width, indent: 0)
    }

    /// A numbered quick-reply list, the agent's own marked.
    func quickReplies(_ replies: [World.QuickReply], personal: Int) -> [String] {
        guard !replies.isEmpty else { return ["No quick replies match."] }
        let numberWidth = String(replies.count).count
        return style.fitted(
            replies.enumerated().map { index, reply in
                rightAligned(index + 1, in: numberWidth)
                    + (index < personal ? "* " : "  ") + style.shown(reply.text)
            }, indent: numberWidth + 2)
    }

    /// `number` in decimal, spaces before it up to `columns`.
    private func rightAligned(_ number: Int, in columns: Int) -> String {
        let digits = String(number)
        return VisibleText.repeated(" ", columns - digits.count) + digits
    }
}
