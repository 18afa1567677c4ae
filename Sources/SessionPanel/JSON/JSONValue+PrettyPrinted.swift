extension JSONValue {
    /// The value as indented UTF-8 JSON with every object's keys sorted by their UTF-8 bytes: the state
    /// file format, byte for byte what `JSONEncoder` writes with `.prettyPrinted`,
    /// `.sortedKeys` and `.withoutEscapingSlashes`. Two spaces per level, `"key" : value`, an empty array
    /// as `[`, an empty line and `]`; only `"`, `\` and control characters are escaped (short forms where
    /// JSON has them, else `\u00xx`), everything else is written as it is. No newline at the end.
    public var prettyPrinted: [UInt8] {
        var output: [UInt8] = []
        writePretty(to: &output, indent: 0)
        return output
    }

    private func writePretty(to output: inout [UInt8], indent: Int) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .number(let value): output += value.text.utf8
        case .string(let text): Self.writePretty(text, to: &output)
        case .array(let items):
            Self.writeContainer("[", "]", items, to: &output, indent: indent) { item, output in
                item.writePretty(to: &output, indent: indent + 1)
            }
        case .object(let members):
            let sorted = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            Self.writeContainer("{", "}", sorted, to: &output, indent: indent) { member, output in
                Self.writePretty(member.0, to: &output)
                output += " : ".utf8
                member.1.writePretty(to: &output, indent: indent + 1)
            }
        }
    }

    /// `open`, a newline, the elements one per line one level deeper, a newline, `close` at `indent`.
    private static func writeContainer<Element>(
        _ open: Unicode.Scalar, _ close: Unicode.Scalar, _ elements: [Element], to output: inout [UInt8], indent: Int,
        _ writeElement: (Element, inout [UInt8]) -> Void
    ) {
        output.append(UInt8(ascii: open))
        output.append(0x0A)
        for (index, element) in elements.enumerated() {
            if index > 0 { output += ",\n".utf8 }
            output += repeatElement(0x20, count: 2 * (indent + 1))
            writeElement(element, &output)
        }
        output.append(0x0A)
        output += repeatElement(0x20, count: 2 * indent)
        output.append(UInt8(ascii: close))
    }

    private static func writePretty(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: "\""): output += #"\""#.utf8
                case UInt8(ascii: "\\"): output += #"\\"#.utf8
                case 0x08: output += #"\b"#.utf8
                case 0x0C: output += #"\f"#.utf8
                case 0x0A: output += #"\n"#.utf8
                case 0x0D: output += #"\r"#.utf8
                case 0x09: output += #"\t"#.utf8
                case 0..<0x20:
                    output += #"\u00"#.utf8
                    output += [byte >> 4, byte & 0xF].map {
                        $0 < 10 ? $0 + UInt8(ascii: "0") : $0 - 10 + UInt8(ascii: "a")
                    }
                case 0xA8...0xA9 where index >= 2 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80:
                    // U+2028 and U+2029 (E2 80 A8/A9), which end a line in JavaScript: replace the two bytes written
                    output.removeLast(2)
                    output += (byte == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
                default: output.append(byte)
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
