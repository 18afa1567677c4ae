/// A scenario's timeline: customer-side commands (`incoming`, `message`, `sentiment`, `leave`) scheduled at a
/// simulated time (`at 1m30s message "Kenny Smith" "Still there?"`), with customers named by title.
extension PanelState {
    /// Checks a customer-side command and schedules it at `time` (seconds since the shift began).
    ///
    /// Refused, with nothing scheduled: a command that is not `incoming`, `message`, `sentiment` or `leave`; a
    /// customer named by position rather than title; and a customer who never arrives — named by
    /// `message`, `sentiment` or `leave` but neither a contact of the world, nor the title of a conversation
    /// already in the shift, nor brought by an `incoming` scheduled no later. When the line falls due,
    /// a customer without a conversation by then gets a one-line problem instead (``EventLine/Kind/problem``).
    public mutating func schedule(_ line: String, at time: Int) throws(CommandError) {
        guard (0...SimulatedDuration.maximum).contains(time) else {
            throw CommandError("an 'at' time is from 0s to \(SimulatedDuration.format(SimulatedDuration.maximum))")
        }
        guard let command = try CommandParser.parse(InputLine(Array(line.utf8))) else {
            throw CommandError("'at <time>' needs a command: incoming, message, sentiment or leave")
        }
        var customer: String?
        switch command {
        case .incoming(_, let name, _): customer = name
        case .message(let reference, _), .sentiment(let reference, _), .leave(let reference):
            guard case .titlePrefix(let name) = reference else {
                throw CommandError("an 'at' line names the customer by title (\"Kenny Smith\"), not by position")
            }
            var work = 0
            guard try customerArrives(name, by: time, work: &work) else {
                throw CommandError(
                    "\"\(name)\" never arrives: no contact has that name, no conversation has that title, "
                        + "and no 'at' line up to \(SimulatedDuration.stamp(time)) brings them with 'incoming'")
            }
            customer = name
        default:
            throw CommandError(
                "'at' schedules what customers do: incoming, message, sentiment or leave, not '\(line.split(separator: " ").first ?? "")'"
            )
        }
        shift.agenda.add(.scheduled(line), at: time)
        if let customer { shift.scenarioCustomers.insert(customer.lowercased()) }
    }

    /// Whether a customer titled `name` can have a conversation by `time`: a contact of the world, the
    /// title of a conversation in the shift, or brought by a scheduled `incoming` no later than `time`
    /// (``ScheduledArrivals``: one look-up however many lines are scheduled; `work` counts the look-ups,
    /// for tests).
    func customerArrives(_ name: String, by time: Int, work: inout Int) throws(CommandError) -> Bool {
        let wanted = name.lowercased()
        if try world.contact(named: name) != nil { return true }
        if try conversations.newest(titled: wanted, unclosedOnly: false) != nil { return true }
        work += 1
        let arrivals = shift.agenda.arrivals
        if let earliest = arrivals.earliest(of: wanted), earliest <= time { return true }
        // `Visitor N`: the Nth visitor of the shift, when enough visitors are scheduled by then.
        let number = wanted.hasPrefix("visitor ") ? wanted.dropFirst("visitor ".count) : ""
        guard let visitor = Int(number), String(visitor) == number, visitor > visitorCount else { return false }
        return visitor - visitorCount <= arrivals.visitorCount(by: time)
    }

    /// Carries out a scheduled line that fell due.
    mutating func runScheduled(_ line: String) -> Outcome {
        let command: Command?
        do throws(CommandError) {
            command = try CommandParser.parse(InputLine(Array(line.utf8)))
        } catch {
            return eventOutcome(.problem, "'at' line \"\(line)\": \(error.message)")
        }
        switch command {
        case .incoming(let channel, let customer, let patience)?:
            do throws(CommandError) {
                let received = try receive(channel, from: customer, patience: patience)
                return arrivalOutcome(received.outcome, about: received.conversation)
            } catch {
                return eventOutcome(.problem, "'at' line \"\(line)\": \(error.message)", customer: customer)
            }
        case .message(.titlePrefix(let name), let text)?:
            return scheduledFor(name, line) { state, id in state.deliverScheduled(text, from: name, in: id) }
        case .leave(.titlePrefix(let name))?:
            return scheduledFor(name, line) { state, id in
                guard let id, let left = state.customerLeaves(id) else {
                    return state.eventOutcome(
                        .problem, "\"\(name)\" has no Open or Active conversation; skipped 'at' line: \(line)",
                        about: id, customer: name)
                }
                return left
            }
        case .sentiment(.titlePrefix(let name), let level)?:
            return scheduledFor(name, line) { state, id in
                state.setScheduledSentiment(level, of: name, in: id, line: line)
            }
        default:
            return eventOutcome(.problem, "'at' line \"\(line)\" is not a customer-side command")
        }
    }

