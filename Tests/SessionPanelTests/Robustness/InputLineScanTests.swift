import Testing

@testable import SessionPanel

/// ``InputLine/validate(_:)`` reads lines eight bytes at a time; a NUL byte, a byte that is not
/// UTF-8, or a multi-byte character must be found wherever it falls: in a word, on a word's edge,
/// or in the tail after the last whole word.
struct InputLineScanTests {
    private func check(_ bytes: [UInt8]) -> Result<[UInt8], CommandError> {
        bytes.withUnsafeBufferPointer { line in
            Result { () throws(CommandError) in Array(try InputLine.validate(line)) }
        }
    }

    @Test("a NUL byte is refused at every position of the line", arguments: 0..<21)
    func nulAnywhere(position: Int) {
        var line = Array("message 1 \"hello you\"".utf8.prefix(21))
        line[position] = 0
        #expect(check(line) == .failure(CommandError("line contains a NUL byte")))
    }

    @Test("a byte that is not UTF-8 is refused at every position of the line", arguments: 0..<21)
    func invalidByteAnywhere(position: Int) {
        var line = Array("message 1 \"hello you\"".utf8.prefix(21))
        line[position] = 0xFF
        #expect(check(line) == .failure(CommandError("line is not valid UTF-8")))
    }

    @Test("a NUL byte is reported even after a byte that is not UTF-8")
    func nulWinsOverInvalidUTF8() {
        #expect(
            check([0x61, 0xFF, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x00])
                == .failure(CommandError("line contains a NUL byte")))
    }

    @Test("characters beyond ASCII are accepted wherever they fall", arguments: 0..<16)
    func accentedLetterAnywhere(position: Int) {
        var line = Array(repeating: UInt8(ascii: "a"), count: 16)
        line.replaceSubrange(position..<position, with: Array("é".utf8))
        #expect(check(line) == .success(line))
    }

    @Test("a trailing carriage return is dropped; the limit is exact")
    func carriageReturnAndLimit() {
        #expect(check(Array("show\r".utf8)) == .success(Array("show".utf8)))
        let longest = [UInt8](repeating: UInt8(ascii: "a"), count: InputLine.maximumBytes)
        #expect(check(longest) == .success(longest))
        #expect(
            check(longest + [UInt8(ascii: "a")])
                == .failure(CommandError("line is too long (more than \(InputLine.maximumBytes) bytes)")))
    }
}
