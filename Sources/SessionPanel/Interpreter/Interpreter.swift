/// The prompt's and the scripts' state machine: takes lines one at a time and says what each produced.
///
/// It owns the ``PanelState`` and the one piece of conversation state between lines: a pending
/// confirmation (`Close session "…"? [y/N]`), which the next line answers. The prompt, scripts,
/// `-c` and one-shot words all hand their lines to ``handle(_:)``, so they behave the same:
/// bytes of a line → ``CommandParser`` → ``PanelState/apply(_:)`` (the session manager) → new state
/// and an ``Outcome`` to render.
public struct Interpreter: Sendable {
    /// What one line produced.
    public enum Step: Sendable, Equatable {
        /// Nothing: a blank line or a comment.
        case nothing
        /// The command ran; show the outcome.
        case ran(Outcome)
        /// The command was refused; the state is unchanged.
        case failed(CommandError)
        /// The command needs an answer first; ask this question; the next line handed to ``handle(_:)`` answers it.
        case asks(String)
    }

    /// The current state.
    public internal(set) var state: PanelState
    /// The question waiting for an answer, if any.
    public private(set) var pendingConfirmation: Confirmation?

    /// Where a command's file is written; without one it stays in the outcome (``Outcome/export``)
    /// for the caller (`run --check` writes none).
    private let files: (any FileOutput)?

    /// The state as last saved, when nothing saves it (the live prompt without `--state`): `quit` then
    /// asks before leaving a shift that changed since (``askBeforeQuittingUnsavedWork()``).
    private var saved: PanelState?

    /// The pending notifications' work items as the list was last shown (the panel or `notifications`):
    /// what `accept 2` and `reject 2` number, so a request that timed out meanwhile never shifts the
    /// numbers onto another.
    private var shownNotifications: [Int]

    /// Starts with `state`, its notifications numbered as they are; commands' files go to `files`.
    public init(state: PanelState, files: (any FileOutput)? = nil) {
        self.state = state
        self.files = files
        shownNotifications = state.notifications.map(\.conversationID)
    }

    /// Handles one line — typed at the prompt, read from a script, split out of `-c`, or given as
    /// one-shot words: the answer to the pending question, or a command. Every way in comes here.
    public mutating func handle(_ line: InputLine) -> Step {
        if pendingConfirmation != nil { return answer(line) }
        do throws(CommandError) {
            guard let command = try CommandParser.parse(line) else { return .nothing }
            return run(command)
        } catch {
            return .failed(error)
        }
    }

    /// Handles a command the program built itself, already typed (`--traffic rush` starts the prompt
    /// with `.traffic(.rush, seed: nil)`), as ``handle(_:)`` handles the command a line parses to.
    public mutating func handle(_ command: Command) -> Step {
        if let pending = pendingConfirmation { return .failed(Self.notAnswered(pending, by: "a command")) }
        return run(command)
    }

    /// The state was saved to the store its conversations are read from: its change set is cleared
    /// (``PanelState/changesSaved()``), so the next save writes only what later commands change.
    public mutating func changesSaved() { state.changesSaved() }

    /// From now on, with nothing saving the state, `quit` asks before leaving a shift that changed since
    /// now (its clock aside), and offers the report first; `quit --yes` does not ask.
    public mutating func askBeforeQuittingUnsavedWork() { saved = state }

    /// Whether the shift changed, its clock aside, since ``askBeforeQuittingUnsavedWork()``.
    public var hasUnsavedWork: Bool {
        guard var baseline = saved else { return false }
        baseline.now = state.now
        return baseline != state
    }

    /// The question `quit` asks when the shift would be lost.
    static let quitQuestion = "The shift is not saved (no --state). Quit anyway? [y/N, r: report, then quit]"

    /// The input ended: a pending question is answered "no".
    public mutating func endOfInput() -> Step {
        guard pendingConfirmation != nil else { return .nothing }
        return answer(InputLine([]))
    }

