import Foundation
import SystemIO
import Testing

/// The one read loop and the one write loop.
struct FileDescriptorTests {
    @Test("an endless input is refused after reading just past the limit")
    func endlessInputIsRefused() throws {
        #expect(throws: ReadFailure.tooLarge(limit: 1 << 20)) { try InputFile.read("/dev/zero", limit: 1 << 20) }
    }

    @Test("a read error is an error, not the end of the input")
    func readErrorIsNotTheEnd() throws {
        #expect(throws: ReadFailure.system(SystemError(code: EISDIR))) { try InputFile.read("/", limit: 100) }
    }

    @Test("a write to a full device is an error")
    func writeErrorIsReported() throws {
        let raw = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try #require(raw >= 0)
        let full = FileDescriptor(raw)
        defer { try? full.close() }
        #expect(throws: SystemError(code: ENOSPC)) { try full.write([0x41]) }
    }

    @Test("a megabyte written into a pipe arrives whole, across partial writes")
    func partialWritesContinue() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let reader = FileDescriptor(ends[0])
        let writer = FileDescriptor(ends[1])
        let bytes = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        nonisolated(unsafe) var received: [UInt8] = []
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            received = (try? reader.readAll(limit: 2 << 20)) ?? []
            done.signal()
        }
        try writer.write(bytes)
        try writer.close()
        done.wait()
        try reader.close()
        #expect(received == bytes)
    }

    @Test("byte counts read as people write them")
    func byteCounts() {
        #expect("\(ByteCount(64 << 20))" == "64 MiB")
        #expect("\(ByteCount(1 << 10))" == "1 KiB")
        #expect("\(ByteCount(1000))" == "1000 bytes")
    }
}
