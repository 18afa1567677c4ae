/// Making untrusted text (customer names, messages, typed fields) safe and measurable on a terminal.
public enum VisibleText {
    /// `text` with every control character and bidirectional override written as a visible escape
    /// (`\e`, `\n`, `\u{202E}`, …), so customer text can never move the cursor, change colours or reorder a line.
    public static func escaped(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{1B}": result += "\\e"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// Whether `text` is all printable ASCII (space to `~`): the common case, which needs no escaping
    /// and takes one column per byte.
    static func isPrintableASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
    }

    /// Whether `scalar` is a control character or a bidirectional control, written escaped.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// How many terminal columns `text` takes: East Asian wide characters and most emoji take two,
    /// combining marks none.
    public static func width(_ text: String) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        return text.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.isASCII { return 1 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark {
            return 0
        }
        if first.properties.isEmojiPresentation { return 2 }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// `text` cut to at most `columns` columns, ending in `ellipsis` (one column) when it was cut.
    public static func truncated(_ text: String, to columns: Int, ellipsis: String = "…") -> String {
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
