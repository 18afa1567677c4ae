/// The simulated clock and what falls due on it: notifications timing out, waiting conversations
/// expiring, a scenario's `at` lines and generated traffic (``Shift``).
///
/// Events fire one at a time in time order (at the same second: timeouts first, then the agenda in
/// the order it was filled), each with the clock set to its own time, so a shift replays the same
/// way whether the clock moves in one jump (`clock advance 1h`) or second by second at the prompt.
extension PanelState {
    /// Simulated seconds since the shift began at which the next event falls due, or `nil` when
    /// nothing is due. It can be earlier than ``now`` only for an `at` line scheduled in the past.
    public var nextEventDue: Int? {
        let timeout = nextTimeout?.due
        let scheduled = shift.agenda.events.first(where: isStillDue)?.time
        guard let timeout else { return scheduled }
        return min(timeout, scheduled ?? timeout)
    }

    /// The pending notification that times out first, with when.
    private var nextTimeout: (index: Int, due: Int)? {
        var best: (index: Int, due: Int)?
        for (index, notification) in notifications.enumerated() {
            let due = notification.arrivedAt + settings.notificationTimeout
            if best.map({ due < $0.due }) ?? true { best = (index, due) }
        }
        return best
    }

    /// Fires the earliest event due at or before `time`, moving the clock to it (never back); returns
    /// what it produced, or `nil` when nothing more is due by then. Events whose reason has gone are
    /// dropped on the way without a line.
    mutating func fireNextEvent(upTo time: Int) -> Outcome? {
        while true {
            let timeout = nextTimeout
            let event = shift.agenda.first
            if let timeout, timeout.due <= time, timeout.due <= event?.time ?? .max {
                now = max(now, timeout.due)
                return timeOut(notificationAt: timeout.index)
            }
            guard let event, event.time <= time else { return nil }
            _ = shift.agenda.removeFirst()
            now = max(now, event.time)
            if let outcome = fire(event) { return outcome }
        }
    }

    /// `clock advance`: moves the clock on by `seconds`, firing every event due on the way in order;
    /// prints each event's line, then the clock, then the panel.
    mutating func advanceClock(by seconds: Int) throws(CommandError) -> Outcome {
        guard seconds <= Limits.largestCounter - now else {
            throw CommandError("the clock cannot go past \(Limits.largestCounter) seconds (README: Robustness)")
        }
        let target = now + seconds
        var outcome = Outcome(showsPanel: true)
        while let fired = fireNextEvent(upTo: target) {
            outcome.items += fired.items
            outcome.ringsBell = outcome.ringsBell || fired.ringsBell
        }
        now = max(now, target)
        outcome.items.append(.clock)
        return outcome
    }

    /// An outcome of one event line, for the live prompt: the panel is not printed again: `text`, then
    /// `detail`. `id` is the conversation it is about, if any, and `customer` who, when no conversation says so.
    func eventOutcome(
        _ kind: EventLine.Kind, _ text: String, _ detail: String = "", about id: Int? = nil, customer: String? = nil
    ) -> Outcome {
        let session = id.flatMap { id in sessions.firstIndex { $0.conversationID == id && !$0.readOnly } }
        let line = EventLine(
            time: now, kind: kind, text: text, detail: detail,
            customer: id.flatMap { conversations[$0]?.title } ?? customer, conversation: id, session: session)
        var outcome = Outcome([.event(line)])
        outcome.ringsBell = kind == .arrival && settings.bell
        return outcome
    }

    /// A request that arrived on its own (scheduled or generated) as an event line, the customer first:
    /// offered (`Kenny Smith: incoming Chat; accept or reject within 2m.`), or held in the queue while
    /// the agent takes no new work; the product's alert follows it when every session slot is used.
    func arrivalOutcome(_ received: Outcome, about id: Int) -> Outcome {
        guard let conversation = conversations[id] else { return eventOutcome(.arrival, "A request arrived") }
        let title = conversation.title
        let channel = conversation.channel.displayName
        var outcome: Outcome
        if let notification = notifications.last(where: { $0.conversationID == id }) {
            let timeout = "accept or reject within \(SimulatedDuration.format(settings.notificationTimeout))."
            outcome =
                notification.isReturning
                ? eventOutcome(
                    .arrival, "\(title): returning \(channel)", " (resumes W\(id) with its history); " + timeout,
                    about: id)
                : eventOutcome(.arrival, "\(title): incoming \(channel)", "; " + timeout, about: id)
        } else {
            outcome = eventOutcome(
                .warning, "\(title): \(channel) request waits in the queue", "; you are \(presence.displayName).",
                about: id)
        }
        for case .notice(let text) in received.items {
            outcome.items.append(.event(EventLine(time: now, kind: .warning, text: text)))
        }
        return outcome
    }

