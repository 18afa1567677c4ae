import JSONCoding
import SessionPanel
import Testing

@testable import Storage

/// A save cuts only what changed into rows, to the rows the whole state would be cut into.
@Suite struct ShiftRowsTests {
    /// Conversations that come, are answered and go, each leaving a record in the shift's log.
    static func cycles(_ count: Int) -> [String] {
        (0..<count).flatMap { _ in ["incoming chat", "accept", "message 1 hi", "clock advance 5s", "close --yes"] }
    }

    /// `value` with every object's members in key order, to compare JSON whatever order it was written in.
    static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): .object(members.map { ($0, canonical($1)) }.sorted { $0.0 < $1.0 })
        case .array(let items): .array(items.map(canonical))
        default: value
        }
    }

    /// Each save cuts the rows the state cut afresh has, the file holds them, and put back together
    /// they are the JSON of the whole state: the rows a save writes are those cutting the whole state
    /// by key writes, whichever records were kept from the previous save.
    @Test func aSaveAfterCommandsHasTheRowsOfTheWholeStateCutAfresh() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let lines =
            StateFileStoreTests.busyLines + ["presence available"] + Self.cycles(3) + [
                "switch home", "incoming chat", "presence busy",
            ]
        var current = PanelState()
        var rows = try ShiftRows(current)
        let store = try StateFile(path: scratch.path("class.db")) { current }
        for line in lines {
            let next = state(after: [line], from: current)
            let saved = try ShiftRows(next, after: (current, rows))
            #expect(saved == (try ShiftRows(next)), "after \(line)")
            try store.save(next)
            (current, rows) = (next, saved)
        }
        #expect(current.shift.log.entries.count > 3, "the log holds records to keep")
        #expect(try ShiftTables(store.database).read() == rows, "the file holds the rows")
        var whole = current
        whole.world = AnyWorldCatalog(World())
        #expect(Self.canonical(try rows.json()) == Self.canonical(try JSONValueEncoder().encode(whole)))
        let keys = try store.database.prepare("SELECT count(*) FROM shift WHERE key LIKE 'shift/log/records/%'")
        #expect(try keys.step() && keys.int(at: 0) == current.shift.log.entries.count, "a row per record")
    }

    /// With a long log, a save encodes the records that changed and nothing else: rows of the previous
    /// save (replaced here by a mark no encoder writes) are kept for the records and the rest that did not change.
    @Test func aSaveWithALongLogEncodesOnlyTheRecordsThatChanged() throws {
        let before = state(after: Self.cycles(40) + ["incoming chat", "accept", "open case 42"])
        #expect(before.shift.log.entries.count == 41)
        var marked = try ShiftRows(before)
        let mark = "kept"
        for id in marked.logRecords.keys { marked.logRecords[id] = mark }
        for key in marked.values.keys { marked.values[key] = mark }

        let typed = state(after: ["type title Fire"], from: before)
        #expect(typed.withoutRecords == before.withoutRecords, "typing changes a session only")
        let afterTyping = try ShiftRows(typed, after: (before, marked))
        #expect(afterTyping.logRecords == marked.logRecords, "no record encoded")
        #expect(afterTyping.values == marked.values, "the rest of the shift not encoded again")

        let next = state(after: ["incoming chat"], from: typed)
        let changed = Set(
            next.shift.log.entries.keys.filter { before.shift.log.entries[$0] != next.shift.log.entries[$0] })
        #expect(changed.count == 1, "a notification adds one record")
        let afterIncoming = try ShiftRows(next, after: (typed, afterTyping))
        let encoded = Set(afterIncoming.logRecords.filter { $0.value != mark }.keys)
        #expect(encoded == changed)
        let fresh = try ShiftRows(next)
        for id in changed { #expect(afterIncoming.logRecords[id] == fresh.logRecords[id]) }
        #expect(afterIncoming.values == fresh.values, "a changed rest is cut afresh")
    }

    /// Loading puts the rows back together handling each a few times (once per level of its key),
    /// however long the log: counted, not timed (`scripts/bench-state shift` times it).
    @Test func puttingTheRowsBackTogetherGrowsWithTheRows() throws {
        for cycles in [50, 300] {
            let rows = try ShiftRows(state(after: Self.cycles(cycles)))
            var work = 0
            let json = try rows.json(work: &work)
            let count = rows.values.count + rows.logRecords.count
            #expect(work <= (ShiftRows.splitDepth + 1) * count, "\(work) steps for \(count) rows")
            #expect(json == (try rows.json()))
        }
    }

    /// Rows that cannot be put back together are refused in one line: twice, or inside a value.
    @Test func rowsThatClashAreRefused() throws {
        let rows = try ShiftRows(state(after: Self.cycles(1)))
        let id = try #require(rows.logRecords.keys.first)
        var twice = rows
        twice.values[ShiftRows.logRecordKey(id)] = "{}"
        #expect(throws: StorageError.self) { try twice.json() }
        var inside = rows
        inside.values[try #require(rows.values.keys.sorted().first) + "/inner"] = "1"
        #expect(throws: StorageError.self) { try inside.json() }
        var emptyKey = rows
        emptyKey.values["/"] = "1"
        #expect(throws: StorageError.self) { try emptyKey.json() }
    }

    /// Records that go away take their rows with them, and an empty log is the row `{}` as before.
    @Test func anEmptiedLogIsOneEmptyRowAgain() throws {
        let full = state(after: Self.cycles(2))
        let empty = PanelState()
        let rows = try ShiftRows(empty, after: (full, try ShiftRows(full)))
        #expect(rows == (try ShiftRows(empty)))
        #expect(rows.logRecords.isEmpty)
        #expect(rows.values[ShiftRows.logRecordsKey] == "{}")
    }

    /// Log record rows are built without the generic encoder, to the same JSON it writes: records the
    /// shift logged, and records with every value present and none.
    @Test func aLogRecordRowIsTheEncodersJSON() throws {
        let full = """
            {"conversation":7,"firstSeen":3,"offers":[{"time":3,"result":"missed","resultTime":9},{"time":10}],
            "handled":[{"start":11,"end":20},{"start":30}],"alerts":[{"start":12,"end":13}],"unread":[{"start":14}],
            "persistentEnds":2,"parks":1,"abandonedAt":40,"closedAt":41}
            """
        let bare =
            #"{"conversation":8,"firstSeen":0,"offers":[],"handled":[],"alerts":[],"unread":[],"persistentEnds":0,"parks":0}"#
        var records = try [full, bare].map { text in
            try JSONValueDecoder().decode(ShiftLogEntry.self, from: try JSONParser.parse(Array(text.utf8)))
        }
        records +=
            state(
                after: StateFileStoreTests.busyLines + ["presence available"] + Self.cycles(2) + [
                    "incoming chat", "reject",
                ]
            )
            .shift.log.entries.values
        for record in records {
            #expect(ShiftRows.row(for: record) == (try JSONValueEncoder().encode(record)).serialized)
        }
    }
}
