/// One line of terminal output, built as UTF-8 bytes while counting the columns it takes
/// (colour escape codes take none).
///
/// The panel is drawn after every command, so its lines are built this way rather than by
/// concatenating strings: each `+` on a `String` allocates and re-checks its text, which made
/// drawing a ten-session panel cost tens of microseconds.
struct TerminalLine {
    /// The text so far.
    private var bytes: [UInt8] = []
    /// The columns the text takes on screen.
    private(set) var columns = 0
    /// How to draw.
    let style: RenderStyle

    /// An empty line drawn in `style`.
    init(style: RenderStyle) {
        self.style = style
        bytes.reserveCapacity(style.color ? 192 : 96)
    }

    /// The finished line.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Adds text that is already safe to show (customer text must be escaped first).
    mutating func append(_ text: String) {
        var text = text
        let ascii = text.withUTF8 { utf8 in
            bytes.append(contentsOf: utf8)  // much faster than appending the UTF-8 view
            return utf8.allSatisfy { $0 &- 0x20 < 0x5F }  // printable ASCII: a column a byte
        }
        columns += ascii ? text.utf8.count : VisibleText.width(text)
    }

    /// Adds text in a tone, when colour is on.
    mutating func append(_ text: String, _ tone: RenderStyle.Tone) {
        guard style.color, !text.isEmpty else { return append(text) }
        append(escape: tone.rawValue)
        append(text)
        append(escape: "0")
    }

    /// Adds the Unicode symbol, or its ASCII stand-in, in a tone.
    mutating func append(symbol unicode: String, _ ascii: String, _ tone: RenderStyle.Tone) {
        append(style.symbol(unicode, ascii), tone)
    }

    /// Adds `count` copies of `unit` (one column each), in a tone.
    mutating func append(repeating unit: String, _ count: Int, _ tone: RenderStyle.Tone) {
        guard count > 0 else { return }
        if style.color { append(escape: tone.rawValue) }
        let unit = Array(unit.utf8)
        for _ in 0..<count { bytes.append(contentsOf: unit) }
        columns += count
        if style.color { append(escape: "0") }
    }

    /// Adds spaces up to `column`, if the line is shorter.
    mutating func pad(to column: Int) {
        let missing = column - columns
        guard missing > 0 else { return }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: missing))
        columns = column
    }

    /// Adds safe text cut to at most `width` columns (ending in `ellipsis` when cut) and padded with
    /// spaces to exactly `width` columns, all in a tone when given.
    mutating func append(fitting text: String, width: Int, ellipsis: String, _ tone: RenderStyle.Tone? = nil) {
        let painted = tone != nil && style.color && width > 0
        if painted, let tone { append(escape: tone.rawValue) }
        let end = columns + width
        append(VisibleText.truncated(text, to: width, ellipsis: ellipsis))
        pad(to: end)
        if painted { append(escape: "0") }
    }

    /// Adds as much of safe `text` as fits before column `limit` (cut text ends in `ellipsis`), in a tone
    /// when given; nothing when the line is already there.
    mutating func append(_ text: String, upTo limit: Int, ellipsis: String, _ tone: RenderStyle.Tone? = nil) {
        let room = limit - columns
        guard room > 0, !text.isEmpty else { return }
        if tone == nil || !style.color, let count = VisibleText.printableASCIICount(text), count <= room {
            var text = text  // the common case, measured once
            text.withUTF8 { bytes.append(contentsOf: $0) }
            columns += count
            return
        }
        let fitted = VisibleText.truncated(text, to: room, ellipsis: ellipsis)
        if let tone { append(fitted, tone) } else { append(fitted) }
    }

    /// Adds the select-graphic-rendition sequence `ESC [ code m`, which takes no columns.
    private mutating func append(escape code: String) {
        bytes.append(0x1B)
        bytes.append(UInt8(ascii: "["))
        var code = code
        code.withUTF8 { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "m"))
    }
}
