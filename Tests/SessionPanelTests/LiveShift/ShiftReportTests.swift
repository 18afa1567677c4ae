import Testing

@testable import SessionPanel

/// Each `report` figure against a shift computed by hand (times in simulated seconds).
@Suite struct ShiftReportTests {
    private static let world = World(contacts: [
        .init(name: "Ann"), .init(name: "Bob"), .init(name: "Cat"), .init(name: "Dan"),
    ])

    /// t=0 Ann (SMS), Bob (chat), Cat (SMS) ask; t=10 Ann accepted, writes; t=40 reply to Ann, Bob rejected,
    /// Cat accepted; Ann writes twice unread and turns negative; t=100 Cat writes, Ann read; t=130 Ann
    /// answered, ended, closed; t=190 Cat answered, Dan asks; t=310 Dan missed, Cat closed without End.
    private static func handComputedShift() -> ScriptedAgent {
        var agent = ScriptedAgent(world: world)
        agent.run(
            "incoming sms Ann", "incoming chat Bob", "incoming sms Cat",
            "clock advance 10s", "accept", "message 1 hi",
            "clock advance 30s", "reply hello", "reject", "accept", "message 1 \"are you there\"", "message 1 hello?",
            "sentiment 1 negative",
            "clock advance 60s", "message 2 q", "switch 1",
            "clock advance 30s", "reply sorry", "end", "close --yes", "switch Cat",
            "clock advance 60s", "reply answer", "incoming social Dan",
            "clock advance 2m", "close 1 --yes")
        return agent
    }

    @Test func everyFigureMatchesTheHandComputedShift() throws {
        let report = try ShiftReport(Self.handComputedShift().state)
        #expect(report.shiftSeconds == 310)
        #expect((report.offered, report.accepted, report.rejected, report.missed, report.abandoned) == (4, 2, 1, 1, 0))
        #expect(report.abandonmentRatePercent == 0)
        let speed = try #require(report.speedToAnswer)
        #expect((speed.average, speed.longest) == (25, 40))  // 10 and 40
        let response = try #require(report.firstResponse)
        #expect((response.median, response.percentile90, response.conversations) == (60, 90, 2))  // 30 and 90
        let handle = try #require(report.handleTime)
        #expect((handle.average, handle.sessions) == (195, 2))  // 120 and 270
        #expect(report.longestUnansweredAlert == 90)  // negative at 40, answered at 130
        #expect(report.peakUnread == 2)
        #expect(report.peakSessionsOpen == 2)
        #expect((report.persistentEnded, report.persistentParked) == (1, 1))
    }

    @Test func theJSONObjectNamesEveryFigure() throws {
        let json = try ShiftReport(Self.handComputedShift().state).json()
        #expect(
            json == """
                {"type":"report","shiftSeconds":310,"offered":4,"accepted":2,"rejected":1,"missed":1,"abandoned":0,\
                "abandonmentRatePercent":0,"speedToAnswerSeconds":{"average":25,"longest":40},\
                "firstResponseSeconds":{"median":60,"p90":90,"conversations":2},\
                "handleTimeSeconds":{"average":195,"sessions":2},"longestUnansweredAlertSeconds":90,\
                "peakUnread":2,"peakSessionsOpen":2,"transfers":0,"persistentChats":{"ended":1,"parked":1}}
                """)
    }

    @Test func theTableSaysTheSame() throws {
        var agent = Self.handComputedShift()
        #expect(
            agent.output("report") == """
                Shift report at 00:05:10
                  Conversations offered      4
                    accepted                 2
                    rejected                 1
                    missed (timed out)       1
                  Abandoned in the queue     0 (abandonment rate 0%)
                  Speed to answer            average 25s, longest 40s
                  First response time        median 1m, 90th percentile 1m 30s (2 conversations)
                  Handle time                average 3m 15s (2 closed)
                  Longest unanswered alert   1m 30s
                  Peak unread                2
                  Peak sessions open         2
                  Persistent chats           1 ended, 1 parked
                  Transfers                  0
                """)
        #expect(agent.output("report --format json").hasPrefix("{\"type\":\"report\",\"shiftSeconds\":310,"))
        #expect(
            try ShiftReport(agent.state).json(line: 7).hasPrefix("{\"type\":\"report\",\"line\":7,\"shiftSeconds\":"))
    }

    @Test func anEmptyShiftHasNothingToMeasure() throws {
        let report = try ShiftReport(PanelState())
        #expect(report.offered == 0 && report.speedToAnswer == nil && report.firstResponse == nil)
        #expect(
            report.handleTime == nil && report.longestUnansweredAlert == nil && report.abandonmentRatePercent == nil)
        #expect(report.json().contains("\"speedToAnswerSeconds\":{\"average\":null,\"longest\":null}"))
    }

    @Test func anAlertStillStandingCountsUpToNow() throws {
        var agent = ScriptedAgent(world: Self.world)
        agent.run("incoming chat Ann", "accept", "sentiment 1 very-negative", "clock advance 5m")
        #expect(try ShiftReport(agent.state).longestUnansweredAlert == 300)
    }

    @Test func anAbandonedRequestIsNotMissed() throws {
        var agent = ScriptedAgent(world: Self.world)
        agent.run(
            "traffic light --seed 4", "config queue-patience 90s", "config arrivals-chat 0", "config arrivals-sms 0",
            "config arrivals-voice 3600", "config arrivals-social 0", "clock advance 5s")
        let report = try ShiftReport(agent.state)
        #expect(report.offered >= 1)
        agent.run("traffic off")
        let offered = try ShiftReport(agent.state).offered
        agent.run("clock advance 10m")
        let after = try ShiftReport(agent.state)
        #expect(after.missed == 0, "requests left after 90s, before the 2m timeout")
        #expect(after.abandoned == offered)
    }

    @Test func reportTakesAFormatAndAFile() {
        var agent = ScriptedAgent()
        #expect(agent.error("report --format xml") == "--format takes text or json, not \"xml\"")
        #expect(agent.error("report now").hasPrefix("usage: report"))
        #expect(agent.error("report --svg").contains("--svg needs a value"))
        let outcome = agent.run("report --svg shift.svg")
        #expect(outcome.export?.path == "shift.svg")
        #expect(outcome.export?.contents.hasPrefix("<?xml") == true)
    }

    /// Files written for the interpreter: each export, or the failure given.
    private final class RecordingFiles: FileOutput, @unchecked Sendable {
        var written: [Export] = []
        let failure: String?
        init(failing failure: String? = nil) { self.failure = failure }
        func write(_ export: Export) throws(CommandError) {
            if let failure { throw CommandError(failure) }
            written.append(export)
        }
    }

    @Test("a command whose file cannot be written is a failed command, as a refused one is")
    func failedWriteIsAFailedCommand() {
        let files = RecordingFiles(failing: "cannot write /dev/full: No space left on device")
        var agent = Interpreter(state: PanelState(), files: files)
        #expect(agent.handle(InputLine(Array("report --svg /dev/full".utf8))) == .failed(CommandError(files.failure!)))
    }

    @Test("a written file is said in the command's own output")
    func writtenFileIsReported() throws {
        let files = RecordingFiles()
        var agent = Interpreter(state: PanelState(), files: files)
        guard case .ran(let outcome) = agent.handle(InputLine(Array("report --svg shift.svg".utf8))) else {
            Issue.record("report --svg did not run")
            return
        }
        #expect(files.written.map(\.path) == ["shift.svg"])
        #expect(outcome.export == nil)
        #expect(outcome.reports.last == .message("Wrote the shift's timeline to shift.svg."))
    }
}
