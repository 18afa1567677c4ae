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

    /// Runs `lines` without a prompt. Errors go to standard error as `name:line: message`.
    /// Returns the exit status: 0 when every command succeeded, 1 otherwise.
    func runScript(named name: String, lines: some Sequence<[UInt8]>) -> Int32 {
        defer { Output.flush() }
        var interpreter = Interpreter(state: initialState)
        var failures = 0
        var asking = false
        for (index, bytes) in lines.enumerated() {
            if asking {
                Output.print([String(decoding: bytes, as: UTF8.self).trimmingCharacters()])
            } else if options.echo, !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }), bytes.first != UInt8(ascii: "#") {
                Output.print(["omnipanel> " + VisibleText.escaped(String(decoding: bytes, as: UTF8.self))])
            }
            asking = false
            switch interpreter.handle(bytes: bytes) {
            case .nothing: continue
            case .ran(let outcome):
                Output.print(renderer.render(outcome, in: interpreter.state))
                if outcome.quits { return failures > 0 ? 1 : 0 }
            case .failed(let error):
                failures += 1
                Output.error("\(name):\(index + 1): \(VisibleText.escaped(error.message))")
                if options.strict { return 1 }
            case .asks(let question):
                Output.ask(VisibleText.escaped(question) + " ")
                asking = true
            }
        }
        if case .ran(let outcome) = interpreter.endOfInput() {
            Output.print([""] + renderer.render(outcome, in: interpreter.state))
        }
        return failures > 0 ? 1 : 0
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingCharacters() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
