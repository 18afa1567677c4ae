import SessionPanel
import SystemIO

/// `import`: a version-1 JSON state (what `export` writes) into a state file, without holding its
/// world. A first pass through the file keeps everything but the world's value, which it only
/// locates; that shift is decoded and checked like any saved state (nothing is written if it is
/// unsound); then, in the one transaction that replaces the file's world and shift, a second pass
/// streams the world's records from the file into the world tables (``JSONWorldReader``, as
/// `--world` reads a world). Memory is bounded by the shift and one record, not by the world.
/// Migrating a version-1 state file reads it the same way.
public enum StateImport {
    /// Replaces the state in `path` (creating it) with the one in the JSON file `json`.
    public static func replace(_ path: String, with json: String) throws(StateFileError) {
        let source = try StreamedState(json)
        guard source.streamsWorld else {
            // No world member where export puts it: the file was read whole like any other.
            try StateFile.replacing(path, with: source.state)
            return
        }
        do {
            try StateFile.replacing(path, shiftOf: source.state, world: source.writeWorld(into:))
        } catch {
            throw source.failure(error)
        }
    }
}

/// A version-1 JSON state file read as a stream: its shift decoded and checked, its world written
/// from the file when asked (``writeWorld(into:)``), its problems reported as the file's.
final class StreamedState {
    /// The state without its world (an empty one) when the world is streamed, else the whole state.
    let state: PanelState
    /// Whether the world is left in the file, to be written by ``writeWorld(into:)``.
    var streamsWorld: Bool { world != nil }

    private let path: String
    private let world: StateJSONSplit.World?
    /// What was wrong with the world, when writing it failed because of the file.
    private var problem: String?

    /// Reads `path` through once and decodes and checks all of it but the world.
    init(_ path: String) throws(StateFileError) {
        let split = try StateJSONSplit(path)
        var state = try SavedJSON.decode(split.shift, path)
        if split.world != nil { state.world = AnyWorldCatalog(World()) }
        self.path = path
        self.state = state
        world = split.world
    }

    /// Writes the world's records from the file into `writer` and finishes it. A syntax or type
    /// error, or a duplicate record, is remembered as the file's problem (see ``failure(_:)``).
    func writeWorld(into writer: WorldWriter) throws {
        guard let world else { return }
        let descriptor = try StateJSONSplit.open(path)
        defer { try? descriptor.close() }
        do {
            var reader = JSONWorldReader(read: world.reader(from: descriptor))
            try reader.read(into: writer)
            try writer.finish()
        } catch let error as WorldFileError {
            problem = error.message
            throw error
        } catch let error as StorageError where error.isConstraint {
            problem = error.message
            throw error
        }
    }

    /// `error` (from writing the state), or the world's problem, as this file's, when there was one.
    func failure(_ error: StateFileError) -> StateFileError {
        problem.map { StateFileError(path, .invalid("world: \($0)")) } ?? error
    }
}
