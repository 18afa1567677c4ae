import Foundation
import Testing

/// World and state files are read without Foundation: syntax errors name the line and column, and
/// decoding errors name the field, as before.
@Suite struct JSONFileErrorTests {
    @Test("a world file missing a member is one line naming the file and the record")
    func worldFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("world.json")
        let valid =
            #"{"contacts": [], "accounts": [], "cases": [{"number": 1, "title": "x"}, {"number": 2, "title": "y"}], "workItems": []}"#
        _ = try folder.write(valid.replacingOccurrences(of: #", "title": "y""#, with: ""), to: "world.json")
        let result = try Binary.run(["--world", file, "-c", "show"])
        #expect(result.status == 2)
        #expect(result.stderr == "omnipanel: world file \(file): missing \"title\" in cases[1]\n")
    }

    @Test("a problem at a place in a world file starts with file:line:column, as compilers print it")
    func worldFilePositions() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("world.json")
        let valid =
            #"{"contacts": [], "accounts": [], "cases": [{"number": 1, "title": "x"}, {"number": 2, "title": "y"}], "workItems": []}"#
        for (contents, message) in [
            (
                valid.replacingOccurrences(of: #""title": "y""#, with: #""title": 5"#),
                "1:96: error: cases[1].title should be a string"
            ),
            (
                valid.replacingOccurrences(of: #""number": 2"#, with: #""number": 2.5"#),
                "1:84: error: cases[1].number should be a whole number"
            ),
            (
                valid.replacingOccurrences(of: #""contacts""#, with: #""contact""#),
                "1:2: error: contact is not a known member"
            ),
            (
                #"{"cases": [{"number": 1, "title": "x"}, {"number": 1e30, "title": "y"}]}"#,
                "1:52: error: cases[1].number has an invalid value"
            ),
            ("{\n  \"contacts\": [,]\n}", "2:16: error: not valid JSON: expected a value, found ','"),
            ("{\"cases\": \"\\uD800\"}", "1:12: error: not valid JSON: unpaired surrogate \\uD800 in a string"),
        ] {
            _ = try folder.write(contents, to: "world.json")
            let result = try Binary.run(["--world", file, "-c", "show"])
            #expect(result.status == 2)
            #expect(result.stderr == "\(file):\(message)\n", "\(contents)")
        }
        let csv = try folder.write("name,account\nAnn,Big\nBob\n", to: "contacts.csv").path
        let result = try Binary.run(["--world", csv, "-c", "show"])
        #expect(result.status == 2)
        #expect(result.stderr == "\(csv):3:1: error: 1 fields, the header has 2\n")
        let header = try folder.write("account\nBig\n", to: "contacts.csv").path
        #expect(
            try Binary.run(["--world", header, "-c", "show"]).stderr
                == "\(header):1: error: the header has no \"name\" column (expected columns name, [account])\n")
    }

    @Test("a state file with a syntax error names the line and column and is left as it was")
    func stateFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.json")
        let contents = "{\"version\": 1,\n \"state\": {\"sessions\": [1 2]}}"
        _ = try folder.write(contents, to: "class.json")
        let result = try Binary.run(["--state", file, "do", "show"])
        #expect(result.status == 3)
        #expect(
            result.stderr == "omnipanel: state file \(file) is not a usable omnipanel state: not valid JSON: "
                + "expected ',' or ']' in an array, found '2' (line 2, column 27); the file was left as it was\n")
        #expect(folder.bytes("class.json") == Data(contents.utf8))
    }
}
