import Testing

/// The shells whose completion the tests drive.
enum Shell: String, CustomStringConvertible {
    case bash, zsh, fish

    var description: String { rawValue }
}

extension Trait where Self == ConditionTrait {
    /// The test drives a real pseudo-terminal through a private tmux server (``TerminalSession``).
    static var requiresTerminal: Self {
        .enabled(if: TerminalSession.isAvailable, "tmux is not installed (apt-get install tmux)")
    }

    /// The test runs `shell`, a real one found on `PATH`.
    static func requiresShell(_ shell: Shell) -> Self {
        .enabled(if: Tool.isInstalled(shell.rawValue), "\(shell) is not installed (apt-get install \(shell))")
    }

    /// The test runs `tool`, found on `PATH`; `package` is the Debian package that installs it.
    static func requiresTool(_ tool: String, package: String? = nil) -> Self {
        .enabled(if: Tool.isInstalled(tool), "\(tool) is not installed (apt-get install \(package ?? tool))")
    }
}
