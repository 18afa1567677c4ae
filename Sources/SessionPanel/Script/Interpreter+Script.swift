extension Interpreter {
    /// What one line of a script is: a step of the shell, or a directive for the script runner.
    public enum ScriptLine: Sendable, Equatable {
        /// A command (or an answer), handled like ``Interpreter/handle(bytes:)``.
        case step(Step)
        /// A script directive, left to the caller.
        case directive(ScriptDirective)
    }

    /// Handles one line of a script like ``handle(bytes:)``, but hands script directives back instead
    /// of refusing them (the prompt refuses them). An answer to a pending question is never a directive.
    public mutating func handleScriptLine(bytes: [UInt8]) -> ScriptLine {
        guard pendingConfirmation == nil else { return .step(handle(bytes: bytes)) }
        do throws(CommandError) {
            guard let command = try CommandParser.parse(bytes: bytes) else { return .step(.nothing) }
            if case .directive(let directive) = command { return .directive(directive) }
            return .step(run(command))
        } catch {
            return .step(.failed(error))
        }
    }
}
