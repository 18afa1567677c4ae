import CEditLine
import SystemIO

extension LineEditor {
    /// Reads one line without libedit: writes `prompt`, then reads standard input up to a newline.
    /// The terminal's own line discipline still offers Backspace, Ctrl-U and Ctrl-W; there is no
    /// history and no completion. Like the libedit path, it leaves the cursor at the start of a fresh
    /// row after Ctrl-C (`.interrupted`), Ctrl-D on an empty line (`.endOfInput`) and a termination signal.
    /// The caller installs the SIGINT handler that makes Ctrl-C interrupt the read.
    func readPlainLine(prompt: String) -> ReadResult {
        writeToTerminal(prompt)
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)  // one byte at a time: nothing past the newline is consumed
            if count == 1 {
                if byte == UInt8(ascii: "\n") { return .line(bytes) }
                bytes.append(byte)
                continue
            }
            let interrupted = count < 0 && errno == EINTR
            writeToTerminal("\n")
            if let signal = pendingTermination { return .terminated(signal: signal) }
            return interrupted ? .interrupted : .endOfInput
        }
    }

    /// Writes all of `text` to standard output now (a failed write is dropped, as libedit would).
    private func writeToTerminal(_ text: String) {
        try? FileDescriptor.standardOutput.write(Array(text.utf8))
    }
}
