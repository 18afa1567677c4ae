import JSONCoding
import SessionPanel
import SystemIO
import Testing

@testable import Storage

/// `export` streamed from the state file's tables (``StateExport``) against the export it replaced:
/// the whole state, world included, encoded in memory and printed at once.
@Suite struct StateExportTests {
    /// Text that JSON and a terminal both care about: quotes, backslashes, a slash, control and C1
    /// characters, U+2028 and U+2029, a bidirectional override, accents, an emoji.
    static let awkward = "Q\"uo\\te / tab\there\u{1}\u{1F}\u{7F}\u{85} line\u{2028}para\u{2029} \u{202E}bidi Núñez 😀"

    /// A world of `contacts` contacts (enough for several chunks) whose names, titles and customers
    /// carry ``awkward`` text.
    static func world(contacts: Int) -> World {
        var world = World()
        world.contacts = (0..<contacts).map { index in
            World.Contact(
                name: "Contact \(index) \(index % 50 == 0 ? awkward : "Zoë")",
                account: index % 3 == 0 ? nil : "Acme \(index % 7)")
        }
        world.accounts = (0..<7).map { World.Account(name: "Acme \($0)") } + [World.Account(name: "Ac \(awkward)")]
        world.cases = (1...contacts).map { number in
            World.CaseRecord(
                number: number, title: "Case \(number) \(awkward)",
                customer: number % 4 == 0 ? nil : world.contacts[number - 1].name)
        }
        world.workItems = [
            World.WorkItem(id: 101, channel: .chat, customer: world.contacts[0].name, stream: .mine),
            World.WorkItem(id: 102, channel: .sms, customer: nil, stream: .open),
            World.WorkItem(id: 301, channel: .voice, customer: "Contact 2 Zoë", stream: .closed),
        ]
        return world
    }

    /// A shift in `world` whose conversation and draft carry ``awkward`` text.
    static func shift(in world: World) throws -> PanelState {
        var state = PanelState(world: world)
        for command: Command in [
            .incoming(.chat, customer: world.contacts[0].name), .accept(nil),
            .message(.position(1), text: awkward), .incoming(.sms, customer: nil),
        ] {
            _ = try state.apply(command)
        }
        return state
    }

    /// What `export` printed before it streamed: the saved state encoded whole, its world read into memory.
    static func inMemoryExport(of path: String) throws -> [UInt8] {
        var state = try #require(try inMemory(try StateFile.read(path)))
        let catalog = try #require(state.world.base as? SQLiteWorldCatalog)
        state.world = AnyWorldCatalog(try catalog.world())
        return try JSONValueEncoder().encode(SavedState(state)).prettyPrinted + [0x0A]
    }

