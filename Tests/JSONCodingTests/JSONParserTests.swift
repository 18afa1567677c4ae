import Testing

@testable import JSONCoding

private func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

/// The message `bytes` are refused with.
private func refusal(_ bytes: [UInt8]) -> String? {
    do {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return error.description
    }
}

private func refusal(_ text: String) -> String? { refusal(Array(text.utf8)) }

@Suite("JSON parser")
struct JSONParserTests {
    @Test("objects keep their keys in order; arrays, literals and whitespace")
    func documents() throws {
        let value = try parse(" \n\t{\"b\": [1, true, false, null, \"x\", [], {}], \"a\": {\"c\": -2}}\r\n")
        #expect(
            value
                == .object([
                    (
                        "b",
                        .array([.number(1), .bool(true), .bool(false), .null, .string("x"), .array([]), .object([])])
                    ),
                    ("a", .object([("c", .number(-2))])),
                ]))
        #expect(try parse("\"top-level string\"") == .string("top-level string"))
        #expect(try parse("7") == .number(7))
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number(1)]))
    }

    @Test("every escape, UTF-8 as it is, and surrogate pairs")
    func escapes() throws {
        #expect(try parse(#""\" \\ \/ \b \f \n \r \t""#) == .string("\" \\ / \u{08} \u{0C} \n \r \t"))
        #expect(try parse(#""\u0041\u00e9\u00E9\u20AC\u0000""#) == .string("Aéé€\u{0}"))
        #expect(try parse(#""\uD83D\uDE42 and \ud83d\ude42""#) == .string("🙂 and 🙂"))
        #expect(try parse("\"José 👩‍💻 漢字\"") == .string("José 👩‍💻 漢字"))
        #expect(try parse(#""before\nafter""#) == .string("before\nafter"))
    }

    @Test("numbers keep their text: negatives, fractions, exponents, beyond 64 bits")
    func numbers() throws {
        for text in [
            "0", "-0", "42", "-17", "3.25", "-0.5", "1e3", "1E+3", "2.5e-7", "-1.0E-0",
            "9223372036854775807", "-9223372036854775808", "123456789012345678901234567890", "1e400",
        ] {
            #expect(try parse(text) == .number(JSONNumber(checkedText: text)), "\(text)")
            #expect(try parse("[\(text)]").serialized == "[\(text)]")
        }
    }

    @Test("each kind of syntax error says what and where")
    func syntaxErrors() {
        let cases: [(String, String)] = [
            ("", "expected a value, found the end of the input (line 1, column 1)"),
            ("   ", "expected a value, found the end of the input (line 1, column 4)"),
            ("[1, 2", "expected ',' or ']' in an array, found the end of the input (line 1, column 6)"),
            ("[1 2]", "expected ',' or ']' in an array, found '2' (line 1, column 4)"),
            ("[1,]", "expected a value, found ']' (line 1, column 4)"),
            ("{\"a\": 1,}", "expected a key in double quotes, found '}' (line 1, column 9)"),
            ("{a: 1}", "expected a key in double quotes, found 'a' (line 1, column 2)"),
            ("{\"a\" 1}", "expected ':' after the key \"a\", found '1' (line 1, column 6)"),
            ("{\"a\": 1 \"b\": 2}", "expected ',' or '}' in an object, found '\"' (line 1, column 9)"),
            ("{\"a\": 1, \"a\": 2}", "duplicate key \"a\" in an object (line 1, column 10)"),
            ("{\n  \"x\": tru\n}", "expected true, found 't' (line 2, column 8)"),
            ("nul", "expected null, found 'n' (line 1, column 1)"),
            ("[1] x", "expected the end of the document, found 'x' (line 1, column 5)"),
            ("{} {}", "expected the end of the document, found '{' (line 1, column 4)"),
            ("\"open", "unterminated string (line 1, column 1)"),
            ("[\"a\nb\"]", "control character U+000A must be escaped in a string (line 1, column 4)"),
            (#""\q""#, "invalid escape '\\' followed by 'q' in a string (line 1, column 2)"),
            (#""\u12G4""#, "\\u must be followed by four hex digits, found 'G' (line 1, column 6)"),
            (#""\uD83D""#, "unpaired surrogate \\uD83D in a string (line 1, column 2)"),
            (#""\uD83Dx""#, "unpaired surrogate \\uD83D in a string (line 1, column 2)"),
            (#""\uD83D\u0041""#, "unpaired surrogate \\uD83D in a string (line 1, column 2)"),
            (#""\uDE42""#, "unpaired surrogate \\uDE42 in a string (line 1, column 2)"),
            ("01", "a number cannot start with 0 followed by digits (line 1, column 2)"),
            ("-", "expected a digit after '-', found the end of the input (line 1, column 2)"),
            ("-x", "expected a digit after '-', found 'x' (line 1, column 2)"),
            ("1.", "expected a digit after the decimal point, found the end of the input (line 1, column 3)"),
            ("1.e5", "expected a digit after the decimal point, found 'e' (line 1, column 3)"),
            ("1e", "expected a digit after the exponent's 'e', found the end of the input (line 1, column 3)"),
            ("1e+", "expected a digit after the exponent's 'e', found the end of the input (line 1, column 4)"),
            (".5", "expected a value, found '.' (line 1, column 1)"),
            ("+1", "expected a value, found '+' (line 1, column 1)"),
            ("NaN", "expected a value, found 'N' (line 1, column 1)"),
            ("[1] // comment", "expected the end of the document, found '/' (line 1, column 5)"),
            ("[\"é\", é]", "expected a value, found U+00E9 (line 1, column 7)"),
        ]
        for (text, message) in cases {
            #expect(refusal(text) == message, "\(text.debugDescription)")
        }
    }

    @Test("invalid UTF-8 is refused, in a string or out of one, with its byte")
    func invalidUTF8() {
        let quote = UInt8(ascii: "\"")
        #expect(refusal([quote, 0xFF, quote]) == "invalid UTF-8: byte 0xFF (line 1, column 2)")
        #expect(refusal([quote, 0x61, 0xC3, quote]) == "invalid UTF-8: byte 0xC3 (line 1, column 3)")
        #expect(refusal([quote, 0xC0, 0xAF, quote]) == "invalid UTF-8: byte 0xC0 (line 1, column 2)", "overlong /")
        #expect(
            refusal([quote, 0xED, 0xA0, 0x80, quote]) == "invalid UTF-8: byte 0xED (line 1, column 2)", "a surrogate")
        #expect(
            refusal([quote, 0xF4, 0x90, 0x80, 0x80, quote]) == "invalid UTF-8: byte 0xF4 (line 1, column 2)",
            "past U+10FFFF")
        #expect(refusal([0x5B, 0x80, 0x5D]) == "expected a value, found byte 0x80 (line 1, column 2)")
    }

    @Test("nesting is capped at 512 arrays and objects, with an error instead of a stack overflow")
    func depth() throws {
        let deepest =
            String(repeating: "[", count: JSONParser.maximumDepth)
            + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(throws: Never.self) { try parse(deepest) }
        let tooDeep = String(repeating: "[", count: JSONParser.maximumDepth + 1)
        #expect(refusal(tooDeep) == "arrays and objects nested more than 512 deep (line 1, column 513)")
        #expect(
            refusal(String(repeating: "{\"a\":", count: 100_000))
                == "arrays and objects nested more than 512 deep (line 1, column 2561)")
    }

    @Test("a large object with unique keys parses, and a duplicate among many keys is found")
    func manyKeys() throws {
        let members = (0..<20_000).map { "\"k\($0)\": \($0)" }
        guard case .object(let parsed) = try parse("{" + members.joined(separator: ",") + "}") else {
            Issue.record("not an object")
            return
        }
        #expect(parsed.count == 20_000 && parsed.last?.0 == "k19999")
        #expect(
            refusal("{" + (members + ["\"k5\": 0"]).joined(separator: ",") + "}")?.hasPrefix("duplicate key \"k5\"")
                == true)
    }

    @Test("line and column count lines and characters, not bytes")
    func positions() {
        #expect(refusal("{\n  \"é\": 1,\n  \"🙂\": x\n}") == "expected a value, found 'x' (line 3, column 8)")
        #expect(JSONSyntaxError("x", line: 2, column: 5).description == "x (line 2, column 5)")
    }
}
