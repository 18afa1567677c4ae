import LineEditor
import SessionPanel
import SystemIO

/// The lines a script run reads, and why reading stopped early, if it did.
protocol ScriptLines: Sequence<InputLine> {
    /// Why the input could not be read to its end (`Is a directory`), once the lines have run out.
    var readFailure: String? { get }
    /// SIGTERM or SIGHUP, when one ended the input (see ``watchIdle(_:)``).
    var terminationSignal: Int32? { get }
    /// Calls `action` each time the next line has not come within ``LineReader/idleMilliseconds``
    /// (reading then waits on), and ends the input at SIGTERM or SIGHUP, caught from now on. Lines
    /// already in memory (`-c`, one-shot words) never wait.
    func watchIdle(_ action: @escaping () -> Void)
}

extension Array: ScriptLines where Element == InputLine {
    var readFailure: String? { nil }
    var terminationSignal: Int32? { nil }
    func watchIdle(_ action: @escaping () -> Void) {}
}

/// The lines of a file descriptor, each the raw bytes without its newline (invalid UTF-8 and NUL bytes
/// included, so the interpreter can refuse them with a clear message). A line longer than the shell
/// accepts is cut just past the limit, so a huge line costs no more memory than a long one, and the
/// rest of it is skipped up to ``maximumLineBytes``; past that (`run /dev/zero`) reading stops with a
/// ``readFailure``, as it does on a read error: a directory or a failing disk is not an empty script.
final class LineReader: ScriptLines, IteratorProtocol {
    /// The longest line skipped to its end; a longer one ends the input.
    static let maximumLineBytes = 16 << 20
    /// How long the input stays silent before the reader calls it idle (``watchIdle(_:)``).
    static let idleMilliseconds = 100

    private let descriptor: FileDescriptor
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var finished = false
    private var lineNumber = 0
    private(set) var readFailure: String?
    private(set) var terminationSignal: Int32?
    /// What to do when the input is idle, once watched.
    private var onIdle: (() -> Void)?

    /// Reads from `descriptor` (not closed here).
    init(descriptor: FileDescriptor) { self.descriptor = descriptor }

    func next() -> InputLine? {
        if onIdle != nil, let signal = InputWait.pendingTermination {
            terminationSignal = signal
            finished = true
            return nil
        }
        return nextBytes().map(InputLine.init)
    }

    func watchIdle(_ action: @escaping () -> Void) {
        InputWait.catchTermination()
        onIdle = action
    }

    private func nextBytes() -> [UInt8]? {
        var line: [UInt8] = []
        var length = 0  // the whole line's, cut or not
        lineNumber += 1
        while true {
            if let newline = nextNewline() {
                append(buffer[start..<newline], to: &line)
                start = newline + 1
                return line
            }
            length += buffer.count - start
            append(buffer[start...], to: &line)
            buffer.removeAll(keepingCapacity: true)
            start = 0
            if length > Self.maximumLineBytes, readFailure == nil {
                readFailure =
                    "line \(lineNumber) goes on for more than \(ByteCount(Self.maximumLineBytes)) without a newline; stopped reading"
                finished = true
            }
            guard !finished, fill() else {
                finished = true
                return line.isEmpty || terminationSignal != nil ? nil : line  // a signal drops a cut line
            }
        }
    }

    /// Where the next newline in the buffer is, found with `memchr` (a generic search costs far more).
    private func nextNewline() -> Int? {
        buffer.withUnsafeBytes { bytes in
            guard start < bytes.count, let found = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) else {
                return nil
            }
            return bytes.baseAddress!.distance(to: UnsafeRawPointer(found))
        }
    }

    private func append(_ bytes: ArraySlice<UInt8>, to line: inout [UInt8]) {
        let room = InputLine.maximumBytes + 1 - line.count
        guard room > 0 else { return }
        if line.isEmpty, bytes.count <= room {
            line = Array(bytes)  // the common case: one allocation of the right size
        } else {
            line += bytes.prefix(room)
        }
    }

    /// Reads the next chunk; false at the end of input or on an error (kept in ``readFailure``).
    private func fill() -> Bool {
        guard awaitInput() else { return false }
        do {
            let count = try descriptor.read(into: &chunk)
            guard count > 0 else { return false }
            buffer = Array(chunk[..<count])
            return true
        } catch {
            readFailure = "\(error)"
            return false
        }
    }

    /// Waits for input when idleness is watched, calling ``onIdle`` once if none comes within
    /// ``idleMilliseconds``; false when SIGTERM or SIGHUP ends the input.
    private func awaitInput() -> Bool {
        guard let onIdle else { return true }
        var result = InputWait.wait(for: descriptor.rawValue, milliseconds: Self.idleMilliseconds)
        if result == .timedOut {
            onIdle()
            result = InputWait.wait(for: descriptor.rawValue, milliseconds: nil)
        }
        guard case .terminated(let signal) = result else { return true }
        terminationSignal = signal
        return false
    }
}
