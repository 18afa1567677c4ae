/// The knowledge base's and quick replies' lists, fitted to the width.
extension OutcomeItemRenderer {
    /// `kb search`'s list: each article's id and title, one a line.
    func articles(_ articles: [World.Article]) -> [String] {
        guard !articles.isEmpty else { return ["No articles match."] }
        let idWidth = articles.map { String($0.id).count }.max() ?? 1
        return articles.map { article in
            let id = String(repeating: " ", count: idWidth - String(article.id).count) + String(article.id)
            return fitted("\(id)  \(style.shown(article.title))")
        }
    }

    /// An article as its KB Search tab shows it: its title, then its body wrapped to the width.
    func article(_ article: World.Article) -> [String] {
        [fitted("KB Search · Article \(article.id): \(style.shown(article.title))")]
            + Self.wrapped(style.shown(article.body), width: style.width)
    }

    /// A numbered quick-reply list, the agent's own marked.
    func quickReplies(_ replies: [World.QuickReply], personal: Int) -> [String] {
        guard !replies.isEmpty else { return ["No quick replies match."] }
        let numberWidth = String(replies.count).count
        return replies.enumerated().map { index, reply in
            let number = String(index + 1)
            let label =
                String(repeating: " ", count: numberWidth - number.count) + number + (index < personal ? "* " : "  ")
            return fitted(label + style.shown(reply.text))
        }
    }

    /// A line cut to the width.
    private func fitted(_ line: String) -> String { VisibleText.truncated(line, to: style.width) }

    /// `text` in lines of at most `width` columns, broken between words (a word longer than a line is cut).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let word = String(word)
            let size = VisibleText.width(word)
            if used > 0 && used + 1 + size > width {
                lines.append(line)
                line = ""
                used = 0
            }
            if used > 0 {
                line += " "
                used += 1
            }
            line += word
            used += size
            if used > width {
                lines.append(VisibleText.truncated(line, to: width))
                line = ""
                used = 0
            }
        }
        if used > 0 { lines.append(line) }
        return lines
    }
}
