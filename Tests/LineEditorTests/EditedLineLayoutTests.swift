import LineEditor
import Testing

/// The arithmetic behind printing above the line being edited (lldb's `Editline::PrintAsync` technique).
struct EditedLineLayoutTests {
    private let escape = "\u{1B}"

    @Test("on the prompt's own row, erasing is a carriage return and erase-below")
    func cursorOnTheFirstRow() {
        let layout = EditedLineLayout(columns: 80, promptWidth: 11, widthBeforeCursor: 10)
        #expect(layout.cursorRow == 0)
        #expect(layout.erase == "\r\(escape)[J")
    }

    @Test(
        "a wrapped line: up as many rows as the cursor is below the prompt's first row",
        arguments: [(79, 0), (80, 1), (81, 1), (159, 1), (160, 2), (250, 3)])
    func cursorOnAWrappedRow(end: Int, rows: Int) {
        let layout = EditedLineLayout(columns: 80, promptWidth: 11, widthBeforeCursor: end - 11)
        #expect(layout.cursorRow == rows)
        #expect(layout.erase == "\r" + (rows > 0 ? "\(escape)[\(rows)A" : "") + "\(escape)[J")
    }

    @Test("the cursor's row counts only the text before it, not the rest of the line")
    func textAfterTheCursorDoesNotMoveTheStart() {
        // A 200-column line on 80 columns with the cursor back on the first row: no row to climb.
        let layout = EditedLineLayout(columns: 80, promptWidth: 11, widthBeforeCursor: 5)
        #expect(layout.erase == "\r\(escape)[J")
    }

    @Test("event lines are printed where the prompt was, each on its own row, then the line is drawn again")
    func printingLines() {
        let layout = EditedLineLayout(columns: 40, promptWidth: 11, widthBeforeCursor: 40)
        let drawing = layout.drawing(
            PromptUpdate(lines: ["New chat from Kenny Smith", "Maria: Still there?"]), statusChanged: false)
        #expect(drawing.text == "\r\(escape)[1A\(escape)[JNew chat from Kenny Smith\nMaria: Still there?\n")
        #expect(drawing.redrawsLine)
    }

    @Test("the bell rings once, before anything else; alone, it leaves the line as it is")
    func bell() {
        let layout = EditedLineLayout(columns: 80, promptWidth: 11, widthBeforeCursor: 3)
        let ringing = layout.drawing(
            PromptUpdate(lines: ["New chat from Kenny Smith"], ringsBell: true), statusChanged: false)
        #expect(ringing.text == "\u{07}\r\(escape)[JNew chat from Kenny Smith\n")
        let alone = layout.drawing(PromptUpdate(ringsBell: true), statusChanged: false)
        #expect(alone.text == "\u{07}" && !alone.redrawsLine)
    }

    @Test("a changed status alone redraws the line; an unchanged one costs nothing")
    func statusOnly() {
        let layout = EditedLineLayout(columns: 80, promptWidth: 11, widthBeforeCursor: 3)
        let changed = layout.drawing(PromptUpdate(status: "1 waiting 1:59"), statusChanged: true)
        #expect(changed.text == "\r\(escape)[J" && changed.redrawsLine)
        let unchanged = layout.drawing(PromptUpdate(status: "1 waiting 1:59"), statusChanged: false)
        #expect(unchanged.text.isEmpty && !unchanged.redrawsLine)
    }
}
