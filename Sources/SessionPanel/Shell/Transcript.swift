/// A script's transcript: what `omnipanel run --echo FILE 2>&1` prints, as one string.
///
/// The golden files beside each script in `Examples/` (`NAME.omni.out`) are transcripts, so a
/// change in behaviour or rendering shows up as a diff.
public enum Transcript {
    /// Runs `script` (its name used in error lines) from a fresh state in `world`, echoing commands,
    /// in the plain style.
    public static func of(_ script: String, named name: String, world: World = .demo) -> String {
        var runner = ScriptRunner(name: name, state: PanelState(world: world), options: .init(echo: true))
        var text = ""
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
        _ = runner.run((script.hasSuffix("\n") ? lines.dropLast() : lines[...]).map { Array($0.utf8) }) { event in
            text += rendered(event)
        }
        return text
    }

    /// An event as the terminal shows it.
    public static func rendered(_ event: ScriptRunner.Event) -> String {
        switch event {
        case .output(let lines): lines.map { $0 + "\n" }.joined()
        case .question(let text): text
        case .error(let line): line + "\n"
        }
    }
}
