/// An open file descriptor, with the read and write loops every caller needs: interrupted calls
/// (`EINTR`) are retried and short writes continued. It does not own the descriptor.
public struct FileDescriptor: Equatable, Sendable {
    /// The descriptor number.
    public let rawValue: Int32

    public init(_ rawValue: Int32) { self.rawValue = rawValue }

    public static let standardInput = FileDescriptor(STDIN_FILENO)
    public static let standardOutput = FileDescriptor(STDOUT_FILENO)
    public static let standardError = FileDescriptor(STDERR_FILENO)

    /// Reads what is available into `buffer`, at most its size; 0 means the end of the input.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        while true {
            let count = systemRead(rawValue, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            guard errno == EINTR else { throw .current }
        }
    }

    /// Reads what is available into `bytes`, at most its count; 0 means the end of the input.
    public func read(into bytes: inout [UInt8]) throws(SystemError) -> Int {
        try bytes.withUnsafeMutableBytes { buffer in Result { () throws(SystemError) in try read(into: buffer) } }.get()
    }

    /// Reads to the end of the input. A read error is an error, not the end; more than `limit`
    /// bytes is refused after reading at most `limit + 1` (and at once for a larger regular file).
    public func readAll(limit: Int) throws(ReadFailure) -> [UInt8] {
        var status = stat()
        if fstat(rawValue, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) > limit {
            throw .tooLarge(limit: limit)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count: Int
            do {
                count = try read(into: &chunk)
            } catch {
                throw .system(error)
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
            if bytes.count > limit { throw .tooLarge(limit: limit) }
        }
    }

    /// Writes every byte, continuing after interrupted and partial writes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(rawValue, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw written == 0 ? SystemError(code: EIO) : .current }
            offset += written
        }
    }

    /// Writes every byte of `bytes` (see ``write(_:)-(UnsafeRawBufferPointer)``).
    public func write(_ bytes: [UInt8]) throws(SystemError) {
        try bytes.withUnsafeBytes { buffer in Result { () throws(SystemError) in try write(buffer) } }.get()
    }

    /// Flushes the file's data to the disk.
    public func synchronize() throws(SystemError) {
        guard fsync(rawValue) == 0 else { throw .current }
    }

    /// Closes the descriptor.
    public func close() throws(SystemError) {
        guard systemClose(rawValue) == 0 else { throw .current }
    }
}

/// Why reading a whole input failed.
public enum ReadFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The system refused a read (`Is a directory`, `Input/output error`, …).
    case system(SystemError)
    /// The input is longer than the limit.
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .system(let error): "\(error)"
        case .tooLarge(let limit): "larger than \(ByteCount(limit)), the limit"
        }
    }
}

/// A number of bytes for people: `64 MiB`, `512 KiB`, `100 bytes`.
public struct ByteCount: CustomStringConvertible, Sendable {
    public let bytes: Int

    public init(_ bytes: Int) { self.bytes = bytes }

    public var description: String {
        for (unit, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        where bytes >= size && bytes % size == 0 {
            return "\(bytes / size) \(unit)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}

// The C calls under names the methods above do not hide.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }

/// Input files the user names (a world, a script, a transcript): read whole, up to a limit, through
/// links and whoever owns them; reading a directory or a device that fails is an error, not an empty file.
public enum InputFile {
    /// The bytes of `path`, at most `limit` of them.
    public static func read(_ path: String, limit: Int) throws(ReadFailure) -> [UInt8] {
        let raw = systemOpen(path, O_RDONLY | O_CLOEXEC, 0)
        guard raw >= 0 else { throw .system(.current) }
        let descriptor = FileDescriptor(raw)
        defer { try? descriptor.close() }
        return try descriptor.readAll(limit: limit)
    }

    /// Opens `path` for reading; the caller closes the descriptor.
    public static func open(_ path: String) throws(SystemError) -> FileDescriptor {
        let raw = systemOpen(path, O_RDONLY | O_CLOEXEC, 0)
        guard raw >= 0 else { throw .current }
        return FileDescriptor(raw)
    }
}