    /// Expects `bytes` to be `expected`, reporting where they first differ rather than printing megabytes.
    static func expectSame(
        _ bytes: [UInt8], _ expected: [UInt8], _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let same = bytes == expected
        let common = min(bytes.count, expected.count)
        let differs = (0..<common).first { bytes[$0] != expected[$0] } ?? common
        #expect(
            same, "\(what): differs from byte \(differs) (\(bytes.count) and \(expected.count) bytes)",
            sourceLocation: sourceLocation)
    }

    /// The export of `path` as the chunks it was handed on in.
    static func chunks(of path: String, during: (Int) -> Void = { _ in }) throws -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        let found = try StateExport.write(path) { chunk in
            during(chunks.count)
            chunks.append(chunk)
        }
        #expect(found)
        return chunks
    }

    @Test func theStreamedExportIsByteForByteTheInMemoryOne() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("class.db")
        let world = Self.world(contacts: 3_000)
        let shift = try Self.shift(in: world)
        _ = try StateFile(path: file) { shift }

        let chunks = try Self.chunks(of: file)
        let exported = Array(chunks.joined())
        Self.expectSame(exported, try Self.inMemoryExport(of: file), "the streamed export")
        #expect(chunks.count > 3, "a world of 3,000 contacts goes out in several chunks, not at once")
        for chunk in chunks {
            #expect(Array(String(decoding: chunk, as: UTF8.self).utf8) == chunk, "each chunk is whole UTF-8")
        }
        let text = String(decoding: exported, as: UTF8.self)
        #expect(
            text.contains(
                #""Q\"uo\\te / tab\there\u0001\u001f\#u{7F}\#u{85} line\u2028para\u2029 \#u{202E}bidi Núñez 😀""#))
        #expect(text.hasPrefix("{\n  \"state\" : {\n") && text.hasSuffix("\n  \"version\" : 1\n}\n"))

        // It reads back as the same state, world and all, and imported elsewhere exports the same bytes.
        let imported = try SavedJSON.decode(exported, "class.json")
        #expect(imported.world.world == world.sortedLikeACatalog)
        #expect(inWorld(of: imported, shift) == (try inMemory(imported)))
        let copy = scratch.path("copy.db")
        try StateFile(path: copy) { PanelState() }.replace(with: imported)
        Self.expectSame(Array(try Self.chunks(of: copy).joined()), exported, "the export of the imported copy")
    }

    @Test func anEmptyWorldAndAFreshShiftAreExportedAsBefore() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("empty.db")
        _ = try StateFile(path: file) { PanelState(world: World()) }
        let exported = Array(try Self.chunks(of: file).joined())
        Self.expectSame(exported, try Self.inMemoryExport(of: file), "the streamed export")
        #expect(String(decoding: exported, as: UTF8.self).contains("\"accounts\" : [\n\n      ],"))
    }

    /// The shift and every record come from one read transaction: a world replaced while the export
    /// is being written does not reach it.
    @Test func theExportIsOneMomentOfTheFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("class.db")
        _ = try StateFile(path: file) { try Self.shift(in: Self.world(contacts: 3_000)) }
        let before = try Self.inMemoryExport(of: file)
        var replaced = false
        let chunks = try Self.chunks(of: file) { written in
            guard written == 1 else { return }
            do {
                try StateFile(path: file) { PanelState() }.replace(with: PanelState(world: World.demo))
                replaced = true
            } catch {
                Issue.record("another omnipanel could not import while the export ran: \(error)")
            }
        }
        #expect(replaced)
        Self.expectSame(Array(chunks.joined()), before, "the export while another omnipanel imported")
        #expect(try StateFile.read(file)?.world.contact(named: "Kenny Smith") != nil, "the import itself went through")
    }

    @Test func thereIsNothingToExportWithoutAFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try StateExport.write(scratch.path("none.db")) { _ in Issue.record("nothing to write") } == false)
    }
}

/// `import` streams the world from the JSON file (``StateImport``): what `export` wrote comes back,
/// and a file that is wrong anywhere is refused with its line and column, changing nothing.
@Suite struct StateImportTests {
    /// A state file holding the awkward 3,000-contact world and its shift, and its export as text.
    static func exported(in scratch: Scratch) throws -> (file: String, json: String, text: String) {
        let file = scratch.path("class.db")
        _ = try StateFile(path: file) { try StateExportTests.shift(in: StateExportTests.world(contacts: 3_000)) }
        let text = String(decoding: Array(try StateExportTests.chunks(of: file).joined()), as: UTF8.self)
        let json = scratch.path("class.json")
        try Array(text.utf8).write(to: json)
        return (file, json, text)
    }

    /// The error importing `text` into a copy of the state file, which must stay as it was.
    static func refusal(of text: String, in scratch: Scratch, _ file: String) throws -> String {
        let json = scratch.path("broken.json")
        try Array(text.utf8).write(to: json)
        let before = Array(try StateExportTests.chunks(of: file).joined())
        do {
            try StateImport.replace(file, with: json)
            Issue.record("imported \(json)")
            return ""
        } catch {
            StateExportTests.expectSame(
                Array(try StateExportTests.chunks(of: file).joined()), before, "after a refusal")
            guard case .invalid = error.reason else {
                Issue.record("not refused as unusable: \(error.message)")
                return error.message
            }
            return error.message
        }
    }

