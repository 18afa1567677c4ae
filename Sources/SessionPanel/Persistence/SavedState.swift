/// The contents of a state file (`--state FILE`): a format version and the whole session manager.
///
/// ```json
/// {"version": 1, "state": {"world": …, "settings": …, "sessions": […], "conversations": […], …}}
/// ```
public struct SavedState: Codable, Sendable, Equatable {
    /// The format version this program writes and reads.
    public static let currentVersion = 1

    /// The format version of the file.
    public let version: Int
    /// The saved state.
    public let state: PanelState

    /// Wraps `state` in the current format.
    public init(_ state: PanelState) {
        self.version = Self.currentVersion
        self.state = state
    }

    /// Just the version, read before the rest so that a newer file is recognised as such rather than as corrupt.
    public struct Version: Decodable, Sendable {
        /// The format version of the file.
        public let version: Int

        /// A file of format `version`.
        public init(version: Int) { self.version = version }

        /// Reads `version` and ignores every other member: a newer file has members this one does not know.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: JSONCodingKey.self)
            version = try container.decode(Int.self, forKey: JSONCodingKey(stringValue: "version"))
        }
    }

    /// Refuses a file whose format this program does not read, naming the file.
    public static func check(_ version: Version, in path: String) throws(StateFileError) {
        if version.version > currentVersion { throw StateFileError(path, .newerVersion(version.version)) }
        if version.version < 1 { throw StateFileError(path, .invalid("format version \(version.version) does not exist")) }
    }

    /// Refuses a decoded state that breaks the manager's rules, naming the file and the first problem.
    public static func check(_ state: PanelState, in path: String) throws(StateFileError) {
        if let problem = state.problems.first { throw StateFileError(path, .invalid(problem)) }
    }
}

/// Why a state file could not be used: one line naming the file, and an exit status of 3 or more.
public struct StateFileError: Error, Sendable, Equatable {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The file exists but cannot be read (permissions, a folder, an I/O error).
        case unreadable(String)
        /// The file is not a sound saved state: corrupt, truncated, or breaking the manager's rules.
        case invalid(String)
        /// The file was saved by a newer omnipanel, in this format version.
        case newerVersion(Int)
        /// Another omnipanel holds the lock and did not let go within this many seconds.
        case locked(seconds: Int)
        /// The new state could not be written.
        case unwritable(String)
    }

    /// The state file.
    public let path: String
    /// What went wrong.
    public let reason: Reason

    /// Creates an error about `path`.
    public init(_ path: String, _ reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// One line for standard error.
    public var message: String {
        let kept = "; the file was left as it was"
        let path = VisibleText.escaped(path)
        switch reason {
        case .unreadable(let why): return "cannot read state file \(path): \(why)"
        case .invalid(let why): return "state file \(path) is not a usable omnipanel state: \(why)\(kept)"
        case .newerVersion(let version):
            return "state file \(path) was saved by a newer omnipanel (format version \(version); "
                + "this one reads version \(SavedState.currentVersion))\(kept)"
        case .locked(let seconds):
            return "state file \(path) is in use by another omnipanel (waited \(seconds)s for \(path).lock); try again"
        case .unwritable(let why):
            return "cannot save state file \(path): \(why); the last command's change was NOT saved (the file keeps the state before it)"
        }
    }

    /// The exit status: 3 unreadable or invalid, 4 newer version, 5 locked, 6 cannot save.
    public var exitStatus: Int32 {
        switch reason {
        case .unreadable, .invalid: 3
        case .newerVersion: 4
        case .locked: 5
        case .unwritable: 6
        }
    }
}
