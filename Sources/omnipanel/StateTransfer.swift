import SessionPanel
import Storage
import SystemIO

/// `omnipanel --state FILE export` and `import JSON`: the state file as today's JSON (format version 1)
/// and back, for people who want to read, diff or hand-edit a saved state.
enum StateTransfer {
    /// Prints the saved state as JSON as it is read (``StateExport``: memory bounded by a record, not
    /// the world). Reads without the lock and changes nothing. Each chunk is whole UTF-8, so the
    /// round trip through `String` changes no byte.
    static func export(_ path: String) -> Int32 {
        do throws(StateFileError) {
            guard try StateExport.write(path, to: { Output.ask(String(decoding: $0, as: UTF8.self)) }) else {
                return fail(StateFileError(path, .unreadable("No such file or directory")))
            }
            return 0
        } catch {
            return fail(error)
        }
    }

    /// Replaces the state in `path` (creating it) with the one in the JSON file `json`, which is
    /// checked like any saved state first: one that cannot be used changes nothing (and creates no
    /// file). The world is streamed from the file (``StateImport``), so a big export comes back without
    /// being held.
    static func `import`(_ json: String, into path: String) -> Int32 {
        do throws(StateFileError) {
            try StateImport.replace(path, with: json)
            return 0
        } catch  where error.path == json && json != path {
            return Diagnostics.emit(
                Diagnostic("\(inputProblem(error)); \(untouched(path))", status: error.exitStatus))
        } catch {
            return fail(error)
        }
    }

    /// A problem of `import`'s input file, worded about it (not as a state file's).
    private static func inputProblem(_ error: StateFileError) -> String {
        let file = "import file \(VisibleText.escaped(error.path))"
        switch error.reason {
        case .unreadable(let why): return "cannot read \(file): \(why)"
        case .invalid(let why): return "\(file) is not a usable omnipanel state: \(why)"
        case .newerVersion(let version, let readable):
            return
                "\(file) was saved by a newer omnipanel (format version \(version); this one reads version \(readable))"
        case .locked, .changedElsewhere, .unwritable: return error.message
        }
    }

    /// What became of the state file `path` after a failed import: nothing.
    private static func untouched(_ path: String) -> String {
        var status = stat()
        return lstat(path, &status) == 0
            ? "the state file \(VisibleText.escaped(path)) was left as it was" : "no state file was created"
    }

    private static func fail(_ error: StateFileError) -> Int32 {
        Diagnostics.emit(Diagnostic(error))
    }
}