    /// Carries out a scheduled line about the customer titled `name` with their conversation (``customerConversation(titled:)``),
    /// or says the line was skipped when the conversations cannot be read.
    private mutating func scheduledFor(_ name: String, _ line: String, _ body: (inout PanelState, Int?) -> Outcome)
        -> Outcome
    {
        do throws(CommandError) {
            let id = try customerConversation(titled: name)
            return body(&self, id)
        } catch {
            return eventOutcome(.problem, "'at' line \"\(line)\": \(error.message)", customer: name)
        }
    }

    /// A scheduled message: into the customer's session, or into their transcript while they wait.
    private mutating func deliverScheduled(_ text: String, from name: String, in id: Int?) -> Outcome {
        guard let id else {
            return eventOutcome(
                .problem, "\"\(name)\" has no conversation open; their message \"\(text)\" was not delivered",
                customer: name)
        }
        if let position = activeSessionPosition(of: id) { return messageOutcome(text, at: position) }
        conversations[id]?.messages.append(Message(sender: .customer, text: text, time: now))
        let title = conversations[id]?.title ?? name
        return eventOutcome(.message, "\(title) (waiting for an agent):", " \(text)", about: id)
    }

    /// A scheduled sentiment: in the customer's session, or kept while their request waits (the session
    /// that takes it starts with it).
    private mutating func setScheduledSentiment(_ level: Sentiment, of name: String, in id: Int?, line: String)
        -> Outcome
    {
        guard let id else {
            return eventOutcome(
                .problem, "\"\(name)\" has no conversation open; skipped 'at' line: \(line)", customer: name)
        }
        if let position = activeSessionPosition(of: id) {
            return sentimentOutcome(changing: position, to: level, reason: nil)
        }
        conversations[id]?.waitingSentiment = level
        let title = conversations[id]?.title ?? name
        let alert = settings.threshold.alerts(at: level) ? ", urgent attention needed once accepted" : ""
        return eventOutcome(
            .sentiment, "\(title) (waiting for an agent): sentiment \(level.name)", "\(alert).", about: id)
    }

    /// The conversation of the customer titled `name`: the one a session is working, else the newest
    /// that is not Closed, brought into play.
    mutating func customerConversation(titled name: String) throws(CommandError) -> Int? {
        let wanted = name.lowercased()
        for session in sessions where session.title.lowercased() == wanted {
            if let id = session.conversationID, activeSessionPosition(of: id) != nil { return id }
        }
        guard let newest = try conversations.newest(titled: wanted, unclosedOnly: true) else { return nil }
        conversations.bringIntoPlay(newest)
        return newest.id
    }

    /// A customer message arrives in the session at `position`, as an event line.
    mutating func messageOutcome(_ text: String, at position: Int) -> Outcome {
        let title = sessions[position].title
        if let id = sessions[position].conversationID { deliver(text, toSessionAt: position, conversation: id) }
        return eventOutcome(
            .message, "\(title) in session \(position):", " \(text)", about: sessions[position].conversationID,
            customer: title)
    }

    /// Sets the sentiment of the session at `position`, as an event line that says when it alerts (and
    /// why it changed, when `reason` says).
    mutating func sentimentOutcome(changing position: Int, to level: Sentiment, reason: String?) -> Outcome {
        changeSentiment(at: position, to: level)
        let session = sessions[position]
        let alert = hasSentimentAlert(session) ? ", urgent attention needed" : ""
        return eventOutcome(
            .sentiment, "\(session.title): sentiment \(level.name)\(alert)", (reason.map { " (\($0))" } ?? "") + ".",
            about: session.conversationID, customer: session.title)
    }
}
