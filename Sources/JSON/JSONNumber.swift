/// A JSON number, kept as its text so that nothing is lost between reading and writing it: a whole
/// number of any size stays exact, and a `Double` written as its shortest round-tripping form reads back
/// bit for bit.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as JSON writes it, e.g. `42`, `-0.5`, `1e-05`.
    public let text: String

    /// A number whose text the parser has already checked against the JSON grammar.
    init(checkedText: String) { text = checkedText }

    /// The number `value`.
    public init(_ value: some BinaryInteger) { text = String(value) }

    /// The number `value` in its shortest form that reads back as the same `Double` (or `Float`); `nil`
    /// for infinity and NaN, which JSON cannot write.
    public init?(_ value: some BinaryFloatingPoint & LosslessStringConvertible) {
        guard value.isFinite else { return nil }
        text = value.description
    }

    public var description: String { text }

    /// Whether the number has no fractional part (`3`, `3.0` and `3e2` have none; `3.5` has).
    public var isWhole: Bool { decimal.isWhole }

    /// The number as an integer of type `T`, exactly; `nil` when it has a fractional part or does not fit.
    public func integer<T: FixedWidthInteger>(_: T.Type = T.self) -> T? {
        if let value = T(text) { return value }
        let decimal = decimal
        guard decimal.isWhole else { return nil }
        var value: T = 0
        for digit in decimal.digits {
            let (shifted, overflowShift) = value.multipliedReportingOverflow(by: 10)
            let (added, overflowAdd) =
                decimal.negative
                ? shifted.subtractingReportingOverflow(T(digit)) : shifted.addingReportingOverflow(T(digit))
            guard !overflowShift, !overflowAdd else { return nil }
            value = added
        }
        for _ in 0..<decimal.zerosAfter {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = shifted
        }
        return value
    }

    /// The number as significant digits times a power of ten, without leading or trailing zeros.
    private var decimal: Decimal {
        var negative = false
        var digits: [UInt8] = []
        var exponent = 0
        var afterPoint = 0
        var bytes = text.utf8.makeIterator()
        var inFraction = false
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                exponent = Self.exponent(of: &bytes)
            default:
                digits.append(byte - UInt8(ascii: "0"))
                if inFraction { afterPoint += 1 }
            }
        }
        let leading = digits.prefix { $0 == 0 }.count
        digits.removeFirst(leading)
        let trailing = digits.reversed().prefix { $0 == 0 }.count
        digits.removeLast(trailing)
        let scale = exponent - afterPoint + trailing
        return Decimal(negative: negative, digits: digits, scale: digits.isEmpty ? 0 : scale)
    }

    /// The exponent after `e`, clamped far beyond any integer's range so that it cannot overflow.
    private static func exponent(of bytes: inout String.UTF8View.Iterator) -> Int {
        var sign = 1
        var value = 0
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "-"): sign = -1
            case UInt8(ascii: "+"): break
            default: value = min(value * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000)
            }
        }
        return sign * value
    }

    /// `±digits × 10^scale`.
    private struct Decimal {
        let negative: Bool
        let digits: [UInt8]
        let scale: Int
        var isWhole: Bool { scale >= 0 }
        /// How many zeros follow the digits when the number is whole.
        var zerosAfter: Int { scale }
    }
}
