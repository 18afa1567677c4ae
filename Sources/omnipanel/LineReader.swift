#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import SessionPanel

/// The lines of a file descriptor, each the raw bytes without its newline (invalid UTF-8 and NUL bytes
/// included, so the interpreter can refuse them with a clear message). A line longer than the shell
/// accepts is cut just past the limit, so a huge line costs no more memory than a long one.
struct LineReader: Sequence, IteratorProtocol {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false

    /// Reads from `descriptor` (not closed here).
    init(descriptor: Int32) { self.descriptor = descriptor }

    mutating func next() -> InputLine? {
        nextBytes().map(InputLine.init)
    }

    private mutating func nextBytes() -> [UInt8]? {
        var line: [UInt8] = []
        while true {
            if let newline = nextNewline() {
                append(buffer[start..<newline], to: &line)
                start = newline + 1
                return line
            }
            append(buffer[start...], to: &line)
            buffer.removeAll(keepingCapacity: true)
            start = 0
            guard !finished, fill() else {
                finished = true
                return line.isEmpty ? nil : line
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

    /// Reads the next chunk; false at the end of input or on an error.
    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer = Array(chunk[..<count])
            return true
        }
    }
}
