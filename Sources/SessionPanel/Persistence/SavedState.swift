internal import JSONCoding

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

    /// Refuses a format this program does not read.
    public static func check(_ version: Version) throws(SavedStateProblem) {
        if version.version > currentVersion { throw .newerVersion(version.version) }
        if version.version < 1 { throw .invalid("format version \(version.version) does not exist") }
    }

    /// Refuses a decoded state that breaks the manager's rules, with the first problem.
    public static func check(_ state: PanelState) throws(SavedStateProblem) {
        if let problem = state.problems.first { throw .invalid(problem) }
    }
}

/// Why a saved state cannot be used. The storage edge names the file (and picks an exit status).
public enum SavedStateProblem: Error, Sendable, Equatable {
    /// Not a sound saved state: corrupt, truncated, or breaking the manager's rules.
    case invalid(String)
    /// Saved by a newer omnipanel, in this format version.
    case newerVersion(Int)
}
