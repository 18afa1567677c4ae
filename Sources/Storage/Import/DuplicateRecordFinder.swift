import SessionPanel

/// A sink that also wants to know where each record starts: the readers tell it just before they
/// hand it the record (CSV: the line and column of the record's key field; JSON: of its `{`).
protocol RecordPlaceListener: AnyObject {
    func nextRecord(line: Int, column: Int)
}

/// Finds where a key appears twice by reading the world files again: the import keeps no lines (it
/// finds a duplicate only in ``WorldWriter/finish()``) and a small world is checked whole in memory,
/// so this costs nothing unless a world is refused.
final class DuplicateRecordFinder: WorldRecordSink, RecordPlaceListener {
    /// A record's place in a world file.
    struct Place: Equatable {
        var path: String
        var line: Int
        var column: Int
    }

    /// A key found twice: its kind, the key, and where its first and second records are.
    struct Duplicate {
        var kind: WorldRecordKind
        var key: String
        var first: Place
        var second: Place
    }

    /// The kind and key looked for; any kind and key when `nil`.
    private let wanted: (kind: WorldRecordKind, key: String)?
    private var path = ""
    private var next = (line: 0, column: 0)
    /// Where each key was first seen (only the wanted one's, when there is one).
    private var seen: [WorldRecordKind: [String: Place]] = [:]
    private(set) var found: Duplicate?

    private struct Found: Error {}

    private init(_ wanted: (kind: WorldRecordKind, key: String)?) { self.wanted = wanted }

    /// The first key of a kind that appears twice in `paths` (read in order, as the import read them),
    /// `wanted` when given; `nil` when there is none (or a file changed since, or cannot be read).
    static func duplicate(in paths: [String], wanted: (kind: WorldRecordKind, key: String)? = nil) -> Duplicate? {
        let finder = DuplicateRecordFinder(wanted)
        for path in paths where finder.mayHold(path) {
            finder.path = path
            // Reading stops with an error at the second record; any other error means the file changed.
            _ = try? WorldFiles.read(path, into: finder)
            if let found = finder.found { return found }
        }
        return nil
    }

    /// Whether `path` can hold the wanted records: any JSON file, only a CSV file of their table.
    private func mayHold(_ path: String) -> Bool {
        guard let wanted, path.lowercased().hasSuffix(".csv") else { return true }
        return CSVWorldReader.Table(fileName: path)?.kind == wanted.kind
    }

    func nextRecord(line: Int, column: Int) { next = (line, column) }

    func write(_ contact: World.Contact) throws { try saw(.contact, worldKey(contact.name)) }
    func write(_ account: World.Account) throws { try saw(.account, worldKey(account.name)) }
    func write(_ record: World.CaseRecord) throws { try saw(.caseRecord, String(record.number)) }
    func write(_ item: World.WorkItem) throws { try saw(.workItem, String(item.id)) }
    func write(_ record: World.ServiceRecord) throws {
        if let (kind, key) = record.key { try saw(kind, key) }
    }

    private func saw(_ kind: WorldRecordKind, _ key: String) throws {
        if let wanted, wanted.kind != kind || wanted.key != key { return }
        let place = Place(path: path, line: next.line, column: next.column)
        guard let first = seen[kind, default: [:]][key] else {
            seen[kind, default: [:]][key] = place
            return
        }
        found = Duplicate(kind: kind, key: key, first: first, second: place)
        throw Found()
    }
}

extension WorldFiles {
    /// The failure for a key found twice in `paths`: one line naming the file, line and column of its
    /// second record and the line of the first, worded as a bad row's error (`world file contacts.csv:
    /// line 7, column 1: contact "ann lee" appears twice (first on line 3)`); `nil` when no key is.
    public static func duplicateFailure(in paths: [String]) -> Failure? {
        DuplicateRecordFinder.duplicate(in: paths).map(failure)
    }

    /// ``duplicateFailure(in:)`` for the `kind` record with `key`; `otherwise` when it is not found again.
    static func duplicateFailure(
        _ kind: WorldRecordKind, key: String, in paths: [String], otherwise: Failure
    ) -> Failure {
        DuplicateRecordFinder.duplicate(in: paths, wanted: (kind, key)).map(failure) ?? otherwise
    }

    private static func failure(_ duplicate: DuplicateRecordFinder.Duplicate) -> Failure {
        let (first, second) = (duplicate.first, duplicate.second)
        let firstPlace = "line \(first.line)" + (first.path == second.path ? "" : " of \(shown(first.path))")
        let error = WorldFileError(
            "\(World.duplicate(duplicate.kind, duplicate.key)) (first on \(firstPlace))", line: second.line,
            column: second.column)
        return Failure(error, in: second.path)
    }
}
