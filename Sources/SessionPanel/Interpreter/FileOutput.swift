/// Where the files commands produce (`report --svg FILE`) are written: the executable's private
/// files, as the core does no I/O. The ``Interpreter`` writes a command's file before the command
/// counts as done, so a file that cannot be written is a failed command on every way in (the prompt,
/// scripts, `-c`, one-shot words, `--format json`). Commands that write a file change nothing else.
public protocol FileOutput: Sendable {
    /// Writes `export`, or throws the one-line reason it could not (`cannot write FILE: why`).
    func write(_ export: Export) throws(CommandError)
}
