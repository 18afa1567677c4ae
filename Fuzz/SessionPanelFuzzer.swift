// libFuzzer entry point for the line parser and the session manager. `scripts/fuzz` compiles it
// together with the SessionPanel sources and the tests' invariants (with -D FUZZING) and runs it.

/// Lines per input: enough to reach the session limit and back, few enough for hundreds of inputs a second.
private let maximumLines = 64

/// One input: its first byte picks how the rest becomes shell lines.
/// - even: the bytes are the script itself, split at newlines (any bytes, valid UTF-8 or not);
/// - odd: the bytes drive ``RandomCommandLines``, so mutations move through well-formed commands
///   with hostile arguments and reach deep states quickly.
/// After every line the invariants are checked; a broken one stops the run with the line and the
/// problems, and libFuzzer keeps the input that caused it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let mode = bytes.first else { return 0 }
    let rest = bytes.dropFirst()
    let lines: [[UInt8]]
    if mode & 1 == 0 {
        lines = rest.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(maximumLines).map(Array.init)
    } else {
        var generator = RandomCommandLines(source: FuzzBytes(rest))
        lines = (0..<min(maximumLines, rest.count / 2 + 1)).map { _ in Array(generator.next().utf8) }
    }
    var interpreter = Interpreter(state: PanelState())
    for line in lines {
        let problems = PanelInvariants.step(&interpreter, line: line)
        if !problems.isEmpty {
            fatalError("after \(String(decoding: line, as: UTF8.self).debugDescription): \(problems)")
        }
    }
    _ = interpreter.endOfInput()
    return 0
}

/// The fuzzer's bytes as a source of random numbers, eight at a time; zeros once they run out.
struct FuzzBytes: RandomNumberGenerator {
    private var bytes: Slice<UnsafeBufferPointer<UInt8>>

    init(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) { self.bytes = bytes }

    mutating func next() -> UInt64 {
        let chunk = bytes.prefix(8)
        bytes = bytes.dropFirst(8)
        return chunk.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
