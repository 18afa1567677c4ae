import SystemIO
import Testing

/// Newline-delimited framing, with a limit on a line's length.
struct LineFramerTests {
    private func text(_ lines: [[UInt8]]) -> [String] { lines.map { String(decoding: $0, as: UTF8.self) } }

    @Test("lines split across appends, and several in one append, come out whole and in order")
    func framesLines() throws {
        var framer = LineFramer(limit: 10)
        #expect(try framer.append(Array("ab".utf8)).isEmpty)
        #expect(framer.hasPartialLine)
        #expect(text(try framer.append(Array("c\nd\n\ne".utf8))) == ["abc", "d", ""])
        #expect(text(try framer.append(Array("f\n".utf8))) == ["ef"])
        #expect(!framer.hasPartialLine)
    }

    @Test("a line of exactly the limit passes; one byte more is refused, with or without its newline yet")
    func limit() throws {
        var framer = LineFramer(limit: 4)
        #expect(text(try framer.append(Array("abcd\n".utf8))) == ["abcd"])
        #expect(throws: LineFramer.TooLong(limit: 4)) { try framer.append(Array("abcde\n".utf8)) }
        var waiting = LineFramer(limit: 4)
        _ = try waiting.append(Array("abc".utf8))
        #expect(throws: LineFramer.TooLong(limit: 4)) { try waiting.append(Array("de".utf8)) }
    }

    @Test("the error says the limit in units people read")
    func message() {
        #expect(LineFramer.TooLong(limit: 64 << 10).description == "a line is longer than 64 KiB, the limit")
    }
}
