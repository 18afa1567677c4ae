import CEditLine
import SystemIO

/// What the editor waits for besides keys while a line is read: a clock that wants to wake it up,
/// descriptors (sockets) whose input wakes it up too.
struct PromptEvents {
    /// Milliseconds until `onWake` wants calling (0: now), or nil to wait for keys only.
    var wakeUpAfter: () -> Int?
    /// Descriptors besides the terminal: `onWake` is called when one of them can be read.
    var descriptors: () -> [Int32]
    /// Called when that time has come; says what to show above and beside the line being edited.
    var onWake: () -> PromptUpdate
}

extension LineEditor {
    /// Reads one line like ``readLine(prompt:)`` while a clock runs: the editor sleeps until a key or
    /// until `wakeUpAfter` milliseconds have passed (nil: keys only), then calls `onWake` and shows its
    /// update — lines printed above the prompt, the line being edited drawn again exactly as it was,
    /// cursor included, a new status, the bell — and goes back to sleep. `status` shows at the right of
    /// the prompt (libedit's right prompt, plain text) while the line leaves room for it.
    ///
    /// Input on one of `descriptors` (at most 63: role-play sockets) wakes the editor as well; `onWake`
    /// reads it, without blocking. Keys come first when both are ready.
    ///
    /// No thread and no polling loop: between keys and wake-ups the process sleeps in `ppoll`.
    public func readLine(
        prompt: String, status: String, wakeUpAfter: () -> Int?, descriptors: () -> [Int32] = { [] },
        onWake: () -> PromptUpdate
    ) -> ReadResult {
        setStatus(status)
        return withoutActuallyEscaping(wakeUpAfter) { wakeUpAfter in
            withoutActuallyEscaping(descriptors) { descriptors in
                withoutActuallyEscaping(onWake) { onWake in
                    events = PromptEvents(wakeUpAfter: wakeUpAfter, descriptors: descriptors, onWake: onWake)
                    defer { events = nil }
                    return readLine(prompt: prompt)
                }
            }
        }
    }

    /// Shows `update` while a line is being edited: rings, prints above the prompt, draws the line again.
    /// Only call it from libedit's callbacks (the key reader, key functions), while el_gets runs.
    func show(_ update: PromptUpdate, _ editLine: OpaquePointer) {
        let statusChanged = update.status.map(setStatus) ?? false
        let drawing = layout(editLine).drawing(update, statusChanged: statusChanged)
        if !drawing.text.isEmpty { cel_write(editLine, drawing.text) }
        if drawing.redrawsLine { cel_redraw(editLine) }
    }

    /// Where the prompt and the line being edited are on the terminal.
    func layout(_ editLine: OpaquePointer) -> EditedLineLayout {
        EditedLineLayout(
            columns: Int(cel_terminal_columns(editLine)),
            promptWidth: CompletionText.displayWidth(String(cString: prompt)),
            widthBeforeCursor: CompletionText.displayWidth(currentLine(editLine).before))
    }

    /// Replaces the status (the right prompt); returns whether it changed.
    @discardableResult
    func setStatus(_ text: String) -> Bool {
        guard String(cString: status) != text else { return false }
        free(status)
        status = strdup(text)
        return true
    }

    /// Installs the key reader that sleeps in ``waitForKey(_:)`` and the right prompt showing the status.
    func installKeyReader(_ editLine: OpaquePointer) {
        cel_catch_window_change()
        cel_set_right_prompt(editLine) { el in LineEditor.owning(el)?.status }
        cel_set_key_reader(editLine) { el in
            guard let el, let editor = LineEditor.owning(el) else {
                errno = EIO
                return -1
            }
            return editor.waitForKey(el)
        }
    }

    /// Sleeps until a key can be read (0), handling wake-ups and resizes meanwhile; -1 with errno EINTR
    /// when Ctrl-C or a termination signal ends the read.
    private func waitForKey(_ editLine: OpaquePointer) -> Int32 {
        while true {
            if cel_take_window_change() != 0 {
                cel_resize(editLine)
                cel_write(editLine, layout(editLine).erase)  // the right prompt moves with the right edge
                cel_redraw(editLine)
            }
            if cel_take_interrupt() != 0 || pendingTermination != nil {
                errno = EINTR
                return -1
            }
            let timeout = events?.wakeUpAfter().map { max(0, $0) }
            if timeout == 0, let events {
                show(events.onWake(), editLine)
                continue
            }
            let descriptors = [STDIN_FILENO] + (events?.descriptors() ?? []).prefix(63)
            let ready = cel_wait_for_descriptors(descriptors, Int32(descriptors.count), Int32(clamping: timeout ?? -1))
            if ready == 1 { return 0 }  // a key, or the end of input, which the read reports
            if ready >= 0, let events { show(events.onWake(), editLine) }
            if ready < 0, errno != EINTR { return -1 }
        }
    }
}
