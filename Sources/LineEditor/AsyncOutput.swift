/// What to show while a line is being edited, without touching the line: lines printed above it,
/// a new status at the right edge of the prompt, the terminal bell.
public struct PromptUpdate: Sendable, Equatable {
    /// Lines printed above the prompt, each a terminal row or more (escape sequences for colour allowed).
    public var lines: [String]
    /// The new status shown at the right of the prompt, or nil to keep the current one.
    public var status: String?
    /// Whether to ring the terminal bell once.
    public var ringsBell: Bool

    /// Creates an update; by default it shows nothing.
    public init(lines: [String] = [], status: String? = nil, ringsBell: Bool = false) {
        self.lines = lines
        self.status = status
        self.ringsBell = ringsBell
    }
}

/// Where the prompt and the line being edited sit on the terminal, and the bytes that print output
/// above them. The technique of lldb's `Editline::PrintAsync`: move from the cursor to the prompt's
/// first row, erase to the end of the screen, write the output, then let libedit draw prompt, line
/// and cursor again (`EL_REFRESH`) below it. Pure, so that the arithmetic is tested without a terminal.
public struct EditedLineLayout: Sendable, Equatable {
    /// The terminal's width.
    public var columns: Int
    /// Columns the prompt takes.
    public var promptWidth: Int
    /// Columns the text before the cursor takes.
    public var widthBeforeCursor: Int

    /// Creates the layout of a prompt and line drawn from the start of a row.
    public init(columns: Int, promptWidth: Int, widthBeforeCursor: Int) {
        self.columns = columns
        self.promptWidth = promptWidth
        self.widthBeforeCursor = widthBeforeCursor
    }

    /// Rows between the prompt's first row and the cursor's. A cursor just past the last column is at
    /// the start of the next row: libedit moves it there (it does not leave the terminal's pending wrap).
    public var cursorRow: Int { max(0, promptWidth + widthBeforeCursor) / max(1, columns) }

    /// From the cursor to the first column of the prompt's row, then erase to the end of the screen
    /// (the line's later rows and the right prompt with it).
    public var erase: String {
        "\r" + (cursorRow > 0 ? "\u{1B}[\(cursorRow)A" : "") + "\u{1B}[J"
    }

    /// What to write for `update`, and whether prompt and line must then be drawn again: the bell
    /// alone leaves the line be; lines, or a status that changed, erase it first and print the lines
    /// where it was.
    public func drawing(_ update: PromptUpdate, statusChanged: Bool) -> (text: String, redrawsLine: Bool) {
        let bell = update.ringsBell ? "\u{07}" : ""
        guard !update.lines.isEmpty || statusChanged else { return (bell, false) }
        return (bell + erase + update.lines.map { $0 + "\n" }.joined(), true)
    }
}
