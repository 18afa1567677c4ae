/// `report --svg FILE`: the shift as a timeline picture, drawn to be read on a projector.
///
/// One lane per conversation, from its first notification (or the session that opened it) to its
/// close, or to the end of the picture while it lasts. On each lane: a thick bar while a session
/// worked it; the marks of each notification (◆), accept (●), reject, miss and abandonment (✕), each
/// customer message (▲ above the lane) and reply (▼ below), each note (■ on the lane); shaded spans while a sentiment alert stood
/// unanswered (red) and while messages waited unread (amber). Pure text: the executable writes it.
public enum TimelineSVG {
    private static let width = 1_600
    private static let left = 330
    private static let right = 60
    private static let top = 130
    private static let laneHeight = 64
    private static let font = "DejaVu Sans, Verdana, Arial, sans-serif"

    private enum Colour {
        static let ink = "#1f2328"
        static let grid = "#d0d7de"
        static let lane = "#8c959f"
        static let session = "#0969da"
        static let notification = "#8250df"
        static let accept = "#1a7f37"
        static let lost = "#cf222e"
        static let missed = "#bc4c00"
        static let customer = "#0550ae"
        static let agent = "#1a7f37"
        static let alert = "#ff8182"
        static let unread = "#f5c542"
        static let note = "#6e7781"
    }

    /// The picture of the shift in `state` with its `figures`, as SVG text; `lanes` has the conversation
    /// of each record of the shift's log.
    public static func render(_ state: PanelState, _ figures: ShiftReport, lanes: [Int: Conversation]) -> String {
        let records = state.shift.log.records.values.sorted {
            ($0.firstSeen, $0.conversation) < ($1.firstSeen, $1.conversation)
        }
        let end = max(60, state.now)
        let plot = width - left - right
        func x(_ time: Int) -> Int {
            left + Int((Double(min(max(time, 0), end)) * Double(plot) / Double(end)).rounded())
        }
        let lanesBottom = top + max(1, records.count) * laneHeight
        let height = lanesBottom + 170
        var svg: [String] = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
                + "viewBox=\"0 0 \(width) \(height)\" font-family=\"\(font)\">",
            "<title>Shift timeline, 00:00:00 to \(SimulatedDuration.stamp(state.now))</title>",
            "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>",
            text("Shift timeline", x: 40, y: 56, size: 36, weight: "bold"),
            text(summary(figures), x: 40, y: 96, size: 22, colour: Colour.lane),
        ]
        svg += axis(end: end, x: x, bottom: lanesBottom)
        if records.isEmpty {
            svg.append(
                text("No conversations yet", x: left + 20, y: top + laneHeight / 2 + 8, size: 24, colour: Colour.lane))
        }
        for (index, record) in records.enumerated() {
            svg += lane(
                record, lanes[record.conversation], middle: top + index * laneHeight + laneHeight / 2, end: end, x: x)
        }
        svg += legend(y: lanesBottom + 90)
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    /// `12 offered · 8 accepted · 2 missed · 1 abandoned · speed to answer 34s average`.
    private static func summary(_ report: ShiftReport) -> String {
        var parts = [
            "\(report.offered) offered", "\(report.accepted) accepted", "\(report.rejected) rejected",
            "\(report.missed) missed", "\(report.abandoned) abandoned",
        ]
        if let speed = report.speedToAnswer {
            parts.append("speed to answer \(SimulatedDuration.format(speed.average)) average")
        }
        if let alert = report.longestUnansweredAlert {
            parts.append("longest alert \(SimulatedDuration.format(alert))")
        }
        return "To \(SimulatedDuration.stamp(report.shiftSeconds)): " + parts.joined(separator: " · ")
    }

    /// Vertical grid lines and time labels (`00:15:00`, as every time of the shift is written) at a round
    /// step, at most about ten of them.
    private static func axis(end: Int, x: (Int) -> Int, bottom: Int) -> [String] {
        let steps = [30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400]
        let step = steps.first { end / $0 <= 9 } ?? 86_400 * (end / (86_400 * 9) + 1)
        var lines: [String] = []
        for time in stride(from: 0, through: end, by: step) {
            lines.append(line(x1: x(time), y1: top - 10, x2: x(time), y2: bottom, colour: Colour.grid, width: 2))
            lines.append(
                text(
                    SimulatedDuration.stamp(time), x: x(time), y: bottom + 34, size: 18, colour: Colour.ink,
                    anchor: "middle"))
        }
        return lines
    }

