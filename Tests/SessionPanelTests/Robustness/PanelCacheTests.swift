import Testing

@testable import SessionPanel

/// The panel drawn with a ``PanelCache`` kept across commands (as a script draws it after every
/// command) is, line for line, the panel drawn from scratch.
struct PanelCacheTests {
    @Test("a kept cache draws the same panel as a fresh drawing, in every style, after every step", arguments: 0..<4)
    func cachedPanelMatchesFreshPanel(seed: UInt64) {
        let styles = [
            RenderStyle.plain,
            RenderStyle(color: true, unicode: true, width: 100),
            RenderStyle(color: false, unicode: true, width: 40),
        ]
        var lines = RandomCommandLines(source: SeededGenerator(seed: seed))
        var interpreter = Interpreter(state: PanelState())
        var caches = styles.map { _ in PanelCache() }
        var shared = PanelCache()  // one cache across styles starts over whenever the style changes
        for step in 1...1_500 {
            let line = lines.next()
            _ = interpreter.handle(InputLine(line))
            for (index, style) in styles.enumerated() {
                let renderer = PanelRenderer(style: style)
                let fresh = renderer.render(interpreter.state)
                let cached = renderer.render(interpreter.state, reusing: &caches[index])
                #expect(cached == fresh, "style \(index), seed \(seed), step \(step), after \(line.debugDescription)")
                if cached != fresh { return }
                if step % 3 == index {
                    #expect(
                        renderer.render(interpreter.state, reusing: &shared) == fresh, "shared cache, style \(index)")
                }
            }
        }
    }
}
