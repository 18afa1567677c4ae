import SessionPanel
import SystemIO

/// Facts about the terminal, read when needed (the width can change between commands).
enum Terminal {
    /// Whether standard input is a terminal.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// Whether standard output is a terminal.
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The terminal's columns, or `nil` when standard output is not a terminal.
    static var columns: Int? { size.flatMap { $0.ws_col > 0 ? Int($0.ws_col) : nil } }

    /// The terminal's rows, or `nil` when standard output is not a terminal.
    static var rows: Int? { size.flatMap { $0.ws_row > 0 ? Int($0.ws_row) : nil } }

    /// Standard output's window size, or `nil` when it is not a terminal.
    private static var size: winsize? {
        var size = winsize()
        guard outputIsTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
        return size
    }

    /// The rendering style for standard output under `options`; with `onTerminal`, as a terminal
    /// would get it whatever standard output is (an asciinema recording plays on a terminal).
    static func style(for options: RunOptions, onTerminal: Bool = false) -> RenderStyle {
        RenderStyle.resolve(
            options.color, isTerminal: onTerminal || outputIsTerminal,
            noColor: getenv("NO_COLOR").map { $0.pointee != 0 } ?? false,
            term: getenv("TERM").map { String(cString: $0) },
            terminalColumns: columns, width: options.width)
    }
}
