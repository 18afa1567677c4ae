/// One end of a socket that carries newline-terminated lines, used without ever waiting: reads take
/// what has arrived, writes what the peer takes and keep the rest for later (a peer that stopped
/// reading — killed, suspended with Ctrl-Z — never blocks us; past ``backlogLimit`` it is given up).
public final class LineConnection {
    /// The connected socket (non-blocking), to wait on.
    public let descriptor: FileDescriptor
    private var framer: LineFramer
    /// Bytes written but not yet taken by the peer.
    private var backlog: [UInt8] = []
    private var isClosed = false

    /// The most bytes kept for a peer that does not read; past it ``send(_:)`` reports the peer stalled.
    public static let backlogLimit = 1 << 20

    /// What a ``receive()`` found.
    public struct Received: Equatable, Sendable {
        /// The complete lines that arrived, without their newlines.
        public var lines: [[UInt8]]
        /// Whether the peer closed its end (after the lines).
        public var ended: Bool
    }

    /// Why a connection cannot go on.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The peer sent a line longer than the limit.
        case tooLong(limit: Int)
        /// The peer has not read for so long that more than ``LineConnection/backlogLimit`` bytes wait for it.
        case stalled
        /// A read or write failed.
        case system(SystemError)

        public var description: String {
            switch self {
            case .tooLong(let limit): LineFramer.TooLong(limit: limit).description
            case .stalled: "the other side has stopped reading (more than \(ByteCount(backlogLimit)) wait for it)"
            case .system(let error): "\(error)"
            }
        }
    }

    /// Uses `descriptor`, made non-blocking here, for lines of at most `limit` bytes; the connection
    /// owns it from now on (``close()``).
    public init(_ descriptor: FileDescriptor, lineLimit limit: Int) {
        self.descriptor = descriptor
        framer = LineFramer(limit: limit)
        _ = fcntl(descriptor.rawValue, F_SETFL, fcntl(descriptor.rawValue, F_GETFL) | O_NONBLOCK)
    }

    deinit { close() }

    /// Reads what has arrived, without waiting.
    public func receive() throws(Failure) -> Received {
        var received = Received(lines: [], ended: false)
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor.rawValue, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { return received }
                if errno == ECONNRESET {
                    received.ended = true
                    return received
                }
                throw .system(.current)
            }
            if count == 0 {
                received.ended = true
                return received
            }
            do {
                received.lines += try framer.append(chunk[..<count])
            } catch {
                throw .tooLong(limit: error.limit)
            }
        }
    }

    /// Writes `line` and a newline, or keeps what the peer does not take now for ``flush()``.
    public func send(_ line: [UInt8]) throws(Failure) {
        backlog += line
        backlog.append(UInt8(ascii: "\n"))
        try flush()
        if backlog.count > Self.backlogLimit { throw .stalled }
    }

    /// Whether bytes wait for the peer to read them.
    public var hasBacklog: Bool { !backlog.isEmpty }

    /// Writes what the peer takes of the bytes waiting, without waiting.
    public func flush() throws(Failure) {
        while !backlog.isEmpty {
            let count = backlog.withUnsafeBytes { systemSend(descriptor.rawValue, $0) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { return }
                throw .system(.current)
            }
            backlog.removeFirst(count)
        }
    }

    /// Closes the socket. Once.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        try? descriptor.close()
    }
}

/// `send` without SIGPIPE (a vanished peer is an error, not the end of the process), under a name
/// ``LineConnection/send(_:)`` does not hide.
private func systemSend(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
}
