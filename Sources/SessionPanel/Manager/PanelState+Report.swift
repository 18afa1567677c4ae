extension PanelState {
    /// `report [--format text|json] [--svg FILE]`: the shift's figures, and its timeline picture for the
    /// executable to write.
    mutating func report(_ format: ReportFormat, svg: String?) throws(CommandError) -> Outcome {
        let figures = try conversations.reportFigures()
        var outcome = Outcome.answer([.shiftReport(format, figures)])
        if let svg {
            outcome.export = Export(
                path: svg, contents: try timelinePicture(ShiftReport(self, figures)),
                description: "the shift's timeline")
        }
        return outcome
    }

    /// The shift's timeline picture (``TimelineSVG``) with its `figures` (read afresh when `nil`): the
    /// conversation of each record of the shift's log is read for its lane.
    func timelinePicture(_ figures: ShiftReport? = nil) throws(CommandError) -> String {
        guard let figures else { return try timelinePicture(ShiftReport(self)) }
        var lanes: [Int: Conversation] = [:]
        for id in shift.log.records.keys { lanes[id] = try conversation(id) }
        return TimelineSVG.render(self, figures, lanes: lanes)
    }

    /// What a live shift does when settings change: new traffic rates draw the next arrivals afresh,
    /// and a new alert threshold starts or ends the alerts the report times.
    mutating func settingsChanged(from before: Settings) {
        if settings.traffic != before.traffic, shift.profile != .off { scheduleArrivals() }
        if settings.threshold != before.threshold {
            for position in sessions.indices where sessions[position].conversationID != nil { noteAlert(at: position) }
        }
    }
}
