/// Bytes pulled from a source a chunk at a time, so a reader holds one chunk, never the whole file.
///
/// `read` fills the buffer it is given and returns how many bytes it put there (0 at the end). Past
/// the end, ``peek()`` is `nil`.
struct ByteInput {
    private let read: (UnsafeMutableRawBufferPointer) throws -> Int
    private var chunk: [UInt8]
    private var end = 0
    /// The position in the chunk.
    private(set) var index = 0
    /// How many bytes came before this chunk.
    private(set) var offsetOfChunk = 0
    private var atEnd = false

    /// Reads from `read` in chunks of `chunkSize` bytes.
    init(chunkSize: Int = 1 << 20, read: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) {
        self.read = read
        self.chunk = [UInt8](repeating: 0, count: chunkSize)
    }

    /// Reads from bytes already in memory.
    init(_ bytes: [UInt8]) {
        self.read = { _ in 0 }
        self.chunk = bytes
        self.end = bytes.count
    }

    /// The offset of the next byte from the start of the input.
    var offset: Int { offsetOfChunk + index }

    /// The next byte, without taking it; `nil` at the end.
    @inline(__always)
    mutating func peek() throws -> UInt8? {
        if index < end { return chunk[index] }
        return try refill() ? chunk[index] : nil
    }

    /// Takes the next byte (call after ``peek()`` saw one).
    @inline(__always)
    mutating func advance() { index += 1 }

    /// Takes bytes while `take` admits them, handing each run to `run` without copying; stops at
    /// the first byte it refuses (left unread) or the end.
    mutating func scan(while take: (UInt8) -> Bool, _ run: (ArraySlice<UInt8>) throws -> Void) throws {
        while try peek() != nil {
            let start = index
            while index < end, take(chunk[index]) { index += 1 }
            try run(chunk[start..<index])
            if index < end { return }
        }
    }

    /// Takes bytes while `take` admits them, appending them to `buffer`; returns how many of them are
    /// UTF-8 continuation bytes, which a reader counting columns in characters leaves out.
    mutating func scan(while take: (UInt8) -> Bool, appendingTo buffer: inout [UInt8]) throws -> Int {
        var continuationBytes = 0
        try scan(while: take) { run in
            for byte in run where byte & 0xC0 == 0x80 { continuationBytes += 1 }
            buffer += run
        }
        return continuationBytes
    }

    private mutating func refill() throws -> Bool {
        if atEnd { return false }
        offsetOfChunk += end
        index = 0
        end = 0
        while end == 0 {
            let count = try chunk.withUnsafeMutableBytes { try read($0) }
            if count == 0 {
                atEnd = true
                return false
            }
            end = count
        }
        return true
    }
}

/// `bytes` as a string, or `nil` if they are not valid UTF-8; plain ASCII (most names) takes a quicker
/// way than the general check.
func validUTF8String(_ bytes: ArraySlice<UInt8>) -> String? {
    let ascii = bytes.withUnsafeBufferPointer { buffer in buffer.reduce(0, |) < 0x80 }
    return ascii ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
}