    private static func lane(
        _ record: ConversationRecord, _ conversation: Conversation?, middle: Int, end: Int, x: (Int) -> Int
    ) -> [String] {
        let title = VisibleText.truncated(VisibleText.escaped(conversation?.title ?? "W\(record.conversation)"), to: 20)
        let channel = conversation?.channel.displayName ?? ""
        let laneTop = middle - laneHeight / 2 + 6
        let laneBottom = middle + laneHeight / 2 - 6
        var svg = [
            text(title, x: 40, y: middle + 2, size: 22, weight: "bold"),
            text("\(channel) · W\(record.conversation)", x: 40, y: middle + 24, size: 16, colour: Colour.lane),
        ]
        for span in record.unread {
            svg.append(
                rect(
                    x: x(span.start), y: laneTop, to: x(span.end ?? end), bottom: laneBottom, fill: Colour.unread,
                    opacity: "0.45"))
        }
        for span in record.alerts {
            svg.append(
                rect(
                    x: x(span.start), y: laneTop, to: x(span.end ?? end), bottom: laneBottom, fill: Colour.alert,
                    opacity: "0.5"))
        }
        svg.append(
            line(
                x1: x(record.firstSeen), y1: middle, x2: x(record.closedAt ?? end), y2: middle, colour: Colour.lane,
                width: 3))
        for span in record.handled {
            svg.append(
                line(
                    x1: x(span.start), y1: middle, x2: x(span.end ?? end), y2: middle, colour: Colour.session, width: 12
                ))
        }
        for message in conversation?.messages ?? [] {
            let mx = x(message.time)
            svg.append(
                message.sender == .customer
                    ? polygon([(mx - 7, middle - 10), (mx + 7, middle - 10), (mx, middle - 22)], fill: Colour.customer)
                    : polygon([(mx - 7, middle + 10), (mx + 7, middle + 10), (mx, middle + 22)], fill: Colour.agent))
        }
        for note in conversation?.notes ?? [] {
            svg.append(noteMark(x(note.time), middle))
        }
        for offer in record.offers {
            let ox = x(offer.time)
            svg.append(
                polygon(
                    [(ox, middle - 11), (ox + 11, middle), (ox, middle + 11), (ox - 11, middle)],
                    fill: Colour.notification))
            guard let result = offer.result, let time = offer.resultTime else { continue }
            switch result {
            case .accepted:
                svg.append(
                    "<circle cx=\"\(x(time))\" cy=\"\(middle)\" r=\"10\" fill=\"\(Colour.accept)\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
                )
            case .rejected: svg.append(cross(x(time), middle, Colour.lost))
            case .missed: svg.append(cross(x(time), middle, Colour.missed))
            case .abandoned: break
            }
        }
        if let abandoned = record.abandonedAt { svg.append(cross(x(abandoned), middle, Colour.lost)) }
        return svg
    }

    private static func legend(y: Int) -> [String] {
        let entries: [(String, String)] = [
            (polygon([(52, y - 11), (63, y), (52, y + 11), (41, y)], fill: Colour.notification), "notification"),
            ("<circle cx=\"52\" cy=\"\(y)\" r=\"10\" fill=\"\(Colour.accept)\"/>", "accept"),
            (cross(52, y, Colour.missed), "missed"),
            (cross(52, y, Colour.lost), "rejected / abandoned"),
            (line(x1: 36, y1: y, x2: 68, y2: y, colour: Colour.session, width: 12), "session open"),
            (polygon([(45, y + 6), (59, y + 6), (52, y - 8)], fill: Colour.customer), "customer message"),
            (polygon([(45, y - 6), (59, y - 6), (52, y + 8)], fill: Colour.agent), "reply"),
            (rect(x: 36, y: y - 12, to: 68, bottom: y + 12, fill: Colour.alert, opacity: "0.5"), "alert unanswered"),
            (rect(x: 36, y: y - 12, to: 68, bottom: y + 12, fill: Colour.unread, opacity: "0.45"), "unread waiting"),
            (noteMark(52, y), "note"),
        ]
        let column = (width - 80) / 5
        return entries.enumerated().map { index, entry in
            let dx = 40 + (index % 5) * column - 36
            let dy = (index / 5) * 44
            return "<g transform=\"translate(\(dx),\(dy))\">\(entry.0)"
                + text(entry.1, x: 80, y: y + 7, size: 20, colour: Colour.ink) + "</g>"
        }
    }

    private static func text(
        _ content: String, x: Int, y: Int, size: Int, weight: String = "normal", colour: String = Colour.ink,
        anchor: String = "start"
    ) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" font-weight=\"\(weight)\" fill=\"\(colour)\" "
            + "text-anchor=\"\(anchor)\">\(escaped(content))</text>"
    }

    private static func line(x1: Int, y1: Int, x2: Int, y2: Int, colour: String, width: Int) -> String {
        "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(max(x2, x1 + 1))\" y2=\"\(y2)\" stroke=\"\(colour)\" "
            + "stroke-width=\"\(width)\" stroke-linecap=\"butt\"/>"
    }

    private static func rect(x: Int, y: Int, to right: Int, bottom: Int, fill: String, opacity: String) -> String {
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(max(2, right - x))\" height=\"\(bottom - y)\" fill=\"\(fill)\" fill-opacity=\"\(opacity)\"/>"
    }

    private static func polygon(_ points: [(Int, Int)], fill: String) -> String {
        "<polygon points=\"\(points.map { "\($0.0),\($0.1)" }.joined(separator: " "))\" fill=\"\(fill)\"/>"
    }

    /// A note's mark: a square on the lane, outlined so it shows on the session's bar.
    private static func noteMark(_ x: Int, _ y: Int) -> String {
        "<rect class=\"note\" x=\"\(x - 8)\" y=\"\(y - 8)\" width=\"16\" height=\"16\" fill=\"\(Colour.note)\" "
            + "stroke=\"#ffffff\" stroke-width=\"2\"/>"
    }

    private static func cross(_ x: Int, _ y: Int, _ colour: String) -> String {
        "<path d=\"M\(x - 9),\(y - 9) L\(x + 9),\(y + 9) M\(x - 9),\(y + 9) L\(x + 9),\(y - 9)\" stroke=\"\(colour)\" "
            + "stroke-width=\"5\" stroke-linecap=\"round\"/>"
    }

    /// Text for XML: `&`, `<`, `>`, quotes as entities (control characters are already escaped by ``VisibleText``).
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
