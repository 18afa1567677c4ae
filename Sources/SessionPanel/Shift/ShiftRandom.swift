/// The traffic generator's randomness: SplitMix64 used as a counter-based generator.
///
/// Every draw is a pure function of the shift's seed, a stream (what is being drawn: arrivals on a
/// channel, one conversation's messages) and a counter, so nothing but a few integers has to be saved
/// to resume a shift, and what one customer does never shifts what the next one does. Only integer
/// arithmetic and IEEE basic operations are used (no Foundation, no libm), so a seed gives the same
/// shift on every platform.
public struct ShiftRandom: Sendable, Equatable {
    /// The shift's seed.
    public let seed: UInt64

    /// Creates the generator for `seed`.
    public init(seed: UInt64) { self.seed = seed }

    /// The draw number `counter` of `stream`: 64 uniformly distributed bits.
    public func bits(_ stream: UInt64, _ counter: UInt64) -> UInt64 {
        Self.mix(Self.mix(seed &+ stream &* 0x9E37_79B9_7F4A_7C15) &+ counter &* 0xD1B5_4A32_D192_ED03)
    }

    /// A number in [0, 1) from the draw.
    public func unit(_ stream: UInt64, _ counter: UInt64) -> Double {
        Double(bits(stream, counter) >> 11) * 0x1.0p-53
    }

    /// A whole number in `range` from the draw.
    public func integer(in range: ClosedRange<Int>, _ stream: UInt64, _ counter: UInt64) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(bits(stream, counter) % span)
    }

    /// Seconds until the next event of a Poisson process whose events are `mean` seconds apart on
    /// average (an exponential draw), at least 1.
    public func exponentialSeconds(mean: Double, _ stream: UInt64, _ counter: UInt64) -> Int {
        let uniform = 1 - unit(stream, counter)  // (0, 1]: the logarithm is finite
        let seconds = -Self.naturalLog(uniform) * mean
        return max(1, Int((seconds + 0.5).rounded(.down)))
    }

    /// SplitMix64's finaliser (Steele, Lea and Flood 2014).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// ln(x) for x > 0 from IEEE basic operations only: x = m·2^e with m in [1, 2), and
    /// ln m = 2·atanh((m−1)/(m+1)) summed as a series (|z| ≤ 1/3, so 30 terms are exact to the last bit).
    static func naturalLog(_ x: Double) -> Double {
        let ln2 = 0.693_147_180_559_945_3
        let exponent = Double(Int(x.exponent))
        let mantissa = x.significand
        let z = (mantissa - 1) / (mantissa + 1)
        let z2 = z * z
        var term = z
        var sum = 0.0
        var denominator = 1.0
        for _ in 0..<30 {
            sum += term / denominator
            term *= z2
            denominator += 2
        }
        return exponent * ln2 + 2 * sum
    }
}
