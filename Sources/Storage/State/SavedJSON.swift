internal import JSONCoding
import SessionPanel

/// The JSON form of a saved state (``SavedState``, format version 1): what version-1 state files
/// hold, what `export` writes (``StateExport``) and `import` reads. Loading checks it the way the core does.
public enum SavedJSON {
    /// The largest JSON state read (a version-1 file, `import`), so a wrong file costs one line, not all the memory.
    public static let largestFile = 64 << 20

    /// The state in `bytes`, refused with one line about `path` when it is not a sound saved state.
    public static func decode(_ bytes: [UInt8], _ path: String) throws(StateFileError) -> PanelState {
        guard !bytes.isEmpty else { throw StateFileError(path, .invalid("the file is empty")) }
        let decoder = JSONValueDecoder()
        do {
            let json = try JSONParser.parse(bytes)
            try SavedState.check(try decoder.decode(SavedState.Version.self, from: json))
            let state = try decoder.decode(SavedState.self, from: json).state
            try SavedState.check(state)
            return state
        } catch let problem as SavedStateProblem {
            throw StateFileError(path, problem)
        } catch let error as JSONSyntaxError {
            throw StateFileError(path, .invalid("not valid JSON: \(error)"))
        } catch let error as DecodingError {
            throw StateFileError(path, .invalid(error.summary))
        } catch {
            throw StateFileError(path, .invalid("\(error)"))
        }
    }

    /// The state `json` (the inside of a saved state) describes, in the world of `catalog`, its
    /// conversations read from `conversations` when given (`json` lists none then), checked.
    static func state(
        from json: JSONValue, in catalog: any WorldCatalog, conversations: (any ConversationCatalog)? = nil,
        _ path: String
    ) throws(StateFileError) -> PanelState {
        do {
            var state = try JSONValueDecoder().decode(PanelState.self, from: json)
            state.world = AnyWorldCatalog(catalog)
            if let conversations { try state.attach(conversations) }
            try SavedState.check(state)
            return state
        } catch let problem as SavedStateProblem {
            throw StateFileError(path, problem)
        } catch let error as DecodingError {
            throw StateFileError(path, .invalid(error.summary))
        } catch {
            throw StateFileError(path, .invalid("\(error)"))
        }
    }
}
