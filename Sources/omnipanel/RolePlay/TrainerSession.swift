import LineEditor
import SessionPanel
import SystemIO

/// The trainer's side of role-play (`omnipanel customer --state shift.db`): customer-side lines sent
/// to the trainee's prompt, and what its customers would see shown as it comes — at a libedit prompt
/// of its own, or for `-c`'s lines (or lines piped in), each waiting for its answer.
final class TrainerSession {
    private let connection: LineConnection
    /// Whether the trainee's prompt ended the connection (it quit, or closed it for an error).
    private var ended = false
    /// The customers this trainer played, the latest first, for Tab.
    private var names: [String] = []

    /// Connected to the trainee's prompt over `connection`.
    init(connection: FileDescriptor) {
        self.connection = LineConnection(connection, lineLimit: RolePlayMessage.lineLimit)
    }

    /// Where the trainer's history is kept: beside the prompt's (`…/omnipanel/customer-history`).
    static var historyPath: String? { Prompt.historyPath.map { PrivateFile.split($0).folder + "/customer-history" } }

    /// Runs `lines` one after the other, each waiting for the trainee's answer; returns the exit
    /// status: 0 when every line was carried out, 1 when one was refused or the connection ended.
    func run(_ lines: [String]) -> Int32 {
        var status: Int32 = 0
        for line in lines {
            switch CustomerLine.parse(line) {
            case .failure(let error):
                Output.error("error: \(VisibleText.escaped(error.message))")
                status = 1
            case .success(.nothing), .success(.quit): continue
            case .success(.help): Output.print(Self.helpLines)
            case .success(.request(let request)):
                guard send(request), awaitAnswer() else { return 1 }
                if lastAnswerRefused { status = 1 }
            }
        }
        Output.flush()
        return status
    }

    /// The prompt: reads lines with `editor` until `quit` or Ctrl-D, showing what the trainee's
    /// customers see above the line being edited. Returns the exit status.
    func prompt(_ editor: LineEditor) -> Int32 {
        Output.print([
            "Playing the trainee's customers: 'help' lists what they can do, 'quit' leaves."
        ])
        Output.flush()
        editor.completer = { [unowned self] line, _ in CustomerLine.completions(for: line, names: names) }
        while !ended {
            let read = editor.readLine(
                prompt: "customer> ", status: "", wakeUpAfter: { nil },
                descriptors: { [unowned self] in ended ? [] : [connection.descriptor.rawValue] },
                onWake: { [unowned self] in PromptUpdate(lines: receive()) })
            switch read {
            case .line(let bytes):
                let line = String(decoding: bytes, as: UTF8.self)
                editor.addHistory(bytes)
                switch CustomerLine.parse(line) {
                case .failure(let error): Output.error("error: \(VisibleText.escaped(error.message))")
                case .success(.nothing): continue
                case .success(.help): Output.print(Self.helpLines)
                case .success(.quit): return 0
                case .success(.request(let request)):
                    if !send(request) { return 1 }
                }
                Output.flush()
            case .interrupted: continue
            case .endOfInput: return 0
            case .terminated(let signal):
                _ = editor.saveHistory()
                LineEditor.end(by: signal)
            }
        }
        return 1
    }

    /// `help`: what a customer can do.
    static var helpLines: [String] {
        CustomerLine.usage.map {
            "  \($0.usage)" + String(repeating: " ", count: max(1, 64 - $0.usage.count)) + $0.summary
        }
    }

    /// Whether the last answer awaited was a refusal.
    private var lastAnswerRefused = false

    private func send(_ request: RolePlayMessage.Request) -> Bool {
        if let name = request.customer { names = [name] + names.filter { $0 != name } }
        do {
            try connection.send(RolePlayMessage.line(request))
            while connection.hasBacklog {
                _ = InputWait.wait(for: connection.descriptor.rawValue, milliseconds: 10)
                try connection.flush()
            }
            return true
        } catch {
            Output.error("error: the trainee's prompt cannot be reached: \(error)")
            return false
        }
    }

    /// Waits for the answer to the request just sent, printing the events that come first. False
    /// when the connection ended first.
    private func awaitAnswer() -> Bool {
        while !ended {
            if case .terminated = InputWait.wait(for: connection.descriptor.rawValue, milliseconds: nil) {
                return false
            }
            let (lines, answered) = receiveLines()
            Output.print(lines)
            Output.flush()
            if answered { return true }
        }
        return false
    }

    /// What arrived, as lines to show.
    private func receive() -> [String] { receiveLines().lines }

    /// What arrived, as lines to show, and whether an answer (`done` or `refused`) was among them.
    private func receiveLines() -> (lines: [String], answered: Bool) {
        var lines: [String] = []
        var answered = false
        let received: LineConnection.Received
        do {
            received = try connection.receive()
        } catch {
            ended = true
            return (["error: the connection to the trainee's prompt failed: \(error)"], false)
        }
        for line in received.lines {
            switch RolePlayMessage.reply(from: line) {
            case .failure(let error):
                lines.append("error: \(error.message)")
            case .success(let reply):
                lines += (reply.done ?? []).map(VisibleText.escaped)
                lines += reply.event.map { ["← " + VisibleText.escaped($0)] } ?? []
                if let refused = reply.refused {
                    lines.append("refused: " + VisibleText.escaped(refused))
                    lastAnswerRefused = true
                }
                if let error = reply.error { lines.append("error: " + VisibleText.escaped(error)) }
                if reply.done != nil { lastAnswerRefused = false }
                answered = answered || reply.done != nil || reply.refused != nil
            }
        }
        if received.ended {
            ended = true
            lines.append("The trainee's prompt has ended the connection; Enter leaves.")
        }
        return (lines, answered)
    }
}
