/// Unix stream sockets between two omnipanel processes of the same user on one machine (role-play:
/// the trainee's prompt listens, the trainer's `customer` prompt connects). The path is never followed
/// through a symbolic link, never replaces a file that is not a socket of ours, and a peer running as
/// another user is refused (its credentials checked with `SO_PEERCRED`).
public enum UnixSocket {
    /// Why a socket could not be listened to or connected to, without its path (callers name it, escaped).
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// The path is longer than a socket address holds.
        case pathTooLong(limit: Int)
        /// The path is a symbolic link.
        case symbolicLink
        /// The path is something else than a socket: `a regular file`, `a directory`, …
        case notSocket(kind: String)
        /// The socket file, or the process at the other end, belongs to another user.
        case notOwned(owner: UInt32)
        /// Another process listens on the socket already.
        case inUse
        /// No socket is there.
        case missing
        /// A socket is there, but no process listens on it any more.
        case nobodyListens
        /// A system call failed while doing `action` (`bind it`).
        case system(action: String, SystemError)

        public var description: String {
            switch self {
            case .pathTooLong(let limit): "the path is longer than \(limit) bytes, the most a socket's address holds"
            case .symbolicLink: "it is a symbolic link, which omnipanel does not follow for its own files"
            case .notSocket(let kind): "it is \(kind), not a socket; omnipanel does not replace it"
            case .notOwned(let owner): "it belongs to another user (uid \(owner)), not to the user running omnipanel"
            case .inUse: "another process listens on it"
            case .missing: "there is no socket: is the trainee's prompt running?"
            case .nobodyListens: "nobody listens on it: the prompt that made it has ended"
            case .system(let action, let error): "cannot \(action): \(error)"
            }
        }
    }

    /// Connects to the socket at `path`, not through a symbolic link, only to a socket file we own
    /// whose listening process runs as us. The connection is blocking; the caller closes it.
    public static func connect(to path: String) throws(Problem) -> FileDescriptor {
        guard path.utf8.count <= longestPath else { throw .pathTooLong(limit: longestPath) }
        var status = stat()
        guard lstat(path, &status) == 0 else {
            throw errno == ENOENT ? .missing : .system(action: "examine it", .current)
        }
        try requireOwnSocket(status)
        let descriptor = try newSocket()
        let result = withAddress(path) { systemConnect(descriptor.rawValue, $0, $1) }
        guard result == 0 else {
            let error = SystemError.current
            try? descriptor.close()
            switch error.code {
            case ECONNREFUSED: throw .nobodyListens
            case ENOENT: throw .missing
            default: throw .system(action: "connect to it", error)
            }
        }
        if let uid = peerUser(of: descriptor), uid != geteuid() {
            try? descriptor.close()
            throw .notOwned(owner: uid)
        }
        return descriptor
    }

    /// The user id of the process at the other end of `connection` (`SO_PEERCRED`), or nil if the
    /// system does not say.
    public static func peerUser(of connection: FileDescriptor) -> UInt32? {
        var credentials = PeerCredentials()
        var length = socklen_t(MemoryLayout<PeerCredentials>.size)
        guard getsockopt(connection.rawValue, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0 else { return nil }
        return UInt32(credentials.uid)
    }

    /// The most bytes a socket path may have (`sun_path` less its terminating NUL).
    public static let longestPath = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1

    /// Refuses a file that is not a socket owned by us.
    static func requireOwnSocket(_ status: stat) throws(Problem) {
        switch status.st_mode & S_IFMT {
        case S_IFSOCK: break
        case S_IFLNK: throw .symbolicLink
        case S_IFREG: throw .notSocket(kind: "a regular file")
        case S_IFDIR: throw .notSocket(kind: "a directory")
        case S_IFIFO: throw .notSocket(kind: "a FIFO")
        default: throw .notSocket(kind: "a device")
        }
        guard status.st_uid == geteuid() else { throw .notOwned(owner: UInt32(status.st_uid)) }
    }

    /// A new stream socket, closed on exec.
    static func newSocket() throws(Problem) -> FileDescriptor {
        let raw = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard raw >= 0 else { throw .system(action: "create a socket", .current) }
        return FileDescriptor(raw)
    }

    /// Calls `body` with the socket address of `path` (which the caller checked fits).
    static func withAddress<Result>(
        _ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Result
    ) -> Result {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8.prefix(longestPath))
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }
}

/// `connect` under a name ``UnixSocket/connect(to:)`` does not hide.
private func systemConnect(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(descriptor, address, length)
}

/// Linux's `struct ucred` (which Swift sees only with `_GNU_SOURCE`): what `SO_PEERCRED` fills in.
private struct PeerCredentials {
    var pid: pid_t = 0
    var uid: uid_t = 0
    var gid: gid_t = 0
}
