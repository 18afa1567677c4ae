/// Checks raw input before it is parsed: size, NUL bytes and UTF-8.
public enum InputLine {
    /// The longest line accepted, in bytes.
    public static let maximumBytes = 64 * 1024

    /// Decodes one line of input (without its newline), or explains in one line why it is refused.
    public static func decode(_ bytes: some BidirectionalCollection<UInt8>) throws(CommandError) -> String {
        guard bytes.count <= maximumBytes else {
            throw CommandError("line is too long (more than \(maximumBytes) bytes)")
        }
        guard !bytes.contains(0) else { throw CommandError("line contains a NUL byte") }
        let body = bytes.last == 0x0D ? bytes.dropLast() : bytes[...]
        // ASCII is always valid UTF-8; only other text needs the (slower) validating decoder.
        if body.allSatisfy({ $0 < 0x80 }) { return String(decoding: body, as: UTF8.self) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw CommandError("line is not valid UTF-8")
        }
        return text
    }
}
