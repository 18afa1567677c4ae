/// Making untrusted text (customer names, messages, typed fields) safe and measurable on a terminal.
public enum VisibleText {
    /// `text` with everything that has no visible form of its own written as a visible escape: control
    /// characters (`\e`, `\n`, `\u{7F}`), format characters such as zero-width space and joiner, the BOM,
    /// bidirectional controls and tag characters, private-use and unassigned code points, line and paragraph
    /// separators and other default-ignorable code points (`\u{200B}`). A backslash is doubled (`\\`), so
    /// `A\eB` typed by a customer and `A`, ESC, `B` look different. Customer text can then never move the
    /// cursor, change colours, reorder a line or take columns it does not show.
    public static func escaped(_ text: String) -> String {
        if printableASCIICount(text, allowingBackslash: false) != nil { return text }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{1B}": result += "\\e"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// How many columns of a value a one-line message quotes (``excerpt(_:)``).
    public static let excerptColumns = 60

    /// `text` as a one-line message quotes a value it did not write (a name, a field, a key): escaped,
    /// and cut to ``excerptColumns`` columns ending in `…`, so a 1 MiB field makes a short line.
    public static func excerpt(_ text: String) -> String {
        // Escaping a megabyte to show sixty columns of it: cut first (on characters, a few per column at most).
        let head = text.utf8.count > excerptColumns * 8 ? String(text.prefix(excerptColumns * 2)) + "…" : text
        return truncated(escaped(head), to: excerptColumns)
    }

    /// Whether `text` is all printable ASCII (space to `~`): the common case, which needs no escaping
    /// (but for a backslash) and takes one column per byte.
    static func isPrintableASCII(_ text: String) -> Bool { printableASCIICount(text) != nil }

    /// The length of `text` when it is all printable ASCII (and has no backslash, unless allowed) —
    /// then also its width in columns — or `nil`. One pass over the bytes: the panel measures every
    /// piece of text it draws.
    static func printableASCIICount(_ text: String, allowingBackslash: Bool = true) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            let printable =
                allowingBackslash
                ? bytes.allSatisfy { $0 &- 0x20 < 0x5F }
                : bytes.allSatisfy { $0 &- 0x20 < 0x5F && $0 != UInt8(ascii: "\\") }
            return printable ? bytes.count : nil
        }
    }

    /// Whether ``escaped(_:)`` writes `scalar` as an escape: see there. Variation selectors stay, as
    /// they choose how the character before them is drawn (`❤️`).
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F: return scalar == "\\"
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: return false
        default:
            switch scalar.properties.generalCategory {
            case .format, .privateUse, .unassigned, .surrogate, .lineSeparator, .paragraphSeparator, .control:
                return true
            default: return scalar.properties.isDefaultIgnorableCodePoint
            }
        }
    }

    /// How many terminal columns `text` takes (see ``DisplayWidth``).
    public static func width(_ text: String) -> Int { DisplayWidth.of(text) }

    static func width(of character: Character) -> Int { DisplayWidth.of(character) }

    /// `text` cut to at most `columns` columns, ending in `ellipsis` (one column) when it was cut.
    public static func truncated(_ text: String, to columns: Int, ellipsis: String = "…") -> String {
        if let count = printableASCIICount(text) {
            guard count > columns else { return text }
            guard columns > 0 else { return "" }
            return String(text.utf8.prefix(columns - 1))! + ellipsis
        }
        guard width(text) > columns else { return text }
        guard columns > 0 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let next = width(of: character)
            if used + next > columns - 1 { break }
            result.append(character)
            used += next
        }
        return result + ellipsis
    }

    /// `text` padded with spaces to `columns` columns (cut first if longer).
    public static func padded(_ text: String, to columns: Int, ellipsis: String = "…") -> String {
        let fitted = truncated(text, to: columns, ellipsis: ellipsis)
        return fitted + repeated(" ", max(0, columns - width(fitted)))
    }

    /// `count` copies of `text` (a space, a box-drawing line) in one allocation. The standard
    /// `String(repeating:count:)` appends one copy at a time, which made padding most of the cost
    /// of drawing the panel.
    public static func repeated(_ text: String, _ count: Int) -> String {
        let unit = Array(text.utf8)
        let total = unit.count * max(0, count)
        guard total > 0 else { return "" }
        return String(unsafeUninitializedCapacity: total) { buffer in
            if unit.count == 1 {
                buffer.initialize(repeating: unit[0])
            } else {
                for index in 0..<total { buffer[index] = unit[index % unit.count] }
            }
            return total
        }
    }
}
