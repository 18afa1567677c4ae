/// Generated traffic (`traffic <profile> [--seed N]`): customers who arrive, write and lose patience
/// on their own, drawn from ``ShiftRandom`` on the simulated clock.
///
/// Each channel's requests form a Poisson process at the profile's rate; a request comes from a
/// contact of the world with no conversation under way, or from an unauthenticated visitor. Once
/// accepted, the customer writes a few messages at ``TrafficParameters/messageInterval`` on average
/// (voice callers talk instead); a customer left without a reply for ``TrafficParameters/patience``
/// loses a sentiment level, and again after each further period, and gets every level back with the
/// agent's next reply; a live chat or voice customer with nothing more to say ends the chat or hangs up.
/// An unanswered chat or voice request is abandoned after ``TrafficParameters/queuePatience`` (SMS and
/// social requests stay Open);
/// a customer whose conversation was parked in Waiting comes back after about
/// ``TrafficParameters/returnAfter``. Every step schedules the next, so the work is one step per event.
extension PanelState {
    /// The largest seed `traffic --seed` takes.
    public static let largestSeed = UInt64(Int.max)

    /// `traffic <profile> [--seed N]`: starts generated arrivals from now, or stops them with `off`.
    /// Customers already in the shift go on as they were: they write, lose patience, leave the queue
    /// and come back as before.
    mutating func startTraffic(_ profile: TrafficProfile?, seed: UInt64?) -> Outcome {
        guard let profile else { return .answer([.message(trafficDescription)]) }
        shift.agenda.removeAll { if case .arrival = $0.kind { true } else { false } }
        shift.profile = profile
        if let seed { shift.seed = seed }
        guard let parameters = profile.parameters else {
            return Outcome([.message("Traffic off: no new customers; those in the shift carry on.")])
        }
        settings.traffic = parameters
        scheduleArrivals(opening: true)
        return Outcome([.message(trafficDescription)])
    }

    /// `Traffic: steady, seed 7 — 30 requests an hour (chat 15, SMS 6, voice 6, social 3).`
    var trafficDescription: String {
        guard shift.profile != .off else { return "Traffic: off." }
        let rates = Channel.allCases.map { "\($0.displayName) \(settings.traffic.arrivalsPerHour(on: $0))" }
        let total = Channel.allCases.map { settings.traffic.arrivalsPerHour(on: $0) }.reduce(0, +)
        return "Traffic: \(shift.profile.rawValue), seed \(shift.seed) - \(total) requests an hour "
            + "(\(rates.joined(separator: ", ")))."
    }

    /// The latest second after traffic starts at which its first request arrives.
    public static let openingRequestWithin = 30

    /// Draws every channel's next arrival afresh from now (when traffic starts or its rates change).
    /// When traffic starts (`opening`), the first channel with arrivals opens the shift: its first
    /// request comes within ``openingRequestWithin`` seconds, so a trainee is not left waiting.
    mutating func scheduleArrivals(opening: Bool = false) {
        shift.agenda.removeAll { if case .arrival = $0.kind { true } else { false } }
        shift.arrivalDraws = [0, 0, 0, 0]
        let opener = opening ? Channel.allCases.first { settings.traffic.arrivalsPerHour(on: $0) > 0 } : nil
        for channel in Channel.allCases { scheduleNextArrival(on: channel, opening: channel == opener) }
    }

    private mutating func scheduleNextArrival(on channel: Channel, opening: Bool = false) {
        let perHour = settings.traffic.arrivalsPerHour(on: channel)
        guard perHour > 0 else { return }
        var gap = shift.random.exponentialSeconds(
            mean: 3_600 / Double(perHour), Self.arrivalStream(channel), drawArrival(channel))
        if opening { gap = min(gap, 5 + gap % (Self.openingRequestWithin - 4)) }
        schedule(.arrival(channel), after: gap)
    }

    /// The random stream of a channel's arrivals.
    static func arrivalStream(_ channel: Channel) -> UInt64 {
        UInt64(Channel.allCases.firstIndex(of: channel) ?? 0) + 1
    }

    private mutating func drawArrival(_ channel: Channel) -> UInt64 {
        let index = Channel.allCases.firstIndex(of: channel) ?? 0
        shift.arrivalDraws[index] += 1
        return shift.arrivalDraws[index]
    }

