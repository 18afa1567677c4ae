/// Turns what a command produced into the text a person reads.
public struct OutcomeRenderer: Sendable {
    /// How to draw.
    public let style: RenderStyle

    /// Creates a renderer.
    public init(style: RenderStyle) { self.style = style }

    /// The items, then the panel when it changed, as lines.
    public func render(_ outcome: Outcome, in state: PanelState) -> [String] {
        var cache = PanelCache()
        return render(outcome, in: state, reusing: &cache)
    }

    /// The items, then the panel when it changed, drawing again only the panel pieces that differ
    /// from those in `cache` (see ``PanelRenderer/render(_:reusing:)``).
    public func render(_ outcome: Outcome, in state: PanelState, reusing cache: inout PanelCache) -> [String] {
        let panel = outcome.showsPanel ? PanelRenderer(style: style).render(state, reusing: &cache) : []
        guard !outcome.items.isEmpty else { return panel }  // most commands: the panel's lines, not a copy
        let renderer = OutcomeItemRenderer(style: style)
        return outcome.items.flatMap { renderer.render($0, in: state) } + panel
    }

    /// An error, with its control characters escaped: one line, wrapped to the width when longer
    /// (lines joined by newlines).
    public func render(_ error: CommandError) -> String {
        let lines = style.fitted(["error: " + VisibleText.escaped(error.message)], indent: 2)
        return ([style.paint("error: ", .red) + lines[0].dropFirst(7)] + lines.dropFirst()).joined(separator: "\n")
    }
}
