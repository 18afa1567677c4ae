import SessionPanel
import SystemIO

/// Reading a script or a transcript, in one place: open the file, read its lines, check the read,
/// and say `cannot read <file>: <why>` (status 2) when it fails.
enum ScriptFile {
    /// Runs `body` with the lines of the file `path`, streamed (closed after); returns its status,
    /// or 2 after saying why the file cannot be opened. `body` checks the read at the end
    /// (``readWhole(_:named:)``).
    static func streaming(_ path: String, _ body: (LineReader) -> Int32) -> Int32 {
        let descriptor: FileDescriptor
        do throws(SystemError) {
            descriptor = try InputFile.open(path)
        } catch {
            return Diagnostics.emit(.cannotRead(path, because: error))
        }
        defer { try? descriptor.close() }
        return body(LineReader(descriptor: descriptor))
    }

    /// Whether `lines` were read to their end; if not, says why the input `name` stopped.
    static func readWhole(_ lines: some ScriptLines, named name: String) -> Bool {
        guard let failure = lines.readFailure else { return true }
        Diagnostics.emit(.cannotRead(name, because: failure))
        return false
    }

    /// The lines of the script `path`, read whole (at most ``InputLimit/scriptBytes``), or `nil` after
    /// saying why it cannot be read.
    static func lines(of path: String) -> [InputLine]? {
        guard let bytes = contents(of: path, limit: InputLimit.scriptBytes) else { return nil }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last == [] { lines.removeLast() }
        return lines.map(InputLine.init)
    }

    /// The bytes of `path` (at most `limit`), or `nil` after saying why the `what` (`transcript `)
    /// cannot be read.
    static func contents(of path: String, what: String = "", limit: Int) -> [UInt8]? {
        do throws(ReadFailure) {
            return try InputFile.read(path, limit: limit)
        } catch {
            Diagnostics.emit(.cannotRead(path, what: what, because: error))
            return nil
        }
    }
}