    @Test func anExportComesBackByteForByte() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (_, json, text) = try Self.exported(in: scratch)
        for name in ["new.db", "new.db"] {  // created, then replaced
            try StateImport.replace(scratch.path(name), with: json)
            StateExportTests.expectSame(
                Array(try StateExportTests.chunks(of: scratch.path(name)).joined()), Array(text.utf8), name)
        }
    }

    @Test func aBrokenWorldIsRefusedAtItsLineAndColumn() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (file, _, text) = try Self.exported(in: scratch)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.contains("\"name\" : \"Contact 1501 Zoë\"") })
        let column = try #require(lines[index].firstIndex(of: ":")).utf16Offset(in: lines[index]) + 1
        lines[index] = lines[index].replacingOccurrences(of: " : ", with: " ; ")
        let message = try Self.refusal(of: lines.joined(separator: "\n"), in: scratch, file)
        #expect(message.contains("(line \(index + 1), column \(column))"), "\(message)")
        #expect(message.contains("broken.json is not a usable omnipanel state: world: "), "\(message)")
    }

    @Test func aBrokenShiftAfterTheWorldIsRefusedAtItsLine() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (file, _, text) = try Self.exported(in: scratch)
        let broken = text.replacingOccurrences(of: "\"version\" : 1\n}", with: "\"version\" : 1,\n}")
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let message = try Self.refusal(of: broken, in: scratch, file)
        #expect(message.contains("not valid JSON") && message.contains("(line \(line), column 1)"), "\(message)")
    }

    @Test func aDuplicateInTheWorldOrAnUnsoundShiftChangesNothing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (file, _, text) = try Self.exported(in: scratch)
        let twice = text.replacingOccurrences(of: "\"Contact 1502 Zoë\"", with: "\"Contact 1501 Zoë\"")
        let message = try Self.refusal(of: twice, in: scratch, file)
        #expect(message.contains("\"contact 1501 zoë\" appears twice"), "\(message)")
        let unsound = text.replacingOccurrences(of: "\"focusedSessionID\" : 1", with: "\"focusedSessionID\" : 7")
        #expect(unsound != text)
        #expect(try Self.refusal(of: unsound, in: scratch, file).contains("not a usable omnipanel state: "))
    }
}

extension StateImportTests {
    @Test func aWorldThatNeverEndsIsRefusedAsNotJSON() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (file, _, _) = try Self.exported(in: scratch)
        let deep = "{\"state\": {\"world\": {\"contacts\": " + String(repeating: "[", count: 600)
        let message = try Self.refusal(of: deep, in: scratch, file)
        #expect(message.contains("not valid JSON"), "\(message)")
    }
}

/// A version-1 state file (the JSON `export` writes) is migrated the way `import` reads: its world
/// streamed from the file into the new database.
@Suite struct StreamedMigrationTests {
    @Test func aVersion1FileIsMigratedWithItsWorldStreamed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (_, _, text) = try StateImportTests.exported(in: scratch)
        let old = scratch.path("old.state")
        try Array(text.utf8).write(to: old)
        _ = try StateFile(path: old) {
            Issue.record("the file exists: nothing to create")
            return PanelState()
        }
        #expect(try InputFile.read(old + ".v1.json", limit: 1 << 30) == Array(text.utf8), "the original is kept")
        StateExportTests.expectSame(Array(try StateExportTests.chunks(of: old).joined()), Array(text.utf8), "migrated")
    }

    @Test func aVersion1FileWithABrokenWorldIsLeftAsItWas() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (_, _, text) = try StateImportTests.exported(in: scratch)
        let broken = Array(text.replacingOccurrences(of: "\"Contact 1502 Zoë\"", with: "\"Contact 1501 Zoë\"").utf8)
        let old = scratch.path("old.state")
        try broken.write(to: old)
        #expect(throws: StateFileError.self) { _ = try StateFile(path: old) { PanelState() } }
        do {
            _ = try StateFile(path: old) { PanelState() }
        } catch let error as StateFileError {
            #expect(
                error.message.contains("old.state is not a usable omnipanel state: world: contact"), "\(error.message)")
        }
        #expect(try InputFile.read(old, limit: 1 << 30) == broken)
        #expect(throws: ReadFailure.self) { try InputFile.read(old + ".v1.json", limit: 1) }
    }
}

extension [UInt8] {
    /// Writes these bytes to a new file at `path`.
    fileprivate func write(to path: String) throws {
        try PrivateFile.replace(path, with: self)
    }
}
