#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Reading a whole file with POSIX calls, with the system's reason when it fails.
enum FileBytes {
    /// Why a file could not be read, e.g. `No such file or directory`.
    struct Failure: Error {
        let reason: String
    }

    /// The file's bytes.
    static func read(_ path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
            guard count > 0 else { return bytes }
            bytes += chunk[..<count]
        }
    }
}
