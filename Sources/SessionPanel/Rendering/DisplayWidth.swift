/// How many terminal columns text takes, measured per grapheme cluster the way terminals and
/// `wcwidth` draw it: East Asian Wide and Fullwidth characters (CJK, most emoji) take two, combining
/// marks, format characters and Hangul medial and final jamo none, everything else one. The ranges come
/// from ``ranges``, generated from the Unicode data by `scripts/generate-width-table`.
public enum DisplayWidth {
    /// The columns `text` takes.
    public static func of(_ text: String) -> Int {
        if let count = VisibleText.printableASCIICount(text) { return count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The columns one user-perceived character takes: an emoji sequence (a base with VS16 `U+FE0F`, or a
    /// pair of regional indicators making a flag) two; otherwise the sum of its code points' widths.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return 0 }
        if base.isASCII && scalars.count == 1 { return base.value < 0x20 || base.value == 0x7F ? 0 : 1 }
        if (0x1F1E6...0x1F1FF).contains(base.value) { return 2 }
        if scalars.contains("\u{FE0F}"), base.properties.isEmoji { return 2 }
        return scalars.reduce(0) { $0 + of($1) }
    }

    /// The columns one code point takes on its own (control characters none: they are shown escaped).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.first {
                high = middle - 1
            } else if value > range.last {
                low = middle + 1
            } else {
                return Int(range.columns)
            }
        }
        return 1
    }
}
