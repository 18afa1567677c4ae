import CEditLine
import SystemIO

/// The outcome of one `LineEditor.readLine(prompt:)`.
public enum ReadResult: Sendable, Equatable {
    /// The user submitted this line: its bytes as typed, without the trailing newline and not
    /// decoded (the interpreter checks them, so invalid UTF-8 gets the same error as in a script).
    case line([UInt8])
    /// The user pressed Ctrl-C; the line was discarded and the cursor moved to a fresh row.
    case interrupted
    /// The user pressed Ctrl-D on an empty line, or the input closed.
    case endOfInput
    /// The process was asked to end (SIGTERM, SIGHUP): the terminal is back in its normal mode;
    /// save what must be saved, then call ``LineEditor/end(by:)``.
    case terminated(signal: Int32)
}

/// An interactive line editor on the terminal, backed by libedit (emacs key bindings),
/// with history, Tab completion and Alt-<digit> shortcuts.
///
/// libedit is loaded when the first editor starts, not when the program does. When it cannot be
/// loaded, the editor still reads lines, without editing, history or completion (see ``warnings``).
///
/// Only one instance should exist at a time: libedit's signal handling is process-wide.
public final class LineEditor {
    /// Called on Tab with the text before the cursor and the most candidates to list
    /// (``completionQueryItems``, or `Int.max` once the user asked to see them all); returns what to complete.
    public var completer: ((_ lineBeforeCursor: String, _ limit: Int) -> TabCompletion)?
    /// F9 handler: pauses or resumes the shift's clock and returns what to print above the prompt;
    /// the line being edited stays as it was. nil: the key does nothing (a beep).
    public var onPauseKey: (() -> PromptUpdate?)?
    /// Alt-<digit> handler: runs what the digit stands for (e.g. `switch 2`) and returns what to print
    /// above the prompt; the line being edited stays as it was. nil: the digit does nothing (a beep).
    public var onMetaDigit: ((Int) -> PromptUpdate?)?
    /// Messages about how the editor started (libedit missing, history not loaded), each one line,
    /// to be reported once by the caller.
    public private(set) var warnings: [String] = []

    /// libedit's editor and history, or nil when libedit could not be loaded (lines are then read plainly).
    let libedit: (editLine: OpaquePointer, history: OpaquePointer)?

    /// Whether lines are edited with libedit (history, Tab completion, Alt keys), rather than read plainly.
    public var isEditing: Bool { libedit != nil }
    var historyFile: String?
    /// The current prompt, as handed to libedit by the prompt callback.
    private(set) var prompt: UnsafeMutablePointer<CChar>
    /// The status shown at the right of the prompt (libedit's right prompt).
    var status: UnsafeMutablePointer<CChar> = strdup("")
    /// What the current read waits for besides keys.
    var events: PromptEvents?

    /// Sets up libedit on the terminal and loads history from `historyFile` (if given),
    /// keeping at most `historyLimit` entries. When libedit cannot be loaded, the editor reads plain
    /// lines instead and ``warnings`` says why.
    ///
    /// Returns nil when stdin is not a terminal or libedit, once loaded, cannot be initialised.
    public init?(programName: String, historyFile: String?, historyLimit: Int = 1000) {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        setlocale(LC_CTYPE, "")  // before el_init, so that libedit reads and shows UTF-8
        guard cel_load() == 0 else {
            libedit = nil
            self.historyFile = historyFile
            prompt = strdup("")
            warnings = [Self.plainPromptNotice]
            cel_catch_termination()
            cel_catch_stop()
            return
        }
        guard let editLine = cel_init(programName) else { return nil }
        guard let history = cel_history_init() else {
            cel_end(editLine)
            return nil
        }
        self.libedit = (editLine, history)
        self.historyFile = historyFile
        self.prompt = strdup("")

        cel_history_set_size(history, Int32(clamping: historyLimit))
        cel_history_set_unique(history, 1)
        cel_set_editor(editLine, "emacs")
        cel_set_signal(editLine, 1)
        cel_set_history(editLine, history)
        cel_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        cel_set_prompt(editLine) { el in LineEditor.owning(el)?.prompt }
        cel_catch_termination()
        cel_catch_stop()
        installKeyBindings(editLine)
        installKeyReader(editLine)
        warnings = loadHistory(history).map { [$0] } ?? []
    }

    deinit {
        if let libedit {
            cel_end(libedit.editLine)
            cel_history_end(libedit.history)
        }
        free(prompt)
        free(status)
    }

    /// Why lines are read without editing, and how to get editing back.
    private static var plainPromptNotice: String {
        let reason = cel_load_error().map { String(cString: $0) } ?? "libedit could not be loaded"
        return
            "line editing, history and Tab completion are off (\(reason)); install libedit with 'apt-get install libedit2'"
    }

    /// Reads one line, showing `prompt` (plain text, no escape sequences).
    ///
    /// Ctrl-C discards the line and returns `.interrupted`; Ctrl-D on an empty line returns `.endOfInput`.
    /// In both cases the cursor is left at the start of a fresh row. SIGTERM or SIGHUP, during the
    /// prompt or before it, returns `.terminated`.
    public func readLine(prompt text: String) -> ReadResult {
        if let signal = pendingTermination { return .terminated(signal: signal) }
        cel_catch_sigint()
        defer { cel_restore_sigint() }
        guard let editLine = libedit?.editLine else { return readPlainLine(prompt: text) }
        free(prompt)
        prompt = strdup(text)

        var count: Int32 = 0
        guard let raw = cel_gets(editLine, &count) else {
            let interrupted = count < 0 && errno == EINTR
            moveBelowLine(editLine)
            cel_reset(editLine)
            if let signal = pendingTermination { return .terminated(signal: signal) }
            return interrupted ? .interrupted : .endOfInput
        }
        // The count, not strlen: Enter (omni-accept-line) ends the line without a NUL after it.
        var bytes = UnsafeRawBufferPointer(start: raw, count: Int(max(0, count)))
        if bytes.last == UInt8(ascii: "\n") { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
        return .line(Array(bytes))
    }

    /// The seconds the process has spent stopped (Ctrl-Z) since the editor started: a clock that
    /// follows the wall clock takes them off, so that it stands still while the program is suspended.
    public static var secondsStopped: Double { cel_stopped_seconds() }

    /// The termination signal caught since the editor started, if any.
    var pendingTermination: Int32? { InputWait.pendingTermination }

    /// Ends the process by `signal`, as it would have ended without the editor catching it, so the
    /// parent sees how it ended. Call it once history is saved.
    public static func end(by signal: Int32) -> Never {
        cel_die_of(signal)
        exit(128 + signal)  // not reached: the signal's default action ends the process
    }

    /// The editor registered as libedit client data on `el`.
    static func owning(_ el: OpaquePointer?) -> LineEditor? {
        guard let el, let data = cel_client_data(el) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }
}
