import Foundation
import Testing

@testable import JSONCoding
@testable import SessionPanel

/// The state file's bytes as Foundation writes them, which ``JSONValue/prettyPrinted`` must match.
private func foundationPretty(_ value: some Encodable) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(value))
}

private func ourPretty(_ value: some Encodable) throws -> [UInt8] { try JSONValueEncoder().encode(value).prettyPrinted }

private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONValueDecoder().decode(type, from: Array(text.utf8))
}

/// A decoding error as its case, the key or type, and the coding path, e.g. `keyNotFound title at cases[1]`.
private func summary(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "not a DecodingError: \(error)" }
    func place(_ context: DecodingError.Context) -> String {
        context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
    }
    switch error {
    case .keyNotFound(let key, let context): return "keyNotFound \(key.stringValue) at \(place(context))"
    case .typeMismatch(let type, let context): return "typeMismatch \(type) at \(place(context))"
    case .valueNotFound(let type, let context): return "valueNotFound \(type) at \(place(context))"
    case .dataCorrupted(let context): return "dataCorrupted at \(place(context))"
    @unknown default: return "unknown"
    }
}

private func ourError<T: Decodable>(_ type: T.Type, _ text: String) -> String {
    do {
        _ = try decode(type, text)
        return "decoded"
    } catch {
        return summary(error)
    }
}

private func foundationError<T: Decodable>(_ type: T.Type, _ text: String) -> String {
    do {
        _ = try JSONDecoder().decode(type, from: Data(text.utf8))
        return "decoded"
    } catch {
        return summary(error)
    }
}

/// Every shape the synthesized and hand-written conformances use, plus the number types.
private struct Sampler: Codable, Equatable {
    var text: String
    var optional: String?
    var flag: Bool
    var whole: Int
    var small: Int8
    var unsigned: UInt64
    var real: Double
    var single: Float
    var list: [Int?]
    var nested: [[String]]
    var table: [String: Int]
}

