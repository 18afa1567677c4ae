/// Prose fitted to the terminal: broken at spaces, never inside a word unless one word is wider than a
/// line, with a hanging indent, and cut at a word when it must stay one line. Columns are measured with
/// ``DisplayWidth`` (wide characters take two, combining marks none); colour escapes take none.
public enum Wrapping {
    /// The lines of `text` (safe to show, no newline), each at most `width` columns. The first line keeps
    /// its leading spaces; each later line starts with `indent` spaces (at most half the width, so words
    /// keep room). By default that is where a table row's last column starts — the text after the last
    /// run of two or more spaces (`  close   Close the focused…`) — or else two more than the leading
    /// spaces. A table row whose column would start past half the width puts its first column on a line
    /// of its own and the rest below, four columns in, its columns two spaces apart (and its later lines
    /// under its last column, when that is within half the width). Spaces inside a line stay as they are
    /// (table columns); where a line breaks they go. Only a word wider than the whole width is split.
    public static func lines(_ text: String, width: Int, indent: Int? = nil) -> [String] {
        if let count = VisibleText.printableASCIICount(text), count <= width { return [text] }
        let words = self.words(text)
        if words.reduce(0, { $0 + $1.gapWidth + $1.width }) <= width { return [text] }
        let leading = words[0].gapWidth
        let cells = words.indices.dropFirst().filter { words[$0].gapWidth >= 2 }
        let hanging = indent ?? cells.last.map { column(of: $0, in: words) } ?? leading + 2
        guard hanging > width / 2, let second = cells.first else {
            return fill(words, width: width, hanging: min(hanging, width / 2))
        }
        var rest = Array(words[second...])
        for index in rest.indices.dropFirst() where rest[index].gapWidth > 2 {
            (rest[index].gap, rest[index].gapWidth) = ("  ", 2)
        }
        rest[0].gap = VisibleText.repeated(" ", leading + 4)
        rest[0].gapWidth = leading + 4
        // under the rest's last column when that is within half the width, else as a block
        let last = rest.indices.dropFirst().last { rest[$0].gapWidth >= 2 }.map { column(of: $0, in: rest) }
        let below = indent ?? last.flatMap { $0 <= width / 2 ? $0 : nil } ?? leading + 4
        return fill(Array(words[..<second]), width: width, hanging: min(leading + 2, width / 2))
            + fill(rest, width: width, hanging: min(below, width / 2))
    }

    /// The column at which word `index` starts.
    private static func column(of index: Int, in words: [Word]) -> Int {
        words[..<index].reduce(0) { $0 + $1.gapWidth + $1.width } + words[index].gapWidth
    }

    /// `words` on as few lines of `width` as they fill, each after the first starting `hanging` spaces
    /// in (fewer for a word that would not fit after them).
    private static func fill(_ words: [Word], width: Int, hanging: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        for (index, word) in words.enumerated() {
            if used + word.gapWidth + word.width <= width {
                line += word.gap + word.text
                used += word.gapWidth + word.width
                continue
            }
            if index > 0 { lines.append(line) }
            let margin = index == 0 ? word.gapWidth : hanging
            used = word.width > width ? margin : min(margin, width - word.width)
            line = VisibleText.repeated(" ", used)
            for piece in pieces(word, room: width - used, fresh: width - hanging) {
                if used + piece.width > width, used > hanging {
                    lines.append(line)
                    (line, used) = (VisibleText.repeated(" ", hanging), hanging)
                }
                line += piece.text
                used += piece.width
            }
        }
        lines.append(line)
        return lines
    }

    /// Each line of `lines` wrapped (``lines(_:width:indent:)``), one after the other.
    public static func lines(_ lines: [String], width: Int, indent: Int? = nil) -> [String] {
        lines.flatMap { self.lines($0, width: width, indent: indent) }
    }

    /// `text` cut to at most `width` columns at the end of a word, ending in `ellipsis` (one column) when
    /// it was cut; only the ellipsis when not even its first word fits.
    public static func cut(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 0 else { return "" }
        var kept = ""
        var used = 0
        for word in words(text) {
            guard used + word.gapWidth + word.width <= width - 1 else { break }
            kept += word.gap + word.text
            used += word.gapWidth + word.width
        }
        while let last = kept.last, last == "," || last == ";" || last == ":" { kept.removeLast() }
        return (kept.contains { $0 != " " } ? kept : "") + ellipsis
    }

    /// One word and the spaces before it, with the columns each takes.
    struct Word {
        var gap = ""
        var gapWidth = 0
        var text = ""
        var width = 0
    }

    /// The words of `text` with the spaces before each (the first's are the line's leading spaces).
    static func words(_ text: String) -> [Word] {
        var words: [Word] = []
        var word = Word()
        var escape = false
        for character in text {
            if escape {
                word.text.append(character)
                escape = !endsEscape(character)
                continue
            }
            if character == " " {
                if !word.text.isEmpty {
                    words.append(word)
                    word = Word()
                }
                word.gap.append(" ")
                word.gapWidth += 1
            } else if character == "\u{1B}" {
                word.text.append(character)
                escape = true
            } else {
                word.text.append(character)
                word.width += DisplayWidth.of(character)
            }
        }
        if !word.text.isEmpty || words.isEmpty { words.append(word) }
        return words
    }

    /// `word` in pieces: as much as fits in `room` columns, then pieces of `fresh` columns (a whole
    /// word when it fits either way). Colour escapes stay whole.
    private static func pieces(_ word: Word, room: Int, fresh: Int) -> [(text: String, width: Int)] {
        guard word.width > room, word.width > fresh else { return [(word.text, word.width)] }
        var pieces: [(text: String, width: Int)] = []
        var piece = ""
        var used = 0
        var limit = max(1, room)
        var escape = false
        for character in word.text {
            let columns = escape || character == "\u{1B}" ? 0 : DisplayWidth.of(character)
            if character == "\u{1B}" {
                escape = true
            } else if escape, endsEscape(character) {
                escape = false
            }
            if used + columns > limit, used > 0 {
                pieces.append((piece, used))
                (piece, used, limit) = ("", 0, max(1, fresh))
            }
            piece.append(character)
            used += columns
        }
        if !piece.isEmpty { pieces.append((piece, used)) }
        return pieces
    }

    /// Whether `character` ends a colour escape (`ESC [ 1 ; 31 m`): its final letter, not the `[`.
    private static func endsEscape(_ character: Character) -> Bool {
        guard character != "[", let scalar = character.unicodeScalars.first else { return false }
        return (0x40...0x7E).contains(scalar.value)
    }
}
