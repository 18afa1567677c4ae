import SessionPanel
import SystemIO

/// Writes text to standard output and standard error through a buffer of its own, keeping the two
/// in order. A closed pipe (`omnipanel -c show | head -1`) ends the program quietly, with status 0;
/// any other failure to write standard output (`> /dev/full`) ends it with an error and status 1.
enum Output {
    nonisolated(unsafe) private static var pending: [UInt8] = []

    /// SIGPIPE is ignored before the first write, so writing to a closed pipe fails with EPIPE, which
    /// ends the program quietly, instead of killing it with a signal the calling shell may report.
    private static let brokenPipesFail: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Writes lines to standard output.
    static func print(_ lines: [String]) {
        if append(lines, to: &pending) >= 1 << 16 { flush() }
    }

    /// Appends each line and a newline to `buffer` (one access to it for all the lines, rather than
    /// an exclusivity check per line); returns the buffer's length.
    private static func append(_ lines: [String], to buffer: inout [UInt8]) -> Int {
        for var line in lines {
            line.withUTF8 { buffer.append(contentsOf: $0) }  // far cheaper than appending the UTF-8 view
            buffer.append(0x0A)
        }
        return buffer.count
    }

    /// Writes text to standard output without a newline, and flushes it (for questions).
    static func ask(_ text: String) {
        pending += text.utf8
        flush()
    }

    /// Writes one line to standard error, after flushing standard output so the two stay in order.
    static func error(_ line: String) {
        flush()
        writeAll(Array((line + "\n").utf8), to: .standardError)
    }

    /// Sends what is buffered to standard output.
    static func flush() {
        guard !pending.isEmpty else { return }
        writeAll(pending, to: .standardOutput)
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes all of `bytes`. When standard output fails, the program ends: quietly with status 0 on a
    /// closed pipe (EPIPE), otherwise (a full disk, an I/O error) with one line on standard error and
    /// status 1, as the output the user asked for was lost. A failed write to standard error is dropped:
    /// there is nowhere left to say it.
    private static func writeAll(_ bytes: [UInt8], to descriptor: FileDescriptor) {
        brokenPipesFail
        do throws(SystemError) {
            try descriptor.write(bytes)
        } catch {
            guard descriptor == .standardOutput else { return }
            if error.code == EPIPE { exit(0) }
            // Straight to standard error: ``error(_:)`` would flush standard output, which just failed.
            let lines = Diagnostic("cannot write to standard output: \(error)").lines
            try? FileDescriptor.standardError.write(Array(lines.map { $0 + "\n" }.joined().utf8))
            exit(1)
        }
    }
}
