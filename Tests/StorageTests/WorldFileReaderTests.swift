import Foundation
import JSONCoding
import SessionPanel
import Testing

@testable import Storage

/// A read function that hands out `bytes` at most `step` at a time, so records and escapes straddle chunks.
func trickle(_ bytes: [UInt8], step: Int) -> (UnsafeMutableRawBufferPointer) throws -> Int {
    var offset = 0
    return { buffer in
        let count = min(step, buffer.count, bytes.count - offset)
        for index in 0..<count { buffer[index] = bytes[offset + index] }
        offset += count
        return count
    }
}

@Suite struct CSVWorldReaderTests {
    func read(_ table: CSVWorldReader.Table, _ text: String, step: Int = 1 << 20) throws -> World {
        let collector = WorldCollector()
        var reader = CSVWorldReader(table, read: trickle(Array(text.utf8), step: step))
        try reader.read(into: collector)
        return collector.world
    }

    func error(_ table: CSVWorldReader.Table, _ text: String) -> String? {
        do {
            _ = try read(table, text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [1, 2, 7, 1 << 20])
    func quotedFieldsHoldCommasQuotesAndLineBreaks(step: Int) throws {
        let text =
            "\u{FEFF}name,account,notes\r\n"
            + "\"Smith, Kenny\",Contoso,x\r\n"
            + "\"Dwayne \"\"The Rock\"\" Johnson\",,\"two\nlines\"\n"
            + "\n"
            + "José Núñez,\"Fabrikam\",\n"
            + "\"multi\nline name\",\"\",last"
        let world = try read(.contacts, text, step: step)
        #expect(
            world.contacts == [
                World.Contact(name: "Smith, Kenny", account: "Contoso"),
                World.Contact(name: #"Dwayne "The Rock" Johnson"#),
                World.Contact(name: "José Núñez", account: "Fabrikam"),
                World.Contact(name: "multi\nline name"),
            ])
    }

    @Test func eachTableReadsItsColumnsInAnyOrderIgnoringOthers() throws {
        #expect(
            try read(.cases, "Title,Customer,Number,Priority\nPrinter on fire,Kenny Smith,42,high\nNo one,,7,low\n")
                .cases == [
                    World.CaseRecord(number: 42, title: "Printer on fire", customer: "Kenny Smith"),
                    World.CaseRecord(number: 7, title: "No one"),
                ])
        #expect(
            try read(.workItems, "id,channel,stream,customer\n101,chat,my,Maria\n5,SMS,open,\n").workItems == [
                World.WorkItem(id: 101, channel: .chat, customer: "Maria", stream: .mine),
                World.WorkItem(id: 5, channel: .sms, customer: nil, stream: .open),
            ])
        #expect(try read(.accounts, "name\nContoso\n").accounts == [World.Account(name: "Contoso")])
    }

    @Test(arguments: [
        ("name,account\n\"Kenny,Contoso\n", "line 2, column 1: a quoted field is never closed"),
        ("name,account\nKen\"ny,Contoso\n", "line 2, column 4: a quote inside a field that does not start with one"),
        (
            "name,account\n\"Kenny\"x,Contoso\n",
            "line 2, column 8: expected ',' or the end of the line after a closing quote"
        ),
        ("name,account\nKenny,Contoso,extra\n", "line 2, column 15: 3 fields, the header has 2"),
        ("name,account\nÅsa Ek\n", "line 2, column 1: 1 fields, the header has 2"),
        ("name,account\n\"a\nb\",x\n  ,Contoso\n", "line 4, column 1: name is empty"),
        ("account\nContoso\n", "line 1: the header has no \"name\" column (expected columns name, [account])"),
        ("name,Name\nx,y\n", "line 1, column 6: the header names \"name\" twice"),
        ("", "line 1: no header row (expected columns name, [account])"),
    ])
    func badRowsNameTheLineAndColumn(text: String, message: String) throws {
        let writer = try WorldWriter(into: try Database(path: ":memory:", mode: .create))
        var reader = CSVWorldReader(.contacts, bytes: Array(text.utf8))
        let error = #expect(throws: WorldFileError.self) { try reader.read(into: writer) }
        #expect(error?.message == message)
    }

    @Test func badValuesNameTheColumnAndValue() {
        #expect(error(.cases, "number,title\n4x,Four\n") == #"line 2, column 1: number "4x" is not a whole number"#)
        #expect(
            error(.workItems, "id,channel,stream\n1,fax,mine\n")
                == #"line 2, column 3: channel "fax" is not one of the known values"#)
        var reader = CSVWorldReader(.contacts, bytes: Array("name\nok".utf8) + [0xFF] + Array("\n".utf8))
        let error = #expect(throws: WorldFileError.self) { try reader.read(into: WorldCollector()) }
        #expect(error?.message == "line 2, column 1: not valid UTF-8")
    }

    @Test func theTableComesFromTheFileName() {
        #expect(CSVWorldReader.Table(fileName: "/tmp/x/Contacts.CSV") == .contacts)
        #expect(CSVWorldReader.Table(fileName: "crm-accounts-2026.csv") == .accounts)
        #expect(CSVWorldReader.Table(fileName: "cases.csv") == .cases)
        #expect(CSVWorldReader.Table(fileName: "work-items.csv") == .workItems)
        #expect(CSVWorldReader.Table(fileName: "export.csv") == nil)
    }
}

