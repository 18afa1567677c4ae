import SessionPanel

/// Why a state file (`--state FILE`) could not be used: one line naming the file. The executable
/// gives each reason its exit status.
public struct StateFileError: Error, Sendable, Equatable {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The file exists but cannot be read (permissions, a folder, a symbolic link, someone else's file, an I/O error).
        case unreadable(String)
        /// The file is not a sound saved state: corrupt, truncated, or breaking the manager's rules.
        case invalid(String)
        /// The file was saved by a newer omnipanel, in this format version; this one reads `readable`.
        case newerVersion(Int, readable: Int)
        /// Another omnipanel is writing the file and did not finish within this many seconds.
        case locked(seconds: Int)
        /// Another omnipanel changed the file after this one read it, so this one's state is out of date.
        case changedElsewhere
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

    /// The core's verdict on a saved state, about `path`.
    public init(_ path: String, _ problem: SavedStateProblem, readable: Int = SavedState.currentVersion) {
        switch problem {
        case .invalid(let why): self.init(path, .invalid(why))
        case .newerVersion(let version): self.init(path, .newerVersion(version, readable: readable))
        }
    }

    /// One line for standard error.
    public var message: String {
        let kept = "; the file was left as it was"
        let path = VisibleText.escaped(path)
        switch reason {
        case .unreadable(let why): return "cannot read state file \(path): \(why)"
        case .invalid(let why): return "state file \(path) is not a usable omnipanel state: \(why)\(kept)"
        case .newerVersion(let version, let readable):
            return "state file \(path) was saved by a newer omnipanel (format version \(version); "
                + "this one reads version \(readable))\(kept)"
        case .locked(let seconds):
            return "state file \(path) is in use by another omnipanel (waited \(seconds)s); try again"
        case .changedElsewhere:
            return "state file \(path) was changed by another omnipanel since this one read it; "
                + "the last command was not saved"
        case .unwritable(let why):
            return "cannot save state file \(path): \(why); the changes since the last save were NOT saved "
                + "(the file keeps the state before them)"
        }
    }
}
