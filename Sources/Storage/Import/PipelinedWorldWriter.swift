import Dispatch
import SessionPanel
import Synchronization

/// A sink that hands records to a ``WorldWriter`` working on another thread, so reading a file (one
/// core) and inserting its rows (the other) overlap.
///
/// Records travel in batches through a queue of at most ``batchesInFlight`` batches, so memory stays
/// bounded however far the reader runs ahead. Each record is checked here, on the reader's thread, as
/// ``WorldWriter`` checks it, so a bad record fails where the reader can say its line and column; what
/// only the database finds (a work item's id twice) is reported by the next ``write`` after it, or by
/// ``drain()``, which every caller runs at the end of each file.
final class PipelinedWorldWriter: WorldRecordSink, @unchecked Sendable {
    /// One record of any kind.
    enum Record: Sendable {
        case contact(World.Contact)
        case account(World.Account)
        case caseRecord(World.CaseRecord)
        case workItem(World.WorkItem)
        case service(World.ServiceRecord)
    }

    /// Records per batch, and batches handed over but not yet written.
    static let batchSize = 2048
    static let batchesInFlight = 8

    private let writer: WorldWriter
    /// The batch being filled, on the reader's thread.
    private var batch: [Record] = []
    private let shared = Mutex(Shared())
    /// Free places in the queue, and batches waiting in it (a wake with none waiting asks the thread to stop).
    private let places = DispatchSemaphore(value: batchesInFlight)
    private let waiting = DispatchSemaphore(value: 0)
    private let drained = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    private struct Shared {
        /// Batches handed over, oldest first; an empty batch asks for a ``drained`` signal.
        var batches: [[Record]] = []
        /// Why the writer refused a record; the records after it are dropped.
        var failure: StorageError?
    }

    /// Starts the writing thread for `writer`; end with ``stop()``.
    init(into writer: WorldWriter) {
        self.writer = writer
        batch.reserveCapacity(Self.batchSize)
        DispatchQueue.global(qos: .userInitiated).async { self.writeBatches() }
    }

    func write(_ contact: World.Contact) throws {
        try check(WorldWriter.problem(contact))
        try add(.contact(contact))
    }

    func write(_ account: World.Account) throws {
        try check(WorldWriter.problem(account))
        try add(.account(account))
    }

    func write(_ record: World.CaseRecord) throws {
        try check(WorldWriter.problem(record))
        try add(.caseRecord(record))
    }

    func write(_ item: World.WorkItem) throws {
        try check(WorldWriter.problem(item))
        try add(.workItem(item))
    }

    func write(_ record: World.ServiceRecord) throws {
        try check(record.problem)
        try add(.service(record))
    }

    /// Waits until every record handed over is written; throws the writer's failure, if any.
    func drain() throws(StorageError) {
        if !batch.isEmpty { hand(batch) }
        batch = []
        hand([])
        drained.wait()
        if let failure = shared.withLock({ $0.failure }) { throw failure }
    }

    /// Stops the writing thread once it has written the batches handed over (not the one being
    /// filled: ``drain()`` first to write everything), and waits for it.
    func stop() {
        batch = []
        waiting.signal()
        stopped.wait()
    }

    private func check(_ problem: String?) throws {
        if let problem { throw StorageError(problem) }
    }

    private func add(_ record: Record) throws {
        batch.append(record)
        guard batch.count == Self.batchSize else { return }
        // A record the writer refused ends the reading, worded as the writer words it (no line: it is not this one's).
        if let failure = shared.withLock({ $0.failure }) { throw WorldFileError(failure.message) }
        hand(batch)
        batch = []
        batch.reserveCapacity(Self.batchSize)
    }

    private func hand(_ records: [Record]) {
        places.wait()
        shared.withLock { $0.batches.append(records) }
        waiting.signal()
    }

    /// The writing thread: writes each batch in order until woken with none waiting.
    private func writeBatches() {
        while true {
            waiting.wait()
            guard let records = shared.withLock({ $0.batches.isEmpty ? nil : $0.batches.removeFirst() }) else { break }
            places.signal()
            if records.isEmpty {
                drained.signal()
                continue
            }
            guard shared.withLock({ $0.failure == nil }) else { continue }
            do {
                for record in records {
                    switch record {
                    case .contact(let contact): try writer.write(contact)
                    case .account(let account): try writer.write(account)
                    case .caseRecord(let record): try writer.write(record)
                    case .workItem(let item): try writer.write(item)
                    case .service(let record): try writer.write(record)
                    }
                }
            } catch {
                shared.withLock { $0.failure = error }
            }
        }
        stopped.signal()
    }
}
