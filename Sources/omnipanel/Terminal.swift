#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import CommandLineInterface
import SessionPanel

/// Facts about the terminal, read when needed (the width can change between commands).
enum Terminal {
    /// Whether standard input is a terminal.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// Whether standard output is a terminal.
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The terminal's columns, or `nil` when standard output is not a terminal.
    static var columns: Int? {
        var size = winsize()
        guard outputIsTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The rendering style for standard output under `options`.
    static func style(for options: ShellOptions) -> RenderStyle {
        RenderStyle.resolve(
            options.color, isTerminal: outputIsTerminal,
            noColor: getenv("NO_COLOR").map { $0.pointee != 0 } ?? false,
            term: getenv("TERM").map { String(cString: $0) },
            terminalColumns: columns, width: options.width)
    }
}

/// Writes text to standard output and standard error through a buffer of its own, keeping the two
/// in order. A closed pipe (`omnipanel -c show | head -1`) ends the program quietly, with status 0.
enum Output {
    nonisolated(unsafe) private static var pending: [UInt8] = []

    /// SIGPIPE is ignored before the first write, so writing to a closed pipe fails with EPIPE, which
    /// ends the program quietly, instead of killing it with a signal the calling shell may report.
    private static let brokenPipesFail: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Writes lines to standard output.
    static func print(_ lines: [String]) {
        for var line in lines {
            line.withUTF8 { pending.append(contentsOf: $0) }  // far cheaper than appending the UTF-8 view
            pending.append(0x0A)
        }
        if pending.count >= 1 << 16 { flush() }
    }

    /// Writes text to standard output without a newline, and flushes it (for questions).
    static func ask(_ text: String) {
        pending += text.utf8
        flush()
    }

    /// Writes one line to standard error, after flushing standard output so the two stay in order.
    static func error(_ line: String) {
        flush()
        writeAll(Array((line + "\n").utf8), to: STDERR_FILENO)
    }

    /// Sends what is buffered to standard output.
    static func flush() {
        guard !pending.isEmpty else { return }
        writeAll(pending, to: STDOUT_FILENO)
        pending.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        brokenPipesFail
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                if descriptor == STDOUT_FILENO { exit(0) }
                return
            }
            offset += written
        }
    }
}
