/// A shell that `omnipanel completions` writes a script for.
public enum CompletionShell: String, Sendable, CaseIterable {
    case bash, zsh, fish
}