    /// Whether an event would still do something if it fell due now.
    func isStillDue(_ event: ShiftEvent) -> Bool {
        switch event.kind {
        case .scheduled: return true
        case .arrival: return shift.profile != .off
        case .waitingExpiry(let id, let until): return isWaiting(id, until: until)
        case .customerReturn(let id, let until):
            return isWaiting(id, until: until) && !notifications.contains { $0.conversationID == id }
        case .abandonment(let id):
            return conversations[id]?.state == .open && conversations[id]?.assignedToAgent == false
                && shift.customers[id]?.wasAnswered == false
        case .customerMessage(let id):
            return activeSessionPosition(of: id) != nil && (shift.customers[id]?.messagesLeft ?? 0) > 0
        case .impatience(let id, let since):
            return activeSessionPosition(of: id) != nil && firstUnansweredMessageTime(in: id) == since
        case .openExpiry(let id):
            return conversations[id]?.state == .open && conversations[id]?.assignedToAgent == false
        case .wrapUpExpiry(let id): return conversations[id]?.state == .wrapUp
        case .customerLeaves(let id): return conversations[id]?.state == .active
        case .colleagueAnswers(let id, let colleague): return conversations[id]?.consultant == colleague
        }
    }

    private func isWaiting(_ id: Int, until: Int) -> Bool {
        conversations[id]?.state == .waiting && conversations[id]?.waitingUntil == until
    }

    /// The position of the session working conversation `id` while it is Active, if there is one.
    func activeSessionPosition(of id: Int) -> Int? {
        guard conversations[id]?.state == .active else { return nil }
        return sessions.firstIndex { $0.conversationID == id && !$0.readOnly }
    }

    /// When the oldest customer message the agent has not replied to was written, if any.
    func firstUnansweredMessageTime(in id: Int) -> Int? {
        guard let messages = conversations[id]?.messages else { return nil }
        var first: Int?
        for message in messages.reversed() {
            guard message.sender == .customer else { break }
            first = message.time
        }
        return first
    }

    /// Carries out an event that fell due; `nil` when its reason has gone.
    private mutating func fire(_ event: ShiftEvent) -> Outcome? {
        guard isStillDue(event) else { return nil }
        switch event.kind {
        case .scheduled(let line): return runScheduled(line)
        case .arrival(let channel): return generateArrival(on: channel)
        case .customerMessage(let id): return generateMessage(in: id)
        case .impatience(let id, let since): return loseImpatience(in: id, since: since)
        case .abandonment(let id): return abandon(id)
        case .customerReturn(let id, _): return customerReturns(to: id)
        case .waitingExpiry(let id, _): return expireWaiting(id)
        case .openExpiry(let id): return expireOpen(id)
        case .wrapUpExpiry(let id): return expireWrapUp(id)
        case .customerLeaves(let id): return customerLeaves(id)
        case .colleagueAnswers(let id, let colleague): return colleagueAnswers(in: id, colleague)
        }
    }

    /// A pending notification times out: the request is routed on (missed) and, with auto-presence,
    /// the agent turns Inactive.
    private mutating func timeOut(notificationAt index: Int) -> Outcome {
        let id = notifications.remove(at: index).conversationID
        shift.log.answered(id, .missed, at: now)
        presence = .inactive  // the system's: no new work until the agent sets a presence
        presenceSetByAgent = false
        let title = conversations[id]?.title ?? ""
        return eventOutcome(.warning, "\(title): request timed out", ", routed to another agent.", about: id)
    }

    private mutating func expireWaiting(_ id: Int) -> Outcome {
        markClosed(id)
        let title = conversations[id]?.title ?? ""
        return eventOutcome(.warning, "\(title): waiting conversation expired", " (W\(id)), now Closed.", about: id)
    }

    /// Schedules an event `after` seconds from now.
    mutating func schedule(_ kind: ShiftEvent.Kind, after seconds: Int) {
        shift.agenda.add(kind, at: now + seconds)
    }
}