    /// Takes `line` as the answer to the pending question: `y` or `yes` runs the command, `n`, `no` or
    /// an empty line keeps things as they are, and anything else is an error that names the question
    /// and the line (a command after `close` in a script is not taken for an answer).
    private mutating func answer(_ line: InputLine) -> Step {
        guard let confirmation = pendingConfirmation else { return .nothing }
        pendingConfirmation = nil
        do throws(CommandError) {
            let text = try line.decoded().trimmingWhitespace()
            switch text.lowercased() {
            case "y", "yes": return run(confirmation.command)
            case "r", "report":
                guard confirmation.offersReport else {
                    return .failed(Self.notAnswered(confirmation, by: "\"\(text)\""))
                }
                guard case .ran(var outcome) = run(.report(.text, svg: nil)),
                    case .ran(let then) = run(confirmation.command)
                else { return .nothing }
                outcome.quits = then.quits
                return .ran(outcome)
            case "n", "no", "": return .ran(Outcome([.message(confirmation.declined)]))
            default: return .failed(Self.notAnswered(confirmation, by: "\"\(text)\""))
            }
        } catch {
            return .failed(error)
        }
    }

    /// The error for a question left without an answer: `what` (a line, or the end of the input) came instead.
    public static func notAnswered(_ confirmation: Confirmation, by what: String) -> CommandError {
        CommandError(
            "\(what) does not answer \(confirmation.prompt) — nothing was closed; "
                + "answer y or n on the line after the command, or add --yes to it")
    }

    /// Applies a parsed command to the state.
    private mutating func run(_ command: Command) -> Step {
        if case .quit(confirmed: false) = command, hasUnsavedWork {
            var confirmation = Confirmation(prompt: Self.quitQuestion, command: .quit(confirmed: true))
            confirmation.declined = "The shift goes on."
            confirmation.offersReport = true
            pendingConfirmation = confirmation
            return .asks(confirmation.prompt)
        }
        do throws(CommandError) {
            var outcome = try state.apply(try numberedAsShown(command))
            if outcome.showsPanel || outcome.items.contains(.notifications) {
                shownNotifications = state.notifications.map(\.conversationID)
            }
            if let confirmation = outcome.confirmation {
                pendingConfirmation = confirmation
                return .asks(confirmation.prompt)
            }
            if let files, let export = outcome.export {
                try files.write(export)
                outcome.export = nil
                outcome.items.append(.message("Wrote \(export.description) to \(VisibleText.escaped(export.path))."))
            }
            return .ran(outcome)
        } catch {
            return .failed(error)
        }
    }
}

extension Interpreter {
    /// `command`, with a notification number turned into the request it was shown for.
    private func numberedAsShown(_ command: Command) throws(CommandError) -> Command {
        switch command {
        case .accept(.number(let number)?): .accept(try shownNotification(number))
        case .reject(.number(let number)?): .reject(try shownNotification(number))
        default: command
        }
    }

    /// The request numbered `number` in the list as last shown, those that arrived since numbered after
    /// it; an error when it is no longer pending.
    private func shownNotification(_ number: Int) throws(CommandError) -> NotificationChoice {
        let pending = state.notifications.map(\.conversationID)
        let shown = Set(shownNotifications)
        let numbered = shownNotifications + pending.filter { !shown.contains($0) }
        guard numbered.indices.contains(number - 1) else { return .number(number) }  // past the end: the usual error
        let id = numbered[number - 1]
        guard pending.contains(id) else {
            let title = try state.conversation(id)?.title ?? "W\(id)"
            throw CommandError(
                "notification \(number) (\(title)) is no longer pending; 'notifications' lists those that are")
        }
        return .workItem(id)
    }
}

extension String {
    /// The string without leading and trailing white space. (It looks only at the ends: every script
    /// line goes through here, and walking a reversed copy of the whole line took most of a quiet run.)
    func trimmingWhitespace() -> String {
        let printable: ClosedRange<UInt8> = 0x21...0x7E  // an ASCII end that is not a space ends the trimming at once
        if let first = utf8.first, let last = utf8.last, printable.contains(first), printable.contains(last) {
            return self
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else {
            return ""
        }
        return first == startIndex && index(after: last) == endIndex ? self : String(self[first...last])
    }
}
