/// Checks raw input before it is parsed: size, NUL bytes and UTF-8.
public enum InputLine {
    /// The longest line accepted, in bytes.
    public static let maximumBytes = 64 * 1024

    /// Decodes one line of input (without its newline), or explains in one line why it is refused.
    public static func decode(_ bytes: some Collection<UInt8>) throws(CommandError) -> String {
        let line = Array(bytes)
        return try line.withUnsafeBufferPointer { line throws(CommandError) in
            String(decoding: try validate(line), as: UTF8.self)
        }
    }

    /// Checks one line of input (without its newline) and returns it without a trailing carriage
    /// return, or explains in one line why it is refused: too long, a NUL byte, or not UTF-8.
    public static func validate(_ bytes: UnsafeBufferPointer<UInt8>) throws(CommandError) -> UnsafeBufferPointer<UInt8> {
        guard bytes.count <= maximumBytes else {
            throw CommandError("line is too long (more than \(maximumBytes) bytes)")
        }
        let body = bytes.last == 0x0D ? UnsafeBufferPointer(rebasing: bytes.dropLast()) : bytes
        switch scanForASCII(body) {
        case .ascii: return body
        case .nul: throw CommandError("line contains a NUL byte")
        case .other:
            // ASCII is always valid UTF-8; only other text needs the (slower) validating decoder.
            guard String(validating: body, as: UTF8.self) != nil else { throw CommandError("line is not valid UTF-8") }
            return body
        }
    }

    private enum Scan { case ascii, nul, other }

    /// Whether the bytes are all ASCII without NUL, eight at a time: a word with no high bit set and
    /// no zero byte is eight good bytes, which is almost every word of a script.
    private static func scanForASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        let raw = UnsafeRawBufferPointer(bytes)
        var offset = 0
        while offset + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let high: UInt64 = 0x8080_8080_8080_8080
            let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & high
            if word & high != 0 || hasZero != 0 { return slowScan(bytes, from: offset) }
            offset += 8
        }
        return slowScan(bytes, from: offset)
    }

    private static func slowScan(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Scan {
        var sawOther = false
        for byte in bytes[offset...] {
            if byte == 0 { return .nul }
            if byte >= 0x80 { sawOther = true }
        }
        return sawOther ? .other : .ascii
    }
}