@Suite("JSON encoding and decoding")
struct JSONCodingTests {
    @Test("a saved state is written byte for byte as JSONEncoder wrote it, and reads back equal")
    func savedState() throws {
        let saved = SavedState(busyState())
        let bytes = try ourPretty(saved)
        #expect(bytes == (try foundationPretty(saved)))
        #expect(try JSONValueDecoder().decode(SavedState.self, from: bytes) == saved)
        #expect(try JSONValueDecoder().decode(SavedState.self, from: try foundationPretty(saved)) == saved)
        #expect(
            try JSONValueDecoder().decode(SavedState.Version.self, from: bytes).version == SavedState.currentVersion)
    }

    @Test("the demo world and a fresh state round-trip, byte-identical to JSONEncoder")
    func worldAndFreshState() throws {
        #expect(try ourPretty(World.demo) == (try foundationPretty(World.demo)))
        #expect(try JSONValueDecoder().decode(World.self, from: try ourPretty(World.demo)) == World.demo)
        let fresh = SavedState(PanelState())
        #expect(try ourPretty(fresh) == (try foundationPretty(fresh)))
        #expect(try JSONValueDecoder().decode(SavedState.self, from: try ourPretty(fresh)) == fresh)
    }

    @Test(
        "random values of every shape round-trip exactly and are written as JSONEncoder writes them", arguments: 0..<4)
    func randomValues(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{85}",
            "é", "\u{202E}", "\u{FFFF}", "🙂", "\u{10FFFF}", "\u{8}", "\u{C}", "\r",
        ]
        func text() -> String {
            String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
        }
        for _ in 0..<200 {
            let real = Double(bitPattern: random.next())
            let sample = Sampler(
                text: text(), optional: Bool.random(using: &random) ? text() : nil, flag: Bool.random(using: &random),
                whole: Int(bitPattern: UInt(random.next())), small: Int8.random(in: .min ... .max, using: &random),
                unsigned: random.next(), real: real.isFinite ? real : 0.1,
                single: Float.random(in: -1e30...1e30, using: &random),
                list: [nil, Int.random(in: -1000...1000, using: &random)], nested: [[text()], [], [text(), text()]],
                table: Dictionary([(text(), 1), (text(), 2)]) { first, _ in first })
            let bytes = try ourPretty(sample)
            let decoded = try JSONValueDecoder().decode(Sampler.self, from: bytes)
            #expect(decoded == sample)
            #expect(decoded.real.bitPattern == sample.real.bitPattern)
            var withoutFloats = sample
            withoutFloats.single = 0.5
            withoutFloats.real = 0.25
            #expect(try ourPretty(withoutFloats) == (try foundationPretty(withoutFloats)))
        }
    }

    @Test("doubles round-trip bit for bit, extremes included; infinity and NaN cannot be written")
    func doubles() throws {
        for value in [
            0.0, -0.0, 0.1, 1.0 / 3, 1e-300, .leastNonzeroMagnitude, 2.2250738585072014e-308, .greatestFiniteMagnitude,
            -.greatestFiniteMagnitude, 9_007_199_254_740_992, 123456.789e10,
        ] {
            let json = try JSONValueEncoder().encode([value])
            #expect(
                try JSONValueDecoder().decode([Double].self, from: Array(json.serialized.utf8))[0].bitPattern
                    == value.bitPattern, "\(value)")
        }
        for value in [Double.infinity, -.infinity, .nan] {
            #expect(throws: EncodingError.self) { try JSONValueEncoder().encode([value]) }
        }
        #expect(ourError(Double.self, "1e400") == "dataCorrupted at ")
    }

    @Test("whole numbers decode exactly: fractions are a type mismatch, out of range is corrupt data")
    func integers() throws {
        #expect(
            try decode(
                [Int].self, "[0, -0, 20, 2e1, 2.0, 2.50e1, -1.2e3, 9223372036854775807, -9223372036854775808, 0e999]")
                == [0, 0, 20, 20, 2, 25, -1200, .max, .min, 0])
        #expect(try decode(UInt64.self, "18446744073709551615") == .max)
        #expect(try decode(Int8.self, "-128") == -128)
        #expect(ourError([Int].self, "[1, 1.5]") == "typeMismatch Int at [1]")
        #expect(ourError(Int.self, "1e-1") == "typeMismatch Int at ")
        #expect(ourError(Int.self, "9223372036854775808") == "dataCorrupted at ")
        #expect(ourError(Int.self, "1e19") == "dataCorrupted at ")
        #expect(ourError(Int.self, "1e999999999999999999999") == "dataCorrupted at ")
        #expect(ourError(UInt.self, "-1") == "dataCorrupted at ")
        #expect(ourError(Int8.self, "128") == "dataCorrupted at ")
        #expect(ourError(Int.self, "\"7\"") == "typeMismatch Int at ")
    }

    @Test("decoding errors are the same cases at the same coding paths as JSONDecoder's")
    func errorsMatchJSONDecoder() {
        let valid =
            #"{"contacts": [{"name": "A"}], "accounts": [], "cases": [{"number": 1, "title": "x"}, "#
            + #"{"number": 2, "title": "y"}], "workItems": [{"id": 1, "channel": "chat", "stream": "open"}]}"#
        let misspelled = valid.replacingOccurrences(of: #""title": "y""#, with: #""titel": "y""#)
        // JSONDecoder drops an unknown member and then misses the real one; ours names the unknown member.
        #expect(foundationError(World.self, misspelled) == "keyNotFound title at .cases[1]")
        #expect(ourError(World.self, misspelled) == "dataCorrupted at .cases[1].titel")
        let broken = [
            valid.replacingOccurrences(of: #""title": "y""#, with: #""title": 5"#),
            valid.replacingOccurrences(of: #""title": "y""#, with: #""title": null"#),
            valid.replacingOccurrences(of: #""number": 2"#, with: #""number": "2""#),
            valid.replacingOccurrences(of: #""number": 2"#, with: #""number": true"#),
            valid.replacingOccurrences(of: #""chat""#, with: #""fax""#),
            valid.replacingOccurrences(of: #""accounts": []"#, with: #""accounts": {}"#),
            valid.replacingOccurrences(of: #""accounts": []"#, with: #""accounts": [7]"#),
            valid.replacingOccurrences(of: #""accounts": [], "#, with: ""),
            valid.replacingOccurrences(of: #"{"name": "A"}"#, with: #"{"name": "A", "account": 3}"#),
            "[1, 2, 3]", "\"world\"", "null",
        ]
        for text in broken {
            #expect(ourError(World.self, text) == foundationError(World.self, text), "\(text)")
            #expect(ourError(World.self, text) != "decoded", "\(text)")
        }
        #expect(ourError(World.self, broken[0]) == "typeMismatch String at .cases[1].title")
        #expect(ourError(World.self, valid) == "decoded")
    }

    @Test("saved-state kinds and duplicate work items are refused as JSONDecoder refused them")
    func savedStateErrors() throws {
        let json = String(decoding: try ourPretty(SavedState(busyState())), as: UTF8.self)
        for (from, to) in [
            ("\"kind\" : \"home\"", "\"kind\" : \"garden\""), ("\"kind\" : \"home\"", "\"kind\" : 42"),
            ("\"content\" : \"kb\"", "\"content\" : {\"kb\" : 1, \"app\" : \"x\"}"),
            (
                "\"conversations\" : [",
                "\"conversations\" : [{\"assignedToAgent\" : true, \"channel\" : \"chat\", \"id\" : 101, \"messages\" : [], \"state\" : \"active\"},"
            ),
        ] {
            let changed = json.replacingOccurrences(of: from, with: to)
            #expect(changed != json)
            #expect(ourError(SavedState.self, changed) == foundationError(SavedState.self, changed), "\(to)")
            #expect(ourError(SavedState.self, changed) != "decoded")
        }
    }

    @Test("unkeyed containers report the index they ran out at, and decodeNil does not move past a value")
    func unkeyedContainers() throws {
        struct Pair: Decodable {
            let first: Int?
            let second: String
            init(from decoder: any Decoder) throws {
                var items = try decoder.unkeyedContainer()
                first = try items.decodeNil() ? nil : try items.decode(Int.self)
                second = try items.decode(String.self)
            }
        }
        #expect(try decode(Pair.self, "[null, \"x\"]").first == nil)
        #expect(try decode(Pair.self, "[3, \"x\"]").first == 3)
        #expect(ourError(Pair.self, "[3]") == "valueNotFound String at [1]")
        #expect(ourError(Pair.self, "{}") == "typeMismatch Array<Any> at ")
    }

    @Test("a nested container written after its siblings lands under its key; a type that encodes nothing is an error")
    func nestedEncodingContainers() throws {
        struct Outer: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: JSONCodingKey.self)
                var inner = container.nestedUnkeyedContainer(forKey: JSONCodingKey(stringValue: "inner"))
                try container.encode(1, forKey: JSONCodingKey(stringValue: "after"))
                try inner.encode("late")
                var deeper = inner.nestedContainer(keyedBy: JSONCodingKey.self)
                try deeper.encode(true, forKey: JSONCodingKey(stringValue: "deep"))
                try container.encode(2, forKey: JSONCodingKey(stringValue: "after"))
            }
        }
        #expect(try JSONValueEncoder().encode(Outer()).serialized == #"{"inner":["late",{"deep":true}],"after":2}"#)
        struct Silent: Encodable { func encode(to encoder: any Encoder) throws {} }
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode(Silent()) }
    }
}
