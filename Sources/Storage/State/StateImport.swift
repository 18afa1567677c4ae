import SessionPanel
import SystemIO

/// `import`: a version-1 JSON state (what `export` writes) into a state file, without holding its
/// world. A first pass through the file keeps everything but the world's value, which it only
/// locates; that shift is decoded and checked like any saved state (nothing is written if it is
/// unsound); then, in the one transaction that replaces the file's world and shift, a second pass
/// streams the world's records from the file into the world tables (``JSONWorldReader``, as
/// `--world` reads a world). Memory is bounded by the shift and one record, not by the world.
public enum StateImport {
    /// Replaces the state in `path` (creating it) with the one in the JSON file `json`.
    public static func replace(_ path: String, with json: String) throws(StateFileError) {
        let split = try StateJSONSplit(json)
        var state = try SavedJSON.decode(split.shift, json)
        guard let world = split.world else {
            // No world member where export puts it: the file was read whole like any other.
            try StateFile.replacing(path, with: state)
            return
        }
        state.world = AnyWorldCatalog(World())
        var worldProblem: String?
        let descriptor = try StateJSONSplit.open(json)
        defer { try? descriptor.close() }
        do {
            try StateFile.replacing(path, shiftOf: state) { writer in
                do {
                    var reader = JSONWorldReader(read: world.reader(from: descriptor))
                    try reader.read(into: writer)
                    try writer.finish()
                } catch let error as WorldFileError {
                    worldProblem = error.message
                    throw error
                } catch let error as StorageError where error.isConstraint {
                    worldProblem = error.message
                    throw error
                }
            }
        } catch {
            if let worldProblem { throw StateFileError(json, .invalid("world: \(worldProblem)")) }
            throw error
        }
    }
}
