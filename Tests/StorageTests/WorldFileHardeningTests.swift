import SessionPanel
import SystemIO
import Testing

@testable import Storage

/// World files built to break the readers: nesting, hostile names, huge values, files that are not files.
@Suite final class WorldFileHardeningTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    deinit { scratch.remove() }

    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let path = scratch.path(name)
        unlink(path)
        let descriptor = try PrivateFile.open(path, for: .updating)
        try descriptor.write(bytes)
        try descriptor.close()
        return path
    }

    func write(_ text: String, to name: String) throws -> String { try write(Array(text.utf8), to: name) }

    /// The message reading `text` as a JSON world fails with; `nil` if it does not fail.
    func jsonError(_ text: String) -> String? {
        var reader = JSONWorldReader(bytes: Array(text.utf8))
        do {
            try reader.read(into: WorldCollector())
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The message reading `text` as a CSV table fails with; `nil` if it does not fail.
    func csvError(_ table: CSVWorldReader.Table, _ bytes: [UInt8]) -> String? {
        var reader = CSVWorldReader(table, bytes: bytes)
        do {
            try reader.read(into: WorldCollector())
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func deepNestingIsASyntaxErrorWithItsPlaceNotACrash() {
        let list = #"{"contacts": "# + String(repeating: "[", count: 20_000)
        // `{` is level 1, the list's `[` level 2: the 512th `[` (column 13 + 512) would be level 513.
        #expect(
            jsonError(list) == "not valid JSON: arrays and objects nested more than 512 deep (line 1, column 525)")
        let account = #"{"contacts": [{"name": "A", "account": "# + String(repeating: #"{"a":"#, count: 20_000)
        // `{`, `[`, the record's `{`: the account's 510th object (column 39 + 5 × 509 + 1) would be level 513.
        #expect(
            jsonError(account) == "not valid JSON: arrays and objects nested more than 512 deep (line 1, column 2585)")
    }

    @Test func nestingUpToTheLimitIsRead() {
        let depth = 512 - 3  // the world, the list, the record
        let value = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(
            jsonError(#"{"contacts": [{"name": "A", "account": "# + value + "}]}")
                == "line 1, column 40: contacts[0].account should be a string")
    }

    static let hostile = "Ann\u{1B}[31m\u{07}\u{202E}Lee"
    static let shown = #"ann\e[31m\u{7}\u{202E}lee"#

    @Test func aDuplicateNameIsEscapedInEveryReader() throws {
        let json = try write(
            #"{"contacts": [{"name": "Ann\u001b[31m\u0007\u202eLee"}, {"name": "ANN\u001b[31m\u0007\u202eLEE"}]}"#,
            to: "world.json")
        let csv = try write("name\n\(Self.hostile)\n\(Self.hostile.uppercased())\n", to: "contacts.csv")
        for path in [json, csv] {
            let message = try #require(WorldFiles.duplicateFailure(in: [path])).message
            #expect(message.contains("contact \"\(Self.shown)\" appears twice"), "\(message)")
            #expect(!message.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" }, "\(message)")
        }
    }

    @Test func aLongValueIsCutInTheMessage() {
        let long = String(repeating: "x", count: 100_000)
        let number = csvError(.cases, Array("number,title\n\(long),T\n".utf8))
        #expect(number == "line 2, column 1: number \"\(String(repeating: "x", count: 59))…\" is not a whole number")
        let key = jsonError(#"{"contacts": [{"name": "A", ""# + long + #"": 1}]}"#)
        #expect(key == "line 1, column 29: contacts[0].\(String(repeating: "x", count: 59))… is not a known member")
        #expect(World.duplicate(.contact, long).count < 100)
    }
}

extension WorldFileHardeningTests {
    @Test func aHeaderOfMillionsOfColumnsIsTooManyColumns() {
        let header = Array(repeating: UInt8(ascii: "a"), count: 3_000_000).flatMap { [$0, UInt8(ascii: ",")] }
        #expect(csvError(.contacts, header) == "line 1, column 20001: more than 10000 columns")
        // Long fields each under the limit are not one long field.
        let field = String(repeating: "x", count: 600_000)
        #expect(csvError(.contacts, Array("name,notes,more\nAnn,\(field),\(field)\n".utf8)) == nil)
    }

    @Test func aNULCharacterInANameIsRefusedWhereItIs() {
        #expect(
            csvError(.contacts, Array("name\nAnn\n".utf8) + [UInt8(ascii: "B"), 0, 0x0A])
                == "line 3, column 1: a NUL character")
        #expect(
            jsonError(#"{"contacts": [{"name": "Ann"}, {"name": "Ann\u0000Lee"}]}"#)
                == #"line 1, column 45: a NUL character (\u0000) in a string"#)
        #expect(World.problem(name: "Ann\u{0}Lee") != nil)
    }

    @Test func aNumberOutOfRangeNamesItsLineAndColumn() {
        #expect(
            csvError(.cases, Array("title,number\nA,1\nB,-5\n".utf8))
                == "line 3, column 3: case -5 is out of range (0 to 999999999999999)")
        #expect(
            csvError(.workItems, Array("id,channel,stream\n0,chat,my\n".utf8))
                == "line 2, column 1: work item W0 is out of range (1 to 999999999999999)")
        #expect(
            jsonError(
                "{\"cases\": [\n  {\"number\": 1, \"title\": \"A\"},\n  {\"number\": 1000000000000000, \"title\": \"B\"}]}"
            )
                == "line 3, column 3: case 1000000000000000 is out of range (0 to 999999999999999)")
        #expect(
            jsonError(#"{"workItems": [{"id": 1e30, "channel": "chat", "stream": "my"}]}"#)
                == "line 1, column 23: workItems[0].id has an invalid value")
    }
}
