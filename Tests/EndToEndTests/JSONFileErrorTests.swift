import Foundation
import Testing

/// World and state files are read without Foundation: syntax errors name the line and column, and
/// decoding errors name the field, as before.
@Suite struct JSONFileErrorTests {
    @Test("a world file that is not JSON, or not a world, is one line saying what and where")
    func worldFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("world.json")
        let valid =
            #"{"contacts": [], "accounts": [], "cases": [{"number": 1, "title": "x"}, {"number": 2, "title": "y"}], "workItems": []}"#
        for (contents, message) in [
            (
                valid.replacingOccurrences(of: #""title": "y""#, with: #""title": 5"#),
                "cases[1].title should be a string"
            ),
            (valid.replacingOccurrences(of: #", "title": "y""#, with: ""), "missing \"title\" in cases[1]"),
            (
                valid.replacingOccurrences(of: #""number": 2"#, with: #""number": 2.5"#),
                "cases[1].number should be a whole number"
            ),
            (
                valid.replacingOccurrences(of: #""number": 2"#, with: #""number": 1e30"#),
                "line 1, column 84: cases[1].number has an invalid value"
            ),
            ("{\n  \"contacts\": [,]\n}", "not valid JSON: expected a value, found ',' (line 2, column 16)"),
            ("{\"cases\": \"\\uD800\"}", "not valid JSON: unpaired surrogate \\uD800 in a string (line 1, column 12)"),
        ] {
            _ = try folder.write(contents, to: "world.json")
            let result = try Binary.run(["--world", file, "-c", "show"])
            #expect(result.status == 2)
            #expect(result.stderr == "omnipanel: world file \(file): \(message)\n", "\(contents)")
        }
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
