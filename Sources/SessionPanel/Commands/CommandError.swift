/// Why a line could not be parsed or a command could not be applied. The state is unchanged.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line, meant for the agent.
    public let message: String

    /// Creates an error with a one-line message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// The standard error for a command used with the wrong arguments, after what was wrong when known
    /// (`reason; usage: …`).
    static func usage(_ spec: CommandSpec, after reason: String? = nil) -> CommandError {
        let usage = "usage: \(spec.usage.joined(separator: " | "))"
        return CommandError(reason.map { "\($0); \(usage)" } ?? usage)
    }
}
