import SessionPanel

/// What the completion scripts get back from `omnipanel __complete`: candidates for the word under
/// the cursor, or a request to complete file names (which the shell does best itself).
public enum CompletionReply: Sendable, Equatable {
    /// These candidates, in this order.
    case candidates([CompletionCandidate])
    /// Files ending in `.extension`, and folders.
    case files(extension: String)

    /// The reply as `omnipanel __complete` prints it: a directive line (`candidates`, or `files EXT`),
    /// then one candidate per line in the form the shell's script passes on unchanged — bash's takes
    /// the bare text; zsh's hands `text:description` to `_describe`, which reads `\` as an escape and
    /// `:` as the start of the description; fish's takes `text<TAB>description`.
    public func lines(for shell: CompletionShell) -> [String] {
        switch self {
        case .files(let fileExtension):
            return ["files \(fileExtension)"]
        case .candidates(let candidates):
            return ["candidates"]
                + candidates.map { candidate in
                    switch shell {
                    case .bash:
                        return candidate.text
                    case .zsh:
                        let text = candidate.text.replacing("\\", with: #"\\"#).replacing(":", with: #"\:"#)
                        return candidate.description.isEmpty ? text : text + ":" + candidate.description
                    case .fish:
                        return candidate.description.isEmpty
                            ? candidate.text : candidate.text + "\t" + candidate.description
                    }
                }
        }
    }
}
