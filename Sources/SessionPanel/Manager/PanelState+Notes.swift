extension PanelState {
    /// `note "<text>"`: saves a note to the focused conversation's timeline at the simulated time. A
    /// visitor's conversation (or a named customer the world has no contact for) must be linked to a
    /// contact or account first, as in the product.
    mutating func addNote(_ text: String) throws(CommandError) -> Outcome {
        let id = try editableConversationID(at: focusedPosition)
        guard let conversation = conversations[id] else { return Outcome() }
        let known = try conversation.customer.map { name throws(CommandError) in try world.contact(named: name) != nil }
        guard known == true || conversation.account != nil else {
            throw CommandError(
                "link a contact first: \(conversation.title) is not a known customer and notes go to a record's "
                    + "timeline ('link contact \"<name>\"')")
        }
        guard conversation.notes.count < Limits.largestCounter else { throw Limits.exhausted("notes") }
        conversations[id]?.notes.append(Note(text: text, time: now))
        return Outcome([
            .message("Note saved to \(conversation.title)'s timeline at \(SimulatedDuration.stamp(now)).")
        ])
    }
}
