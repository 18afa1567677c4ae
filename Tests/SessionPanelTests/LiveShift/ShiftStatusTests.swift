import Testing

@testable import SessionPanel

@Suite struct ShiftStatusTests {
    @Test func aQuietShiftHasAnEmptyStatus() {
        #expect(ShiftStatus(PanelState()).text == "")
    }

    @Test func theStatusCountsWaitingUnreadAndAlerts() {
        let shell = interpreter(after: [
            "incoming chat \"Kenny Smith\"", "accept", "incoming sms \"José Núñez\"", "accept",
            "message 1 a", "message 1 b", "message 2 c", "switch home", "message 2 d", "sentiment 1 negative",
            "incoming voice", "clock advance 75s", "incoming chat",
        ])
        let status = ShiftStatus(shell.state)
        #expect(status.waiting == 2 && status.mostUrgentSecondsLeft == 45)
        #expect(status.text == "2 waiting (0:45) · 3 unread · 1 alert")
    }
}
