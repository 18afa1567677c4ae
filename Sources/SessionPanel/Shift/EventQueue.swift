/// Events in time order (ties in the order they were added), taken from the front: a sorted array
/// whose front is dropped by moving where it starts, compacted once half of it is gone, so taking the
/// earliest costs the same however many follow (moving 20,000 scheduled lines up one by one did not).
struct EventQueue: Sendable, Equatable {
    private var storage: [ShiftEvent] = []
    private var start = 0

    /// No event.
    init() {}

    /// `events`, in time order.
    init(_ events: some Sequence<ShiftEvent>) {
        for event in events { insert(event) }
    }

    /// The events, earliest first.
    var events: ArraySlice<ShiftEvent> { storage[start...] }

    /// Adds `event` after every event due at the same time or earlier (at the end when events come in order).
    mutating func insert(_ event: ShiftEvent) {
        storage.insert(event, at: index(after: event.time))
    }

    /// Removes and returns the earliest event; there must be one.
    mutating func removeFirst() -> ShiftEvent {
        let event = storage[start]
        start += 1
        if start * 2 > storage.count {
            storage.removeFirst(start)
            start = 0
        }
        return event
    }

    /// Removes every event `matching` says to.
    mutating func removeAll(where matching: (ShiftEvent) -> Bool) {
        storage.removeFirst(start)
        start = 0
        storage.removeAll(where: matching)
    }

    /// How many events fall due by `time`.
    func count(by time: Int) -> Int { index(after: time) - start }

    /// Queues are equal when their events are, wherever they start.
    static func == (left: EventQueue, right: EventQueue) -> Bool { left.events == right.events }

    /// The position after the last event due at `time` or earlier (binary search).
    private func index(after time: Int) -> Int {
        var low = start
        var high = storage.count
        while low < high {
            let middle = (low + high) / 2
            if storage[middle].time <= time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
