/// How rendered text should look: colour and box-drawing for a terminal, plain ASCII for pipes and files.
public struct RenderStyle: Sendable, Equatable {
    /// Whether to emit ANSI colour and bold.
    public var color: Bool
    /// Whether to draw with Unicode box-drawing characters (otherwise plain ASCII).
    public var unicode: Bool
    /// The columns available.
    public var width: Int
    /// Whether customer text is shown escaped (``VisibleText/escaped(_:)``), as a terminal needs; JSON
    /// output keeps it exact, and its writer escapes what JSON needs.
    public var escapesText = true
    /// Whether prose is wrapped to ``width`` (``Wrapping``): on a terminal, or when a width was asked for.
    /// Files and pipes (transcripts, ``plain``) and JSON keep each message one line, so that `expect` and
    /// `grep` find a sentence whatever the width.
    public var wrapsText = true

    /// The narrowest panel drawn; `--width` refuses less.
    public static let narrowest = 20
    /// The widest panel drawn, whatever the terminal says.
    public static let widest = 1_000

    /// Creates a style. `width` is clamped to ``narrowest``…``widest`` columns.
    public init(color: Bool, unicode: Bool, width: Int) {
        self.color = color
        self.unicode = unicode
        self.width = min(Self.widest, max(Self.narrowest, width))
    }

    /// Plain ASCII at 80 columns, prose unwrapped: the stable form used for scripts and transcripts.
    public static let plain: RenderStyle = {
        var style = RenderStyle(color: false, unicode: false, width: 80)
        style.wrapsText = false
        return style
    }()

    /// Plain, with customer text exact: the messages of `--format json`.
    public static let exact: RenderStyle = {
        var style = RenderStyle.plain
        style.escapesText = false
        return style
    }()

    /// Customer `text` as this style shows it: escaped for a terminal, exact for JSON.
    public func shown(_ text: String) -> String { escapesText ? VisibleText.escaped(text) : text }

    /// When to colour: `auto` colours a terminal unless `NO_COLOR` is set or the terminal is dumb.
    public enum ColorChoice: String, Sendable, CaseIterable {
        case auto, always, never
    }

    /// The style for an output: colour per `choice` (and the `NO_COLOR` convention), box drawing
    /// on a terminal, the terminal's width (or `width` when given, or 80); prose wrapped on a terminal or
    /// when `width` is given.
    public static func resolve(
        _ choice: ColorChoice, isTerminal: Bool, noColor: Bool, term: String?, terminalColumns: Int?, width: Int?
    ) -> RenderStyle {
        let dumb = term == "dumb"
        let color =
            switch choice {
            case .always: true
            case .never: false
            case .auto: isTerminal && !noColor && !dumb
            }
        var style = RenderStyle(color: color, unicode: isTerminal && !dumb, width: width ?? terminalColumns ?? 80)
        style.wrapsText = isTerminal || width != nil
        return style
    }

    /// ANSI styles used by the renderers.
    enum Tone: String {
        case bold = "1"
        case dim = "2"
        case reverse = "7"
        case red = "1;31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
        case magenta = "35"
    }

    /// `text` wrapped in the tone's escape codes when colour is on.
    func paint(_ text: String, _ tone: Tone) -> String {
        color && !text.isEmpty ? "\u{1B}[\(tone.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// `lines` of safe prose wrapped to the width at word boundaries, each with a hanging indent
    /// (``Wrapping/lines(_:width:indent:)``); as they are when the style does not wrap.
    public func fitted(_ lines: [String], indent: Int? = nil) -> [String] {
        wrapsText ? Wrapping.lines(lines, width: width, indent: indent) : lines
    }

    /// A symbol drawn in Unicode, or its ASCII stand-in.
    func symbol(_ unicode: String, _ ascii: String) -> String { self.unicode ? unicode : ascii }
}
