import SessionPanel
import SystemIO

/// The state file of `--state FILE`: locked for the whole run, loaded once, saved atomically whenever
/// the state changes. A file that cannot be used is never written.
final class StateStore {
    /// How long a second omnipanel waits for the lock before giving up.
    static let lockWaitSeconds = 2
    private static let lockRetryMicroseconds: UInt32 = 20_000

    /// The state file.
    let path: String
    /// The lock file's descriptor; the lock ends when the process does.
    private let lockDescriptor: Int32
    /// What the file holds now (`nil` before the first save of a new file).
    private var saved: PanelState?

    /// Takes the lock on `FILE.lock`, waiting up to ``lockWaitSeconds``.
    init(path: String) throws(StateFileError) {
        self.path = path
        let lockPath = path + ".lock"
        let descriptor: Int32
        do throws(PrivateFile.Problem) {
            descriptor = try PrivateFile.open(lockPath, for: .updating).rawValue
        } catch {
            throw StateFileError(path, .unwritable("cannot use the lock file \(VisibleText.escaped(lockPath)): \(error)"))
        }
        let attempts = Self.lockWaitSeconds * 1_000_000 / Int(Self.lockRetryMicroseconds)
        var locked = flock(descriptor, LOCK_EX | LOCK_NB) == 0
        for _ in 0..<attempts where !locked {
            usleep(Self.lockRetryMicroseconds)
            locked = flock(descriptor, LOCK_EX | LOCK_NB) == 0
        }
        guard locked else {
            close(descriptor)
            throw StateFileError(path, .locked(seconds: Self.lockWaitSeconds))
        }
        lockDescriptor = descriptor
    }

    /// The saved state, or `nil` when the file does not exist yet; remembered so an unchanged state is not written again.
    func load() throws(StateFileError) -> PanelState? {
        saved = try Self.read(path)
        return saved
    }

    /// The state saved in `path`, or `nil` when there is no such file. Reading needs no lock: saves
    /// replace the file whole.
    static func read(_ path: String) throws(StateFileError) -> PanelState? {
        let bytes: [UInt8]
        do throws(PrivateFile.Problem) {
            guard let read = try PrivateFile.read(path, limit: InputLimit.stateBytes) else { return nil }
            bytes = read
        } catch {
            throw StateFileError(path, .unreadable("\(error)"))
        }
        guard !bytes.isEmpty else { throw StateFileError(path, .invalid("the file is empty")) }
        let decoder = JSONValueDecoder()
        do {
            let json = try JSONParser.parse(bytes)
            try SavedState.check(try decoder.decode(SavedState.Version.self, from: json), in: path)
            let state = try decoder.decode(SavedState.self, from: json).state
            try SavedState.check(state, in: path)
            return state
        } catch let error as StateFileError {
            throw error
        } catch let error as JSONSyntaxError {
            throw StateFileError(path, .invalid("not valid JSON: \(error)"))
        } catch let error as DecodingError {
            throw StateFileError(path, .invalid(error.summary))
        } catch {
            throw StateFileError(path, .invalid("\(error)"))
        }
    }

    /// Writes `state` unless the file already holds it.
    func save(_ state: PanelState) throws(StateFileError) {
        guard state != saved else { return }
        let bytes: [UInt8]
        do {
            bytes = try JSONValueEncoder().encode(SavedState(state)).prettyPrinted + [0x0A]
        } catch {
            throw StateFileError(path, .unwritable("\(error)"))
        }
        do throws(PrivateFile.Problem) {
            try PrivateFile.replace(path, with: bytes)
        } catch {
            throw StateFileError(path, .unwritable("\(error)"))
        }
        saved = state
    }
}
