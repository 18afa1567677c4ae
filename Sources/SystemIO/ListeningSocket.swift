/// A Unix stream socket listening at a path, mode 0600, non-blocking: ``accept()`` never waits.
///
/// Made only where nothing is, or over a socket of ours that nobody listens on any more (left by a
/// killed process: connecting to it fails with `ECONNREFUSED`); never through a symbolic link (`bind`
/// does not follow one) and never over a file that is not our socket. ``close()`` removes the socket
/// file, if it is still the one made here.
public final class ListeningSocket {
    /// The listening descriptor, to wait on: readable when a connection waits to be accepted.
    public let descriptor: FileDescriptor
    /// Where the socket is.
    public let path: String
    /// The socket file's device and inode, to remove only this file at the end.
    private let identity: (device: UInt64, inode: UInt64)
    private var isClosed = false

    /// Listens at `path`, replacing a stale socket of ours (see the type's description).
    public init(path: String) throws(UnixSocket.Problem) {
        guard path.utf8.count <= UnixSocket.longestPath else { throw .pathTooLong(limit: UnixSocket.longestPath) }
        try Self.removeStale(path)
        let descriptor = try UnixSocket.newSocket()
        let bound = UnixSocket.withAddress(path) { bind(descriptor.rawValue, $0, $1) }
        let bindError = SystemError.current
        var status = stat()
        guard bound == 0 else {
            try? descriptor.close()
            throw bindError.code == EADDRINUSE ? .inUse : .system(action: "bind it", bindError)
        }
        // Made 0600 (only we may connect) before `listen`, so nobody can connect meanwhile: by a
        // chmod that never follows a link, not by the umask, which is the whole process's (a thread
        // creating a folder at that moment would get the socket's mode).
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK, status.st_uid == geteuid(),
            fchmodat(AT_FDCWD, path, 0o600, AT_SYMLINK_NOFOLLOW) == 0, listen(descriptor.rawValue, 16) == 0,
            fcntl(descriptor.rawValue, F_SETFL, fcntl(descriptor.rawValue, F_GETFL) | O_NONBLOCK) == 0
        else {
            let error = SystemError.current
            try? descriptor.close()
            unlink(path)
            throw .system(action: "listen on it", error)
        }
        self.descriptor = descriptor
        self.path = path
        identity = (UInt64(status.st_dev), UInt64(status.st_ino))
    }

    deinit { close() }

    /// What ``accept()`` found.
    public enum Acceptance: Equatable, Sendable {
        /// Nobody is waiting to connect.
        case none
        /// A connection from a process of ours, non-blocking; the caller closes it.
        case connection(FileDescriptor)
        /// A process of another user connected, and was disconnected at once.
        case refused(uid: UInt32?)
    }

    /// Takes the next waiting connection without waiting; a peer that is not us is closed at once.
    public func accept() throws(SystemError) -> Acceptance {
        while true {
            let raw = systemAccept(descriptor.rawValue)
            if raw < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { return .none }
                throw .current
            }
            let connection = FileDescriptor(raw)
            _ = fcntl(raw, F_SETFD, FD_CLOEXEC)  // no accept4 without _GNU_SOURCE; nothing is exec'd meanwhile
            let uid = UnixSocket.peerUser(of: connection)
            guard uid == geteuid() else {
                try? connection.close()
                return .refused(uid: uid)
            }
            return .connection(connection)
        }
    }

    /// Stops listening and removes the socket file, if it is still the one made here. Once.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK, UInt64(status.st_dev) == identity.device,
            UInt64(status.st_ino) == identity.inode
        {
            unlink(path)
        }
        try? descriptor.close()
    }

    /// Removes a socket of ours at `path` that nobody listens on; refuses anything else that is there.
    private static func removeStale(_ path: String) throws(UnixSocket.Problem) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw .system(action: "examine it", .current)
        }
        try UnixSocket.requireOwnSocket(status)
        do throws(UnixSocket.Problem) {
            let connection = try UnixSocket.connect(to: path)
            try? connection.close()
            throw .inUse
        } catch .nobodyListens {
            guard unlink(path) == 0 else { throw .system(action: "remove the stale socket", .current) }
        }
    }
}

/// `accept` under a name ``ListeningSocket/accept()`` does not hide.
private func systemAccept(_ descriptor: Int32) -> Int32 { accept(descriptor, nil, nil) }
