internal import JSONCoding

/// `report`: the shift's figures as a table for people, or as one JSON object (schema in the README).
public struct ShiftReportRenderer: Sendable {
    /// How to draw the table.
    public let style: RenderStyle

    /// Creates a renderer.
    public init(style: RenderStyle) { self.style = style }

    /// The table's lines, each wrapped to the width (a figure's continuation under the figures).
    public func lines(_ report: ShiftReport) -> [String] {
        func time(_ seconds: Int?) -> String { seconds.map(SimulatedDuration.format) ?? "-" }
        func row(_ label: String, _ value: String) -> String { "  " + VisibleText.padded(label, to: 27) + value }
        let speed = report.speedToAnswer
        let response = report.firstResponse
        let rate = report.abandonmentRatePercent.map { " (abandonment rate \($0)%)" } ?? ""
        return style.fitted([
            style.paint("Shift report at \(SimulatedDuration.stamp(report.shiftSeconds))", .bold),
            row("Conversations offered", "\(report.offered)"),
            row("  accepted", "\(report.accepted)"),
            row("  rejected", "\(report.rejected)"),
            row("  missed (timed out)", "\(report.missed)"),
            row("Abandoned in the queue", "\(report.abandoned)\(rate)"),
            row("Speed to answer", speed.map { "average \(time($0.average)), longest \(time($0.longest))" } ?? "-"),
            row(
                "First response time",
                response.map {
                    "median \(time($0.median)), 90th percentile \(time($0.percentile90)) "
                        + "(\($0.conversations) conversation\($0.conversations == 1 ? "" : "s"))"
                } ?? "-"),
            row(
                "Handle time",
                report.handleTime.map { "average \(time($0.average)) (\($0.sessions) closed)" } ?? "-"),
            row("Longest unanswered alert", time(report.longestUnansweredAlert)),
            row("Peak unread", "\(report.peakUnread)"),
            row("Peak sessions open", "\(report.peakSessionsOpen)"),
            row("Persistent chats", "\(report.persistentEnded) ended, \(report.persistentParked) parked"),
            row("Transfers", "\(report.transfers)"),
        ])
    }
}

extension ShiftReport {
    /// The figures as one JSON object of `"type":"report"` (docs/output.schema.json), one line;
    /// seconds as whole numbers, `null` where nothing was measured. `line` is the script line that
    /// asked for it, under `--format json`.
    public func json(line: Int? = nil) -> String {
        func number(_ value: Int?) -> JSONValue { value.map { .number($0) } ?? .null }
        let figures: [(String, JSONValue)] = [
            ("shiftSeconds", .number(shiftSeconds)),
            ("offered", .number(offered)),
            ("accepted", .number(accepted)),
            ("rejected", .number(rejected)),
            ("missed", .number(missed)),
            ("abandoned", .number(abandoned)),
            ("abandonmentRatePercent", number(abandonmentRatePercent)),
            (
                "speedToAnswerSeconds",
                .object([
                    ("average", number(speedToAnswer?.average)), ("longest", number(speedToAnswer?.longest)),
                ])
            ),
            (
                "firstResponseSeconds",
                .object([
                    ("median", number(firstResponse?.median)), ("p90", number(firstResponse?.percentile90)),
                    ("conversations", .number(firstResponse?.conversations ?? 0)),
                ])
            ),
            (
                "handleTimeSeconds",
                .object([
                    ("average", number(handleTime?.average)), ("sessions", .number(handleTime?.sessions ?? 0)),
                ])
            ),
            ("longestUnansweredAlertSeconds", number(longestUnansweredAlert)),
            ("peakUnread", .number(peakUnread)),
            ("peakSessionsOpen", .number(peakSessionsOpen)),
            ("transfers", .number(transfers)),
            ("persistentChats", .object([("ended", .number(persistentEnded)), ("parked", .number(persistentParked))])),
        ]
        let line: [(String, JSONValue)] = line.map { [("line", .number($0))] } ?? []
        return JSONValue.object([("type", .string("report"))] + line + figures).serialized
    }
}
