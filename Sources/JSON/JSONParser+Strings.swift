extension JSONParser {
    /// A string in double quotes, its escapes decoded; the text is checked to be UTF-8 as it is read.
    mutating func string() throws(JSONSyntaxError) -> String {
        let opening = offset
        offset += 1
        var decoded: [UInt8] = []
        var runStart = offset
        while true {
            guard let byte = current else { throw error("unterminated string", at: opening) }
            switch byte {
            case UInt8(ascii: "\""):
                defer { offset += 1 }
                if runStart == opening + 1 { return String(decoding: bytes[runStart..<offset], as: UTF8.self) }
                decoded += bytes[runStart..<offset]
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                decoded += bytes[runStart..<offset]
                try escape(into: &decoded)
                runStart = offset
            case 0..<0x20:
                throw error("control character U+\(Self.hex(UInt32(byte))) must be escaped in a string")
            case 0x80...:
                guard let (_, length) = scalar(at: offset) else { throw error("invalid UTF-8: \(found)") }
                offset += length
            default:
                offset += 1
            }
        }
    }

    /// The Unicode scalar whose UTF-8 starts at `offset`, and its length in bytes; `nil` when the bytes
    /// there are not UTF-8 (overlong, a surrogate, beyond U+10FFFF, cut short).
    func scalar(at offset: Int) -> (Unicode.Scalar, Int)? {
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes[offset...].makeIterator()
        guard case .valid(let encoded) = parser.parseScalar(from: &input) else { return nil }
        return (Unicode.UTF8.decode(encoded), encoded.count)
    }

    /// Decodes the escape at the current `\` into `decoded` as UTF-8.
    private mutating func escape(into decoded: inout [UInt8]) throws(JSONSyntaxError) {
        let start = offset
        offset += 1
        let simple: UInt8? =
            switch current {
            case UInt8(ascii: "\""): UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): UInt8(ascii: "\\")
            case UInt8(ascii: "/"): UInt8(ascii: "/")
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            offset += 1
            decoded.append(simple)
            return
        }
        guard current == UInt8(ascii: "u") else {
            throw error("invalid escape '\\' followed by \(found) in a string", at: start)
        }
        let unit = try utf16Unit(at: start)
        let scalar: Unicode.Scalar?
        switch unit {
        case 0xD800..<0xDC00:
            var low: UInt32 = 0
            if bytes[offset...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) {
                low = try utf16Unit(at: offset)
            }
            guard (0xDC00..<0xE000).contains(low) else {
                throw error("unpaired surrogate \\u\(Self.hex(unit)) in a string", at: start)
            }
            scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00..<0xE000:
            throw error("unpaired surrogate \\u\(Self.hex(unit)) in a string", at: start)
        default:
            scalar = Unicode.Scalar(unit)
        }
        guard let scalar else { throw error("invalid escape in a string", at: start) }
        UTF8.encode(scalar) { decoded.append($0) }
    }

    /// The four hex digits of the `\uXXXX` escape starting at `start`; moves past them.
    private mutating func utf16Unit(at start: Int) throws(JSONSyntaxError) -> UInt32 {
        offset = start + 2
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexDigit(byte) else {
                throw error("\\u must be followed by four hex digits, found \(found)")
            }
            unit = unit << 4 | digit
            offset += 1
        }
        return unit
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
