/// Disposition codes: `close --disposition <code>`, needed when the world or
/// `config require-disposition on` requires one.
extension PanelState {
    /// Whether closing a conversation session needs a disposition code now.
    func requiresDisposition() throws(CommandError) -> Bool {
        if settings.requireDisposition { return true }
        return try world.isDispositionRequired()
    }

    /// The world's spelling of `given` for closing `session`; `nil` when none is given and none is needed.
    /// Fails for an unknown code, a code on a session that is not a conversation's, or a missing one
    /// that is required, naming the choices.
    func dispositionCode(_ given: String?, closing session: Session) throws(CommandError) -> String? {
        let isConversation = session.conversationID != nil && !session.readOnly
        guard let given else {
            guard isConversation, try requiresDisposition() else { return nil }
            throw CommandError(
                "closing \"\(session.title)\" needs a disposition code (close --disposition <code>); "
                    + (try choices(of: .disposition)))
        }
        guard isConversation else {
            throw CommandError("\"\(session.title)\" is not a conversation session; only those take a disposition code")
        }
        guard let code = try world.name(of: .disposition, given) else {
            throw CommandError("no disposition \"\(given)\"; \(try choices(of: .disposition))")
        }
        return code
    }
}
