import SessionPanel
import SystemIO

/// The trainee's side of role-play: while the prompt runs it listens on the socket beside the state
/// file (``socketPath(forState:)``), takes trainers' requests (``RolePlayMessage``) without ever
/// waiting for a trainer, and pushes them what the customers they play would see.
final class RolePlayServer {
    private let socket: ListeningSocket
    private var trainers: [LineConnection] = []
    /// The conversations trainers play, whose customer-side changes they are told about.
    private var played: Set<Int> = []
    /// The state last published (``publish(_:)``).
    private var published: PanelState

    /// The most trainers connected at once (a class's trainer connects once per trainee).
    static let mostTrainers = 32

    /// The socket of the prompt that keeps `state`: `shift.db.sock` beside `shift.db`.
    static func socketPath(forState state: String) -> String { state + ".sock" }

    /// Listens at `path` (see ``ListeningSocket``), starting from `state`.
    init(path: String, state: PanelState) throws(UnixSocket.Problem) {
        socket = try ListeningSocket(path: path)
        published = state
    }

    /// What to wait on besides the keyboard: the socket and each trainer's connection.
    var descriptors: [Int32] { [socket.descriptor.rawValue] + trainers.map(\.descriptor.rawValue) }

    /// What a request did: the reply for the trainer, and the conversations it is about.
    struct Carried {
        var reply: RolePlayMessage.Reply
        var conversations: [Int]
    }

    /// Takes waiting trainers, reads what they sent and answers each request with what `carryOut`
    /// did; never waits. Returns the notices for the trainee's screen, a line each: a trainer
    /// disconnected for breaking the protocol, a connection of another user refused.
    func service(carryOut: (RolePlayMessage.Request) -> Carried) -> [String] {
        var notices = acceptTrainers()
        var index = 0
        while index < trainers.count {
            let trainer = trainers[index]
            if let notice = serve(trainer, carryOut: carryOut) {
                if !notice.isEmpty { notices.append(notice) }
                trainer.close()
                trainers.remove(at: index)
            } else {
                index += 1
            }
        }
        return notices
    }

    /// Tells trainers what changed, since the last call, in the conversations they play, as the
    /// customer sees it (``CustomerView``).
    func publish(_ state: PanelState) {
        defer { published = state }
        guard !played.isEmpty, !trainers.isEmpty else { return }
        for line in CustomerView.changes(from: published, to: state, in: played) {
            broadcast(RolePlayMessage.Reply(event: line))
        }
    }

    /// Stops listening, disconnects trainers and removes the socket file.
    func close() {
        for trainer in trainers { trainer.close() }
        trainers = []
        socket.close()
    }

    private func acceptTrainers() -> [String] {
        var notices: [String] = []
        while true {
            let accepted: ListeningSocket.Acceptance
            do {
                accepted = try socket.accept()
            } catch {
                return notices + ["role-play: cannot take a trainer's connection: \(error)"]
            }
            switch accepted {
            case .none: return notices
            case .refused(let uid):
                notices.append(
                    "role-play: refused a connection from another user (uid \(uid.map(String.init) ?? "unknown"))")
            case .connection(let descriptor):
                let trainer = LineConnection(descriptor, lineLimit: RolePlayMessage.lineLimit)
                guard trainers.count < Self.mostTrainers else {
                    try? trainer.send(RolePlayMessage.line(RolePlayMessage.Reply(error: "too many trainers connected")))
                    trainer.close()
                    continue
                }
                trainers.append(trainer)
            }
        }
    }

    /// Serves one trainer's lines; returns nil to keep the connection, or the notice (empty: none) to close it.
    private func serve(_ trainer: LineConnection, carryOut: (RolePlayMessage.Request) -> Carried) -> String? {
        let received: LineConnection.Received
        do {
            try trainer.flush()
            received = try trainer.receive()
        } catch {
            return refuse(trainer, error.description)
        }
        for line in received.lines {
            switch RolePlayMessage.request(from: line) {
            case .failure(let error): return refuse(trainer, error.message)
            case .success(let request):
                let carried = carryOut(request)
                played.formUnion(carried.conversations)
                do {
                    try trainer.send(RolePlayMessage.line(carried.reply))
                } catch {
                    return refuse(trainer, error.description)
                }
            }
        }
        return received.ended ? "" : nil
    }

    /// Sends the trainer one error line (if it still reads) and says why it is disconnected.
    private func refuse(_ trainer: LineConnection, _ reason: String) -> String {
        try? trainer.send(RolePlayMessage.line(RolePlayMessage.Reply(error: reason)))
        return "role-play: a trainer was disconnected: \(reason)"
    }

    /// Sends `reply` to every trainer; one that stopped reading long ago is disconnected.
    private func broadcast(_ reply: RolePlayMessage.Reply) {
        let line = RolePlayMessage.line(reply)
        trainers.removeAll { trainer in
            do {
                try trainer.send(line)
                return false
            } catch {
                trainer.close()
                return true
            }
        }
    }
}
