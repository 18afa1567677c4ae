import SessionPanel
import SystemIO

/// World files as the user names them (`--world FILE`, any number of times): JSON holding any of
/// the four lists, or CSV holding one table named by the file (``CSVWorldReader/Table``). Each is
/// streamed to a sink, so memory is bounded by a record, not by the file.
public enum WorldFiles {
    /// What one file was, for telling later whether it changed.
    public struct Source: Sendable, Equatable {
        /// The path as given.
        public var path: String
        /// Device, inode, size and the modification and change times in nanoseconds: equal values mean
        /// the file was not written since (any write changes the change time, which cannot be set back).
        public var identity: [Int]
        /// ``ContentHash`` of the bytes, filled in when the file is read.
        public var contentHash: String?
    }

    /// Why a world file could not be used: one line naming the file (escaped) and the problem.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The line: `world file contacts.csv: line 3, column 1: 1 fields, the header has 2`.
        public let message: String
        /// Where in which file, when the problem has a place: `contacts.csv:3:1`.
        public let position: FilePosition?
        /// What is wrong there, without the place (the whole ``message`` when there is none).
        public let problem: String

        /// A failure saying `message`, at no particular place.
        public init(_ message: String) { (self.message, position, problem) = (message, nil, message) }

        /// `problem` at `position`, worded as `message` for those who print the whole line.
        init(_ message: String, problem: String, at position: FilePosition) {
            (self.message, self.position, self.problem) = (message, position, problem)
        }

        /// The reader's `error` in `path`, at its line and column when it has them.
        public init(_ error: WorldFileError, in path: String) {
            let message = "world file \(shown(path)): \(error.message)"
            guard let line = error.line else {
                self.init(message)
                return
            }
            self.init(message, problem: error.problem, at: FilePosition(shown(path), line: line, column: error.column))
        }

        public var description: String { message }
    }

    /// The file's identity (see ``Source/identity``); a file that is not a regular file is refused.
    public static func source(_ path: String) throws(Failure) -> Source {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw Failure("cannot read world file \(shown(path)): \(SystemError.current)")
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw notRegular(path) }
        let identity = [
            Int(status.st_dev), Int(status.st_ino), Int(status.st_size),
            Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec),
            Int(status.st_ctim.tv_sec) * 1_000_000_000 + Int(status.st_ctim.tv_nsec),
        ]
        return Source(path: path, identity: identity)
    }

    /// The most bytes a world file may hold: memory is bounded by a record anyway, this bounds the time
    /// an endless input (`--world <(yes ' ')`) takes before its one-line error.
    public static let maximumBytes = 1 << 30

    /// Streams every record of `path` into `sink`, refusing a file over `limit` bytes; returns the
    /// ``ContentHash`` of its bytes.
    @discardableResult
    public static func read(
        _ path: String, into sink: some WorldRecordSink, limit: Int = maximumBytes
    ) throws(Failure) -> String {
        let table = path.lowercased().hasSuffix(".csv") ? try csvTable(path) : nil
        let descriptor = try openRegular(path)
        defer { try? descriptor.close() }
        var hash = ContentHash()
        var total = 0
        let read = { (buffer: UnsafeMutableRawBufferPointer) throws -> Int in
            let count = try descriptor.read(into: buffer)
            total += count
            if total > limit { throw ReadFailure.tooLarge(limit: limit) }
            hash.add(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            return count
        }
        do {
            if let table {
                var reader = CSVWorldReader(table, read: read)
                try reader.read(into: sink)
            } else {
                var reader = JSONWorldReader(read: read)
                try reader.read(into: sink)
            }
        } catch let error as SystemError {
            throw Failure("cannot read world file \(shown(path)): \(error)")
        } catch let error as WorldFileError {
            throw Failure(error, in: path)
        } catch {
            throw Failure("world file \(shown(path)): \(error)")
        }
        return hash.value
    }

    /// The ``ContentHash`` of `path`'s bytes, read through once.
    public static func contentHash(_ path: String) throws(Failure) -> String {
        let descriptor = try openRegular(path)
        defer { try? descriptor.close() }
        do {
            var hash = ContentHash()
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = try chunk.withUnsafeMutableBytes { buffer throws(SystemError) in
                    let count = try descriptor.read(into: buffer)
                    hash.add(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                    return count
                }
                if count == 0 { return hash.value }
            }
        } catch {
            throw Failure("cannot read world file \(shown(path)): \(error)")
        }
    }

    /// Opens `path` for reading if it is a regular file. A named pipe, a device or a folder is refused
    /// (opened without waiting for a writer): it could not be read twice (to find a duplicate again, to
    /// check the cache), and a pipe with no writer would hang the run, or shell completion.
    private static func openRegular(_ path: String) throws(Failure) -> FileDescriptor {
        let raw = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard raw >= 0 else { throw Failure("cannot read world file \(shown(path)): \(SystemError.current)") }
        let descriptor = FileDescriptor(raw)
        var status = stat()
        guard fstat(raw, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            try? descriptor.close()
            throw notRegular(path)
        }
        return descriptor
    }

    private static func notRegular(_ path: String) -> Failure {
        Failure("cannot read world file \(shown(path)): not a regular file (a pipe, a device or a folder)")
    }

    private static func csvTable(_ path: String) throws(Failure) -> CSVWorldReader.Table {
        guard let table = CSVWorldReader.Table(fileName: path) else {
            throw Failure(
                "world file \(shown(path)): cannot tell which table it holds; name it after one "
                    + "(contacts.csv, accounts.csv, cases.csv, work-items.csv, queues.csv, agents.csv, "
                    + "quick-replies.csv, dispositions.csv, articles.csv)")
        }
        return table
    }

    /// A path as messages show it: control characters escaped.
    static func shown(_ path: String) -> String { VisibleText.escaped(path) }
}
