import ArgumentParser
import SessionPanel

/// What every way of running the shell shares: the starting state, the style, the options.
struct ShellContext {
    let options: ShellOptions
    let initialState: PanelState

    /// Loads the world (the built-in demo unless `--world` names a file). A bad world file is
    /// reported on standard error as one line and ends the program with status 2.
    init(options: ShellOptions) throws {
        self.options = options
        do {
            let world = try options.world.map { path in try WorldFile.load(path) } ?? .demo
            self.initialState = PanelState(world: world)
        } catch let error as WorldFile.Failure {
            Output.error("omnipanel: \(error.message)")
            throw ExitCode(2)
        }
    }

    /// The renderer for standard output, with the terminal's current width.
    var renderer: OutcomeRenderer { OutcomeRenderer(style: Terminal.style(for: options)) }

    /// Runs `lines` without a prompt, streaming what it prints. Returns the exit status.
    func runScript(named name: String, lines: some Sequence<[UInt8]>) -> Int32 {
        defer { Output.flush() }
        let scriptOptions = ScriptRunner.Options(
            strict: options.strict, echo: options.echo, style: renderer.style, quiet: options.quiet)
        var runner = ScriptRunner(name: name, state: initialState, options: scriptOptions)
        return runner.run(lines) { event in
            switch event {
            case .output(let lines): Output.print(lines)
            case .question(let text): Output.ask(text)
            case .error(let line): Output.error(line)
            }
        }
    }
}
