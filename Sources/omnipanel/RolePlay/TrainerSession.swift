import LineEditor
import SessionPanel
import SystemIO

/// The trainer's side of role-play (`omnipanel customer --state shift.db`, or `--class DIR` for every
/// trainee's prompt at once): customer-side lines sent to the trainees' prompts, and what their
/// customers would see shown as it comes — at a libedit prompt of its own, or for `-c`'s lines (or
/// lines piped in), each waiting for every answer. With more than one trainee, each line shown starts
/// with the trainee's name.
final class TrainerSession {
    /// A trainee's prompt the trainer is connected to.
    private final class Trainee {
        /// The trainee's name: their state file's, without `.db`.
        let name: String
        let connection: LineConnection
        /// Whether their prompt ended the connection (it quit, or closed it for an error).
        var ended = false

        init(name: String, connection: FileDescriptor) {
            self.name = name
            self.connection = LineConnection(connection, lineLimit: RolePlayMessage.lineLimit)
        }
    }

    private let trainees: [Trainee]
    /// The customers this trainer played, the latest first, for Tab.
    private var names: [String] = []
    /// Whether an answer awaited was a refusal.
    private var refused = false

    /// Connected to the trainees' prompts, each named.
    init(connections: [(name: String, descriptor: FileDescriptor)]) {
        trainees = connections.map { Trainee(name: $0.name, connection: $0.descriptor) }
    }

    /// Where the trainer's history is kept: beside the prompt's (`…/omnipanel/customer-history`).
    static var historyPath: String? { Prompt.historyPath.map { PrivateFile.split($0).folder + "/customer-history" } }

    /// The trainee a state file is for: its name without the folder and `.db`.
    static func traineeName(ofState path: String) -> String {
        let name = PrivateFile.split(path).name
        return name.hasSuffix(".db") && name.count > 3 ? String(name.dropLast(3)) : name
    }

    private var connected: [Trainee] { trainees.filter { !$0.ended } }

    /// Runs `lines` one after the other, each waiting for every trainee's answer; returns the exit
    /// status: 0 when every line was carried out, 1 when one was refused or a connection ended.
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
                refused = false
                let sentTo = send(request)
                if sentTo.count < trainees.count || !awaitAnswers(from: sentTo) || refused { status = 1 }
            }
        }
        Output.flush()
        return status
    }

    /// The prompt: reads lines with `editor` until `quit` or Ctrl-D, showing what the trainees'
    /// customers see above the line being edited. Returns the exit status.
    func prompt(_ editor: LineEditor) -> Int32 {
        Output.print(["Playing the trainee's customers: 'help' lists what they can do, 'quit' leaves."])
        Output.flush()
        editor.completer = { [unowned self] line, _ in TabCompletion(CustomerLine.completions(for: line, names: names))
        }
        while !connected.isEmpty {
            let read = editor.readLine(
                prompt: "customer> ", status: "", wakeUpAfter: { nil },
                descriptors: { [unowned self] in connected.map(\.connection.descriptor.rawValue) },
                onWake: { [unowned self] in PromptUpdate(lines: connected.flatMap(receive)) })
            switch read {
            case .line(let bytes):
                editor.addHistory(bytes)
                switch CustomerLine.parse(String(decoding: bytes, as: UTF8.self)) {
                case .failure(let error): Output.error("error: \(VisibleText.escaped(error.message))")
                case .success(.nothing): continue
                case .success(.help): Output.print(Self.helpLines)
                case .success(.quit): return 0
                case .success(.request(let request)): _ = send(request)
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

    /// Sends `request` to every trainee still connected; returns those it reached.
    private func send(_ request: RolePlayMessage.Request) -> [Trainee] {
        if let name = request.customer { names = [name] + names.filter { $0 != name } }
        let line = RolePlayMessage.line(request)
        return connected.filter { trainee in
            do {
                try trainee.connection.send(line)
                while trainee.connection.hasBacklog {
                    _ = InputWait.wait(for: trainee.connection.descriptor.rawValue, milliseconds: 10)
                    try trainee.connection.flush()
                }
                return true
            } catch {
                trainee.ended = true
                Output.error("error: \(prefix(trainee))the trainee's prompt cannot be reached: \(error)")
                return false
            }
        }
    }

    /// Waits for the answer of each of `trainees` to the request just sent, printing what comes
    /// meanwhile. False when a connection ended first.
    private func awaitAnswers(from trainees: [Trainee]) -> Bool {
        var waiting = trainees
        var complete = true
        while !waiting.isEmpty {
            var descriptors = waiting.map {
                pollfd(fd: $0.connection.descriptor.rawValue, events: Int16(POLLIN), revents: 0)
            }
            guard poll(&descriptors, nfds_t(descriptors.count), -1) > 0 else {
                if errno == EINTR { continue }
                return false
            }
            for (trainee, descriptor) in zip(waiting, descriptors) where descriptor.revents != 0 {
                let (lines, answered) = receiveLines(trainee)
                Output.print(lines)
                if answered { waiting.removeAll { $0 === trainee } }
                if trainee.ended, !answered {
                    waiting.removeAll { $0 === trainee }
                    complete = false
                }
            }
            Output.flush()
        }
        return complete
    }

    /// What arrived from `trainee`, as lines to show.
    private func receive(_ trainee: Trainee) -> [String] { receiveLines(trainee).lines }

    /// `Name: ` before a trainee's lines when the trainer plays for several, otherwise nothing.
    private func prefix(_ trainee: Trainee) -> String {
        trainees.count > 1 ? VisibleText.escaped(trainee.name) + ": " : ""
    }

    /// What arrived from `trainee`, as lines to show, and whether an answer (`done` or `refused`) was among them.
    private func receiveLines(_ trainee: Trainee) -> (lines: [String], answered: Bool) {
        let prefix = prefix(trainee)
        var lines: [String] = []
        var answered = false
        let received: LineConnection.Received
        do {
            received = try trainee.connection.receive()
        } catch {
            trainee.ended = true
            return (["error: \(prefix)the connection to the trainee's prompt failed: \(error)"], false)
        }
        for line in received.lines {
            switch RolePlayMessage.reply(from: line) {
            case .failure(let error):
                lines.append("error: \(prefix)\(error.message)")
            case .success(let reply):
                lines += (reply.done ?? []).map { prefix + VisibleText.escaped($0) }
                lines += reply.event.map { [prefix + "← " + VisibleText.escaped($0)] } ?? []
                if let reason = reply.refused {
                    lines.append("refused: " + prefix + VisibleText.escaped(reason))
                    refused = true
                }
                if let error = reply.error { lines.append("error: " + prefix + VisibleText.escaped(error)) }
                answered = answered || reply.done != nil || reply.refused != nil
            }
        }
        if received.ended {
            trainee.ended = true
            lines.append(
                prefix + "The trainee's prompt has ended the connection" + (connected.isEmpty ? "; Enter leaves." : ".")
            )
        }
        return (lines, answered)
    }
}
