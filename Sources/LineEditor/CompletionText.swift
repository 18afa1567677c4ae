import CEditLine

/// Pure text helpers for completion: common prefixes, terminal widths and the candidate listing.
enum CompletionText {
    /// What Tab inserts for the one candidate `text`: the word and a space to type the next one after,
    /// unless it ends a path or an option (`/`, `=`) or the line already goes on with a space after the
    /// cursor (`sw| 1` becomes `switch 1`, not `switch  1`).
    static func insertion(_ text: String, before after: String) -> String {
        if text.hasSuffix("/") || text.hasSuffix("=") { return text }
        return after.first?.isWhitespace == true ? text : text + " "
    }

    /// The longest prefix, compared Character by Character, that all `texts` share.
    static func longestCommonPrefix(_ texts: [String]) -> String {
        guard var prefix = texts.first.map({ Substring($0) }) else { return "" }
        for text in texts.dropFirst() {
            prefix = prefix.prefix(zip(prefix, text).prefix { $0 == $1 }.count)
        }
        return String(prefix)
    }

    /// The number of terminal columns `text` occupies (wide characters count 2, combining marks 0).
    static func displayWidth(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + max(0, Int(cel_char_width(Int32(bitPattern: $1.value)))) }
    }

    /// The candidate listing shown under the prompt, each row ending in a newline.
    ///
    /// With descriptions: one candidate per row as `text  — description`, descriptions aligned.
    /// Without: the texts in as many columns as fit in `columns`, filled top to bottom.
    static func listing(_ candidates: [TabCompletion.Candidate], columns: Int) -> String {
        let texts = candidates.map(\.text)
        let widths = texts.map(displayWidth)
        let textWidth = widths.max() ?? 0
        if candidates.contains(where: { !$0.description.isEmpty }) {
            return zip(candidates, widths).map { candidate, width in
                guard !candidate.description.isEmpty else { return candidate.text + "\n" }
                return candidate.text + padding(textWidth - width) + "  — " + candidate.description + "\n"
            }.joined()
        }
        let cellWidth = textWidth + 2
        let perRow = max(1, (columns + 2) / cellWidth)
        let rows = (texts.count + perRow - 1) / perRow
        return (0..<rows).map { row in
            stride(from: row, to: texts.count, by: rows).map { index in
                index + rows < texts.count ? texts[index] + padding(cellWidth - widths[index]) : texts[index]
            }.joined() + "\n"
        }.joined()
    }

    private static func padding(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width))
    }
}
