internal import JSONCoding
import SessionPanel
import SystemIO

/// A version-1 JSON state file cut in two in one pass, without holding its world: ``shift``, the
/// file's bytes with the value of `state.world` replaced by an empty world (kept on the same lines,
/// so a syntax error after it is reported at its line in the file), and where that value is
/// (``world``), to be streamed from the file by ``World/reader(from:)``.
///
/// The pass only follows strings, brackets, colons and commas to know where it is; whether the
/// bytes are JSON is for the parser of the shift and the world reader to say.
struct StateJSONSplit {
    /// Where the world's value is in the file.
    struct World {
        /// Its first byte's offset.
        let offset: Int
        /// Its length in bytes.
        let length: Int
        /// The line (from 1) and column (in characters, from 1) where it starts.
        let line: Int
        let column: Int

        /// A `read` function for ``JSONWorldReader`` giving the world's bytes from `descriptor` (the file,
        /// opened again at its start), after blank lines and spaces standing for what comes before it,
        /// so that the reader's lines and columns are the file's.
        func reader(from descriptor: FileDescriptor) -> (UnsafeMutableRawBufferPointer) throws -> Int {
            var padding = [UInt8](repeating: 0x0A, count: line - 1) + [UInt8](repeating: 0x20, count: column - 1)
            var skip = offset
            var left = length
            var scratch = [UInt8](repeating: 0, count: 1 << 16)
            return { buffer in
                if !padding.isEmpty {
                    let count = min(padding.count, buffer.count)
                    padding.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
                    padding.removeFirst(count)
                    return count
                }
                while skip > 0 {
                    let wanted = min(skip, scratch.count)
                    let count = try scratch.withUnsafeMutableBytes { scratch throws(SystemError) in
                        try descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: scratch[..<wanted]))
                    }
                    if count == 0 { return 0 }
                    skip -= count
                }
                guard left > 0 else { return 0 }
                let count = try descriptor.read(
                    into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(left, buffer.count)]))
                left -= count
                return count
            }
        }
    }

    /// The file without its world's value.
    private(set) var shift: [UInt8] = []
    /// Where the world's value is; `nil` when the file has no object at `state.world`.
    private(set) var world: World?

    /// Reads `path` through once; refuses it when what is not the world is over ``SavedJSON/largestFile``,
    /// or the whole over ``WorldFiles/maximumBytes`` (as a world file: an endless input ends).
    init(_ path: String) throws(StateFileError) {
        let descriptor = try Self.open(path)
        defer { try? descriptor.close() }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while true {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBytes { buffer throws(SystemError) in
                    try descriptor.read(into: buffer)
                }
            } catch {
                throw StateFileError(path, .unreadable("\(error)"))
            }
            if count == 0 { break }
            for byte in chunk[..<count] where !isStopped {
                take(byte, at: offset)
                offset += 1
            }
            if isStopped { break }
            if offset > WorldFiles.maximumBytes {
                throw StateFileError(path, .unreadable("larger than \(ByteCount(WorldFiles.maximumBytes)), the limit"))
            }
            if shift.count > SavedJSON.largestFile {
                throw StateFileError(
                    path, .unreadable("larger than \(ByteCount(SavedJSON.largestFile)) without its world, the limit"))
            }
        }
        // A world that never ends leaves the shift cut where it began, which its parser reports.
    }

    /// The JSON file at `path`, opened for reading; the caller closes it.
    static func open(_ path: String) throws(StateFileError) -> FileDescriptor {
        do {
            return try InputFile.open(path)
        } catch {
            throw StateFileError(path, .unreadable("\(error)"))
        }
    }

    // The position in the document.
    /// Whether each open container is an object, outermost first.
    private var containers: [Bool] = []
    /// Whether the next string in the innermost object is a key.
    private var expectingKey = false
    private var inString = false
    private var escaped = false
    /// The key being read, when it is one of the first two levels'.
    private var key: [UInt8]?
    /// The last key read at the first and second level.
    private var keys: [[UInt8]] = [[], []]
    private var line = 1
    private var column = 1

    // The world, while it is being passed over.
    private var worldStart: (offset: Int, line: Int, column: Int)?
    private var worldLines = 0
    private var worldLastColumn = 0

    /// `{"accounts":[],…}`: a world with no records, as the decoder wants it.
    private static let emptyWorld: [UInt8] = {
        do {
            return Array(try JSONValueEncoder().encode(SessionPanel.World()).serialized.utf8)
        } catch {
            preconditionFailure("an empty world is always JSON: \(error)")
        }
    }()

    private static let stateKey = Array("state".utf8)
    private static let worldKey = Array("world".utf8)

    /// Whether the pass has stopped at a byte JSON never has outside a string (a file of zeros, binary
    /// data): the shift ends there, and its parser says what is wrong.
    private var isStopped = false

    private mutating func take(_ byte: UInt8, at offset: Int) {
        // A control character or a non-ASCII byte outside a string (but a byte order mark at the start)
        // is never JSON: stop there and let the shift's parser say so, without reading the rest.
        if !inString,
            byte >= 0x80 ? offset > 2 : byte < 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09
        {
            isStopped = true
            keep(byte)
            return
        }
        if inString {
            if escaped {
                escaped = false
                key?.append(byte)
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
                key?.append(byte)
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                if let read = key { keys[containers.count - 1] = read }
                key = nil
            } else {
                key?.append(byte)
            }
            keep(byte)
            return
        }
        switch byte {
        case UInt8(ascii: "\""):
            inString = true
            if expectingKey, containers.last == true, containers.count <= 2 { key = [] }
        case UInt8(ascii: ":"): expectingKey = false
        case UInt8(ascii: ","): expectingKey = containers.last == true
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if worldStart == nil, byte == UInt8(ascii: "{"), containers == [true, true], !expectingKey,
                keys[0] == Self.stateKey, keys[1] == Self.worldKey, world == nil
            {
                worldStart = (offset, line, column)
                worldLines = 0
            }
            containers.append(byte == UInt8(ascii: "{"))
            // Deeper than the parser goes: stop, and the shift's parser says where it was cut.
            if containers.count > JSONParser.maximumDepth { isStopped = true }
            expectingKey = byte == UInt8(ascii: "{")
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            _ = containers.popLast()
            expectingKey = false
            if let start = worldStart, containers.count == 2 {
                worldStart = nil
                world = World(
                    offset: start.offset, length: offset + 1 - start.offset, line: start.line, column: start.column)
                // An empty world in its place, its closing brace where the world's was.
                shift += Self.emptyWorld.dropLast()
                if worldLines > 0 {
                    shift += repeatElement(0x0A, count: worldLines)
                    shift += repeatElement(0x20, count: worldLastColumn - 1)
                }
                shift.append(UInt8(ascii: "}"))
                advance(byte)
                return
            }
        default: break
        }
        keep(byte)
    }

    /// Keeps `byte` in the shift, or, inside the world, only counts it.
    private mutating func keep(_ byte: UInt8) {
        if worldStart == nil { shift.append(byte) }
        advance(byte)
    }

    /// Moves the line and column past `byte` (columns count characters: continuation bytes do not move them).
    private mutating func advance(_ byte: UInt8) {
        if byte == 0x0A {
            line += 1
            column = 1
            if worldStart != nil { worldLines += 1 }
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        if worldStart != nil { worldLastColumn = column }
    }
}
