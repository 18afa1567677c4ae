#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import SessionPanel

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
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StateFileError(path, .unwritable("cannot create the lock file \(lockPath): \(AtomicFile.lastError)"))
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
        guard access(path, F_OK) == 0 || errno != ENOENT else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            throw StateFileError(path, .unreadable(error.reason))
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
            throw StateFileError(path, .invalid(WorldFile.describe(error)))
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
        if let problem = AtomicFile.replace(path, with: bytes) { throw StateFileError(path, .unwritable(problem)) }
        saved = state
    }
}
