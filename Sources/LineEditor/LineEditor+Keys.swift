import CEditLine
import SystemIO

extension LineEditor {
    /// Up to this many candidates are listed at once; more, and Tab asks first (bash's `completion-query-items`).
    public static let completionQueryItems = 100

    /// Binds Tab to completion, Alt-0…Alt-9 (ESC followed by a digit) to `onMetaDigit` and F9 to `onPauseKey`.
    func installKeyBindings(_ editLine: OpaquePointer) {
        cel_add_function(editLine, "omni-complete", "Complete the word before the cursor") { el, _ in
            guard let el, let editor = LineEditor.owning(el) else { return UInt8(CEL_CC_ERROR) }
            return editor.complete(el)
        }
        cel_add_function(editLine, "omni-meta-digit", "Run the command for Alt-<digit>") { el, key in
            guard let el, let editor = LineEditor.owning(el) else { return UInt8(CEL_CC_ERROR) }
            return editor.runMetaDigit(key, el)
        }
        cel_add_function(editLine, "omni-pause", "Pause or resume the shift's clock") { el, _ in
            guard let el, let editor = LineEditor.owning(el), let update = editor.onPauseKey?() else {
                return UInt8(CEL_CC_REFRESH_BEEP)
            }
            editor.show(update, el)
            return UInt8(CEL_CC_NORM)
        }
        cel_add_function(editLine, "omni-accept-line", "Submit the line, without the status beside it") { el, _ in
            guard let el, let editor = LineEditor.owning(el) else { return UInt8(CEL_CC_ERROR) }
            return editor.acceptLine(el)
        }
        cel_bind(editLine, "^M", "omni-accept-line")
        cel_bind(editLine, "^J", "omni-accept-line")
        cel_bind(editLine, "^I", "omni-complete")
        cel_bind(editLine, "\u{1B}[20~", "omni-pause")  // F9 (xterm, VT220)
        for digit in 0...9 {
            cel_bind(editLine, "\u{1B}\(digit)", "omni-meta-digit")
        }
    }

    /// Tab: applies the completer's result to the line and returns a libedit CC_* code.
    ///
    /// With more than ``completionQueryItems`` candidates, it asks first, as bash does:
    /// `Show all N possibilities? (y or n)`; `y` (or space) lists them all, anything else lists none.
    /// The line is then left as typed (the common prefix of a cut list may not be that of all).
    private func complete(_ editLine: OpaquePointer) -> UInt8 {
        guard let completer else { return UInt8(CEL_CC_REFRESH_BEEP) }
        let before = currentLine(editLine).before
        let result = completer(before, Self.completionQueryItems)
        if result.total > result.candidates.count {
            moveBelowLine(editLine)
            cel_write(editLine, "Show all \(result.total) possibilities? (y or n)")
            let key = cel_read_key(editLine)
            cel_write(editLine, "\n")
            if key == Int32(UInt8(ascii: "y")) || key == Int32(UInt8(ascii: "Y")) || key == Int32(UInt8(ascii: " ")) {
                let all = completer(before, .max)
                cel_write(
                    editLine, CompletionText.listing(all.candidates, columns: Int(cel_terminal_columns(editLine))))
            }
            cel_redraw(editLine)
            return UInt8(CEL_CC_NORM)
        }
        let partial = String(before.suffix(max(0, result.replacing)))
        let texts = result.candidates.map(\.text)
        switch texts.count {
        case 0:
            return UInt8(CEL_CC_REFRESH_BEEP)
        case 1:
            let text = texts[0]
            replaceBeforeCursor(
                editLine, partial, with: CompletionText.insertion(text, before: currentLine(editLine).after))
            return UInt8(CEL_CC_REFRESH)
        default:
            let listing = CompletionText.listing(result.candidates, columns: Int(cel_terminal_columns(editLine)))
            moveBelowLine(editLine)
            cel_write(editLine, listing)
            let prefix = CompletionText.longestCommonPrefix(texts)
            if prefix.count >= partial.count, prefix != partial {  // never shorten what was typed
                replaceBeforeCursor(editLine, partial, with: prefix)
            }
            // Redraw prompt and line below the listing. (CC_REDISPLAY would first clear the rows
            // libedit believes hold the old line, erasing listing rows when the line wraps.)
            cel_redraw(editLine)
            return UInt8(CEL_CC_NORM)
        }
    }

    /// Enter: the line goes to the scrollback as typed, without the status (a countdown there would
    /// soon be wrong), and the cursor to the row below it, as libedit's own newline does.
    private func acceptLine(_ editLine: OpaquePointer) -> UInt8 {
        show(PromptUpdate(status: ""), editLine)
        moveBelowLine(editLine)
        return UInt8(CEL_CC_NEWLINE)
    }

    /// Alt-<digit>: runs the digit's action and prints what it shows above the prompt, keeping the
    /// line being edited as it was; beeps when the digit does nothing.
    private func runMetaDigit(_ key: Int32, _ editLine: OpaquePointer) -> UInt8 {
        let digit = Int(key) - Int(UInt8(ascii: "0"))
        guard (0...9).contains(digit), let update = onMetaDigit?(digit) else {
            return UInt8(CEL_CC_REFRESH_BEEP)
        }
        show(update, editLine)
        return UInt8(CEL_CC_NORM)
    }

    /// Replaces `old`, which ends at the cursor, with `new`.
    private func replaceBeforeCursor(_ editLine: OpaquePointer, _ old: String, with new: String) {
        cel_delete(editLine, Int32(old.unicodeScalars.count))  // libedit counts wide characters (scalars)
        if !new.isEmpty { cel_insert(editLine, new) }
    }

    /// The line being edited, split at the cursor.
    func currentLine(_ editLine: OpaquePointer) -> (before: String, after: String) {
        let info = cel_line(editLine)
        guard let buffer = info.buffer, let cursor = info.cursor, let end = info.end else { return ("", "") }
        func text(_ from: UnsafePointer<CChar>, _ to: UnsafePointer<CChar>) -> String {
            String(decoding: UnsafeRawBufferPointer(start: from, count: from.distance(to: to)), as: UTF8.self)
        }
        return (text(buffer, cursor), text(cursor, end))
    }

    /// Moves the terminal cursor to the start of the row below the displayed prompt and line,
    /// so that output written next does not overwrite them.
    func moveBelowLine(_ editLine: OpaquePointer) {
        let columns = max(1, Int(cel_terminal_columns(editLine)))
        let line = currentLine(editLine)
        let start = CompletionText.displayWidth(String(cString: prompt))
        let cursorRow = (start + CompletionText.displayWidth(line.before)) / columns
        let lastRow = (start + CompletionText.displayWidth(line.before + line.after)) / columns
        cel_write(editLine, String(repeating: "\n", count: lastRow - cursorRow + 1))
    }
}