    /// A generated request arrives on `channel`; the next one on the channel is scheduled.
    mutating func generateArrival(on channel: Channel) -> Outcome {
        let stream = Self.arrivalStream(channel)
        let isVisitor = shift.random.integer(in: 0...99, stream, drawArrival(channel)) < settings.traffic.visitorPercent
        let pick = shift.random.bits(stream, drawArrival(channel))
        let customer = isVisitor ? nil : availableContact(on: channel, pick)
        let received: (outcome: Outcome, conversation: Int)
        do throws(CommandError) {
            received = try receive(channel, from: customer)
        } catch {
            scheduleNextArrival(on: channel)
            return eventOutcome(.problem, error.message)  // a limit reached (README: Robustness)
        }
        scheduleNextArrival(on: channel)
        let id = received.conversation
        let arrival = arrivalOutcome(received.outcome, about: id)
        if shift.customers[id] == nil {
            let customerStream = 0x1_0000 &+ UInt64(id)
            let messages = channel == .voice ? 0 : shift.random.integer(in: 2...6, customerStream, 0)
            shift.customers[id] = GeneratedCustomer(stream: customerStream, messagesLeft: messages)
            // Only live chat and voice customers leave the queue; SMS and social requests stay Open.
            if settings.autoClose.open(channel) == nil {
                schedule(.abandonment(conversation: id), after: settings.traffic.queuePatience)
            }
        }
        return arrival
    }

    /// How many of the world's contacts (the first by name) generated requests come from: a big world's
    /// catalog is never read whole.
    static let contactsDrawnFrom = 500

    /// A contact free to write on `channel`, chosen by `pick`; `nil` (a visitor) when all are busy. A
    /// contact is busy with a request pending, a conversation being worked (Active or Wrap-up), or one
    /// queued (Open) on the same channel; a conversation Waiting on the channel is resumed, as in the product.
    /// A customer the scenario has in play (``Shift/scenarioCustomers``) is never drawn.
    private func availableContact(on channel: Channel, _ pick: UInt64) -> String? {
        var work = 0
        // A catalog that cannot be read gives a visitor rather than stopping the shift.
        guard let known = try? world.contacts(startingWith: "", limit: Self.contactsDrawnFrom),
            let busy = try? busyCustomers(among: Set(known.map { $0.name.lowercased() }), on: channel, work: &work)
        else { return nil }
        let free = known.filter {
            !busy.contains($0.name.lowercased()) && !shift.scenarioCustomers.contains($0.name.lowercased())
        }
        guard !free.isEmpty else { return nil }
        return free[Int(pick % UInt64(free.count))].name
    }

    /// Which of `customers` (lowercased) are busy on `channel`, as ``availableContact(on:_:)`` says. Only
    /// their conversations that are not Closed and the pending notifications are looked at, so an arrival
    /// costs the same however long the shift has run and however big the catalog; `work` counts them (for tests).
    func busyCustomers(among customers: Set<String>, on channel: Channel, work: inout Int) throws(CommandError)
        -> Set<String>
    {
        var busy = Set<String>()
        for conversation in try conversations.unclosed(of: customers) {
            work += 1
            guard let name = conversation.customerKey else { continue }
            let working = conversation.state == .active || conversation.state == .wrapUp
            let queuedHere = conversation.state == .open && conversation.channel == channel
            if working || queuedHere { busy.insert(name) }
        }
        for notification in notifications {
            work += 1
            if let name = conversations[notification.conversationID]?.customerKey, customers.contains(name) {
                busy.insert(name)
            }
        }
        return busy
    }

    /// An agent took conversation `id` (accept, pick, or resuming it): a generated customer starts or goes
    /// on writing, and no longer thinks of leaving the queue.
    mutating func customerAnswered(_ id: Int) {
        guard var customer = shift.customers[id] else { return }
        customer.wasAnswered = true
        shift.customers[id] = customer
        let counting = shift.agenda.events.contains { if case .impatience(id, _) = $0.kind { true } else { false } }
        if customer.patience != nil, !counting, let since = firstUnansweredMessageTime(in: id) {
            schedule(.impatience(conversation: id, since: since), after: patience(of: id))  // wrote while waiting
        }
        guard customer.messagesLeft > 0 else {
            scheduleLeaving(id)
            return
        }
        let pending = shift.agenda.events.contains { $0.kind == .customerMessage(conversation: id) }
        if !pending { scheduleMessage(in: id, first: customer.messagesSent == 0) }
    }

    private mutating func scheduleMessage(in id: Int, first: Bool) {
        guard var customer = shift.customers[id] else { return }
        let draw = customer.nextDraw()
        shift.customers[id] = customer
        let gap =
            first
            ? shift.random.integer(in: 5...20, customer.stream, draw)
            : shift.random.exponentialSeconds(mean: Double(settings.traffic.messageInterval), customer.stream, draw)
        schedule(.customerMessage(conversation: id), after: gap)
    }

    /// A generated customer writes; impatience starts counting if this is the first unanswered message.
    mutating func generateMessage(in id: Int) -> Outcome? {
        guard var customer = shift.customers[id], let position = activeSessionPosition(of: id) else { return nil }
        let phrases = customer.messagesSent == 0 ? CustomerPhrases.opening : CustomerPhrases.followUp
        let text = phrases[shift.random.integer(in: 0...(phrases.count - 1), customer.stream, customer.nextDraw())]
        customer.messagesSent += 1
        customer.messagesLeft -= 1
        shift.customers[id] = customer
        let outcome = messageOutcome(text, at: position)  // impatience starts counting in `deliver`
        if customer.messagesLeft > 0 { scheduleMessage(in: id, first: false) } else { scheduleLeaving(id) }
        return outcome
    }

