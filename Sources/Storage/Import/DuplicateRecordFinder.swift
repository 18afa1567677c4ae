import SessionPanel

/// A sink that also wants to know where each record starts: the readers tell it just before they
/// hand it the record (CSV: the line and column of the record's key field; JSON: of its `{`).
protocol RecordPlaceListener: AnyObject {
    func nextRecord(line: Int, column: Int)
}

/// Finds where a key that the import found twice appears, by reading the world files again: the
/// import itself keeps no lines (it finds a duplicate only in ``WorldWriter/finish()``), so this costs
/// nothing unless a world is refused.
final class DuplicateRecordFinder: WorldRecordSink, RecordPlaceListener {
    /// A record's place in a world file.
    struct Place: Equatable {
        var path: String
        var line: Int
        var column: Int
    }

    private let kind: WorldRecordKind
    private let key: String
    private var path = ""
    private var next = (line: 0, column: 0)
    /// Where the key was seen, in reading order; the search stops at the second.
    private(set) var places: [Place] = []

    private struct Found: Error {}

    init(_ kind: WorldRecordKind, key: String) {
        self.kind = kind
        self.key = key
    }

    /// The places of the first and second record with the key in `paths` (read in order, as the
    /// import read them); `nil` when they are not found (a file changed since, or cannot be read).
    static func places(of kind: WorldRecordKind, key: String, in paths: [String]) -> (first: Place, second: Place)? {
        let finder = DuplicateRecordFinder(kind, key: key)
        for path in paths where finder.mayHold(path) {
            finder.path = path
            // Reading stops with an error at the second record; any other error means the file changed.
            _ = try? WorldFiles.read(path, into: finder)
            if finder.places.count == 2 { return (finder.places[0], finder.places[1]) }
        }
        return nil
    }

    /// Whether `path` can hold records of the kind: any JSON file, only a CSV file of its table.
    private func mayHold(_ path: String) -> Bool {
        guard path.lowercased().hasSuffix(".csv") else { return true }
        let tables: [WorldRecordKind: CSVWorldReader.Table] = [
            .contact: .contacts, .account: .accounts, .caseRecord: .cases, .workItem: .workItems,
        ]
        return CSVWorldReader.Table(fileName: path) == tables[kind]
    }

    func nextRecord(line: Int, column: Int) { next = (line, column) }

    func write(_ contact: World.Contact) throws { if kind == .contact { try saw(worldKey(contact.name)) } }
    func write(_ account: World.Account) throws { if kind == .account { try saw(worldKey(account.name)) } }
    func write(_ record: World.CaseRecord) throws { if kind == .caseRecord { try saw(String(record.number)) } }
    func write(_ item: World.WorkItem) throws { if kind == .workItem { try saw(String(item.id)) } }

    private func saw(_ recordKey: String) throws {
        guard recordKey == key else { return }
        places.append(Place(path: path, line: next.line, column: next.column))
        if places.count == 2 { throw Found() }
    }
}

extension WorldFiles {
    /// The failure for a `kind` record whose `key` appears twice in `paths`: one line naming the file,
    /// line and column of the second record and the line of the first, worded as a bad row's error
    /// (`world file contacts.csv: line 7, column 1: contact "ann lee" appears twice (first on line 3)`);
    /// `otherwise` when the two records are not found again.
    static func duplicateFailure(
        _ kind: WorldRecordKind, key: String, in paths: [String], otherwise: Failure
    ) -> Failure {
        guard let (first, second) = DuplicateRecordFinder.places(of: kind, key: key, in: paths) else {
            return otherwise
        }
        let firstPlace = "line \(first.line)" + (first.path == second.path ? "" : " of \(shown(first.path))")
        return Failure(
            "world file \(shown(second.path)): line \(second.line), column \(second.column): "
                + "\(World.duplicate(kind, key)) (first on \(firstPlace))")
    }
}