@Suite struct JSONWorldReaderTests {
    @Test(arguments: [1, 3, 64, 1 << 20])
    func aWorldStreamsInAnyChunkSize(step: Int) throws {
        let text = #"""
            {"accounts": [{"name": "Contoso"}],
             "contacts": [{"name": "Jos\u00e9 N\u00fa\u00f1ez", "account": null}, {"account": "Contoso", "name": "Kenny \"K\" Smith"},
                          {"name": "Emoji \ud83d\ude00 fan"}],
             "cases": [{"number": 42, "title": "Printer on fire", "customer": "Kenny Smith"}],
             "workItems": [{"id": 101, "channel": "chat", "customer": null, "stream": "my"}]}
            """#
        let collector = WorldCollector()
        var reader = JSONWorldReader(read: trickle(Array(text.utf8), step: step))
        try reader.read(into: collector)
        #expect(
            collector.world
                == World(
                    contacts: [
                        World.Contact(name: "José Núñez"), World.Contact(name: #"Kenny "K" Smith"#, account: "Contoso"),
                        World.Contact(name: "Emoji 😀 fan"),
                    ],
                    accounts: [World.Account(name: "Contoso")],
                    cases: [World.CaseRecord(number: 42, title: "Printer on fire", customer: "Kenny Smith")],
                    workItems: [World.WorkItem(id: 101, channel: .chat, customer: nil, stream: .mine)]))
    }

    @Test func anUnknownMemberIsAnErrorNamingIt() {
        for (text, message) in [
            (
                #"{"accounts": [], "ignored": {"a": [1, 2.5, true, null, "x"]}}"#,
                "line 1, column 18: ignored is not a known member"
            ),
            (
                #"{"contacts": [{"name": "A", "acount": "B"}]}"#,
                "line 1, column 29: contacts[0].acount is not a known member"
            ),
            (
                #"{"accounts": [{"name": "A", "\u001b[2J": 1}]}"#,
                "line 1, column 29: accounts[0].\\e[2J is not a known member"
            ),
        ] {
            var reader = JSONWorldReader(bytes: Array(text.utf8))
            let error = #expect(throws: WorldFileError.self) { try reader.read(into: WorldCollector()) }
            #expect(error?.message == message)
        }
    }

    @Test func theDemoWorldReadsBackAsEncoded() throws {
        let bytes = try JSONValueEncoder().encode(World.demo).prettyPrinted
        let collector = WorldCollector()
        var reader = JSONWorldReader(bytes: bytes)
        try reader.read(into: collector)
        #expect(collector.world == World.demo)
    }

    @Test(arguments: [
        (#"{"contacts": [{"name": 5}]}"#, "line 1, column 24: contacts[0].name should be a string"),
        (#"{"contacts": [{"name": null}]}"#, "line 1, column 24: contacts[0].name should be a string, not null"),
        (#"{"contacts": [{"account": "x"}]}"#, #"missing "name" in contacts[0]"#),
        (#"{"cases": [{"number": 2.5, "title": "x"}]}"#, "line 1, column 23: cases[0].number should be a whole number"),
        (#"{"cases": [{"number": 1e30, "title": "x"}]}"#, "line 1, column 23: cases[0].number has an invalid value"),
        (
            #"{"workItems": [{"id": 1, "channel": "fax", "stream": "mine"}]}"#,
            "line 1, column 37: workItems[0].channel has an invalid value"
        ),
        (#"{"cases": {}}"#, "line 1, column 11: cases should be a list"),
        (
            "{\"contacts\": [\n  {\"name\": \"Zoë\" \"x\"}]}",
            "not valid JSON: expected ',' or '}' in an object, found '\"' (line 2, column 18)"
        ),
        (#"{"contacts": ["#, "not valid JSON: expected a value, found the end (line 1, column 15)"),
        (#"{"contacts": [{"name": "ab"#, "not valid JSON: unterminated string (line 1, column 27)"),
        (#"{"contacts": []} x"#, "not valid JSON: unexpected 'x' after the world (line 1, column 18)"),
        ("[]", "not valid JSON: expected '{' at the start of a world, found '[' (line 1, column 1)"),
    ])
    func errorsSayWhatAndWhere(text: String, message: String) {
        let collector = WorldCollector()
        var reader = JSONWorldReader(bytes: Array(text.utf8))
        let error = #expect(throws: WorldFileError.self) { try reader.read(into: collector) }
        #expect(error?.message == message)
    }
}

@Suite struct WorldFileLimitTests {
    @Test("a world file over the limit is refused in one line naming it")
    func aWorldOverTheLimitIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("world.json")
        let text = #"{"contacts": [{"name": "Aiko Tanaka"}]"# + String(repeating: " ", count: 100) + "}"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: Never.self) { try WorldFiles.read(path, into: WorldCollector(), limit: text.utf8.count) }
        do {
            try WorldFiles.read(path, into: WorldCollector(), limit: 64)
            Issue.record("a 140-byte world was read with a 64-byte limit")
        } catch {
            #expect(error.message == "world file \(path): larger than 64 bytes, the limit")
        }
    }
}