    /// A generated customer has waited another patience period without a reply: sentiment drops a level.
    mutating func loseImpatience(in id: Int, since: Int) -> Outcome? {
        guard let position = activeSessionPosition(of: id) else { return nil }
        let level = sessions[position].sentiment
        guard let lower = Sentiment(rawValue: level.rawValue - 1) else { return nil }
        shift.customers[id]?.impatienceDrop += 1
        if lower > .veryNegative { schedule(.impatience(conversation: id, since: since), after: patience(of: id)) }
        let waited = "no reply for \(SimulatedDuration.format(now - since))"
        return sentimentOutcome(changing: position, to: lower, reason: waited)
    }

    /// Seconds without a reply before the customer of conversation `id` loses a sentiment level: their
    /// own (`incoming --patience`), or the traffic's.
    func patience(of id: Int) -> Int { shift.customers[id]?.patience ?? settings.traffic.patience }

    /// A customer given `--patience` (`incoming chat "Kenny Smith" --patience 2m`): from now on they lose
    /// patience as generated customers do, without writing on their own.
    mutating func givePatience(_ seconds: Int, toCustomerOf id: Int) {
        var customer =
            shift.customers[id] ?? GeneratedCustomer(stream: 0x1_0000 &+ UInt64(id), messagesLeft: 0, isScripted: true)
        customer.patience = seconds
        shift.customers[id] = customer
    }

    /// The agent replied in conversation `id`: sentiment lost to impatience comes back. Returns the line to show.
    mutating func recoverPatience(in id: Int, at position: Int) -> String? {
        guard let drop = shift.customers[id]?.impatienceDrop, drop > 0 else { return nil }
        shift.customers[id]?.impatienceDrop = 0
        let level = Sentiment(
            rawValue: min(Sentiment.veryPositive.rawValue, sessions[position].sentiment.rawValue + drop))
        changeSentiment(at: position, to: level ?? .neutral)
        return "\(sessions[position].title) is answered; sentiment back to \(sessions[position].sentiment.name)."
    }

    /// A generated request nobody accepted: the customer leaves the queue and the conversation closes.
    mutating func abandon(_ id: Int) -> Outcome {
        let waited = now - (shift.log.records[id]?.firstSeen ?? now)
        if notifications.contains(where: { $0.conversationID == id }) {
            notifications.removeAll { $0.conversationID == id }
            shift.log.answered(id, .abandoned, at: now)
        }
        closeConversation(id)
        shift.log.update(id, at: now) { $0.abandonedAt = now }
        shift.log.conversationClosed(id, at: now)
        let title = conversations[id]?.title ?? ""
        return eventOutcome(
            .warning, "\(title): left the queue unanswered", " after \(SimulatedDuration.format(waited)) (abandoned).",
            about: id)
    }

    /// A conversation was parked in Waiting: its window is scheduled to end, and a generated customer to come back.
    mutating func parked(_ conversation: Conversation) {
        guard let until = conversation.waitingUntil else { return }
        shift.agenda.add(.waitingExpiry(conversation: conversation.id, until: until), at: until)
        guard var customer = shift.customers[conversation.id] else { return }
        let draw = customer.nextDraw()
        shift.customers[conversation.id] = customer
        let gap = shift.random.exponentialSeconds(mean: Double(settings.traffic.returnAfter), customer.stream, draw)
        if now + gap < until {
            schedule(.customerReturn(conversation: conversation.id, parkedUntil: until), after: gap)
        }
    }

    /// A parked customer comes back: a returning request, and more to say once accepted.
    mutating func customerReturns(to id: Int) -> Outcome {
        if var customer = shift.customers[id], let channel = conversations[id]?.channel, channel != .voice {
            customer.messagesLeft += shift.random.integer(in: 1...3, customer.stream, customer.nextDraw())
            shift.customers[id] = customer
        }
        return arrivalOutcome(offer(id, returning: true), about: id)
    }
}

/// What generated customers write.
enum CustomerPhrases {
    /// A customer's first message.
    static let opening = [
        "Hi, my order hasn't arrived yet.",
        "I was charged twice this month.",
        "I can't sign in to the portal.",
        "The printer shows error E-42 again.",
        "How do I change my delivery address?",
        "My refund still isn't through.",
        "The app crashes when I open my invoices.",
        "Can I upgrade my plan today?",
    ]
    /// Later messages.
    static let followUp = [
        "Are you still there?",
        "Any update?",
        "I've tried that already.",
        "OK, one moment.",
        "That didn't work.",
        "Thanks, that helps.",
        "It's quite urgent, sorry.",
        "Here is my order number: 1182.",
    ]
}
