import Foundation

/// Waits until `condition` holds, looking again every `interval` seconds; `timeout` seconds only
/// bound a failure. Returns whether it came to hold.
@discardableResult
func waitUntil(timeout: Double = 20, every interval: Double = 0.001, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while try !condition() {
        guard Date() < deadline else { return false }
        usleep(useconds_t(interval * 1_000_000))
    }
    return true
}

extension Binary.Running {
    /// Whether the process (its main thread) is asleep in `nanosleep` now, as Linux's `/proc` shows it:
    /// its wait channel, or where the kernel hides that, the number of the system call it is in.
    var isInNanosleep: Bool {
        let folder = "/proc/\(process.processIdentifier)"
        if let channel = try? String(contentsOfFile: folder + "/wchan", encoding: .utf8), channel != "0" {
            return channel.contains("nanosleep")
        }
        let call = (try? String(contentsOfFile: folder + "/syscall", encoding: .utf8))?.split(separator: " ").first
        #if arch(x86_64)
        return call == "35" || call == "230"  // nanosleep, clock_nanosleep
        #else
        return call == "101" || call == "115"  // arm64's nanosleep, clock_nanosleep
        #endif
    }
}
