/// The shell's state machine: takes lines one at a time and says what each produced.
///
/// It owns the ``PanelState`` and the one piece of conversation state between lines: a pending
/// confirmation (`Close session "…"? [y/N]`), which the next line answers. The prompt, scripts
/// and `-c` all drive the same machine, so they behave the same.
public struct Interpreter: Sendable {
    /// What one line produced.
    public enum Step: Sendable, Equatable {
        /// Nothing: a blank line or a comment.
        case nothing
        /// The command ran; show the outcome.
        case ran(Outcome)
        /// The command was refused; the state is unchanged.
        case failed(CommandError)
        /// The command needs an answer first; ask this question and pass the answer to ``handle(_:)``.
        case asks(String)
    }

    /// The current state.
    public internal(set) var state: PanelState
    /// The question waiting for an answer, if any.
    public private(set) var pendingConfirmation: Confirmation?

    /// Starts with `state`.
    public init(state: PanelState) { self.state = state }

    /// Handles one line: a command, or the answer to the pending question.
    public mutating func handle(_ line: String) -> Step {
        if let confirmation = pendingConfirmation {
            pendingConfirmation = nil
            let answer = line.trimmingWhitespace().lowercased()
            guard answer == "y" || answer == "yes" else { return .ran(Outcome([.message("Kept the session open.")])) }
            return run(confirmation.command)
        }
        do throws(CommandError) {
            guard let command = try CommandParser.parse(line) else { return .nothing }
            return run(command)
        } catch {
            return .failed(error)
        }
    }

    /// Handles raw bytes of one line, refusing invalid UTF-8, NUL bytes and over-long lines.
    public mutating func handle(bytes: [UInt8]) -> Step {
        do throws(CommandError) {
            guard pendingConfirmation == nil else { return handle(try InputLine.decode(bytes)) }
            return try CommandParser.parse(bytes: bytes).map { run($0) } ?? .nothing
        } catch {
            if pendingConfirmation != nil { pendingConfirmation = nil }
            return .failed(error)
        }
    }

    /// The input ended: a pending question is answered "no".
    public mutating func endOfInput() -> Step {
        guard pendingConfirmation != nil else { return .nothing }
        return handle("")
    }

    /// Applies a parsed command directly.
    public mutating func run(_ command: Command) -> Step {
        do throws(CommandError) {
            let outcome = try SessionManager.apply(command, to: &state)
            if let confirmation = outcome.confirmation {
                pendingConfirmation = confirmation
                return .asks(confirmation.prompt)
            }
            return .ran(outcome)
        } catch {
            return .failed(error)
        }
    }
}

extension String {
    /// The string without leading and trailing white space. (It looks only at the ends: every script
    /// line goes through here, and walking a reversed copy of the whole line took most of a quiet run.)
    func trimmingWhitespace() -> String {
        let printable: ClosedRange<UInt8> = 0x21...0x7E  // an ASCII end that is not a space ends the trimming at once
        if let first = utf8.first, let last = utf8.last, printable.contains(first), printable.contains(last) { return self }
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return first == startIndex && index(after: last) == endIndex ? self : String(self[first...last])
    }
}
