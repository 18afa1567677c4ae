/// Turns what a command produced into the text a person reads.
public struct OutcomeRenderer: Sendable {
    /// How to draw.
    public let style: RenderStyle

    /// Creates a renderer.
    public init(style: RenderStyle) { self.style = style }

    /// The reports, then the panel when it changed, as lines.
    public func render(_ outcome: Outcome, in state: PanelState) -> [String] {
        let reports = ReportRenderer(style: style)
        var lines = outcome.reports.flatMap { reports.render($0, in: state) }
        if outcome.showsPanel { lines += PanelRenderer(style: style).render(state) }
        return lines
    }

    /// An error as one line, with its control characters escaped.
    public func render(_ error: CommandError) -> String {
        style.paint("error: ", .red) + VisibleText.escaped(error.message)
    }
}
