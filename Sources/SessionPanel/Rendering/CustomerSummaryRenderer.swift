/// The Customer summary (`summary`, and focusing the Customer summary tab) as text: its five sections,
/// each a heading and rows of a label and a value, every line fitted to the width (``Wrapping``).
struct CustomerSummaryRenderer {
    /// How to draw.
    let style: RenderStyle

    /// The summary's lines.
    func lines(_ summary: CustomerSummary) -> [String] {
        let none = style.symbol("—", "-")
        var customer: [(String, String)] = []
        if let contact = summary.contact {
            customer.append(("Contact", contact.name))
        } else if let name = summary.unknownCustomer {
            customer.append(("Name", "\(name) (no record found)"))
        }
        if let account = summary.account { customer.append(("Account", account)) }
        if customer.isEmpty { customer.append(("Visitor", "no contact or account linked")) }
        let conversation = [
            ("Channel", summary.channel.displayName), ("Queue", summary.queue),
            ("Wait time", summary.waitTime.map(SimulatedDuration.format) ?? none),
            ("Engagement", SimulatedDuration.format(summary.engagement)), ("Sentiment", summary.sentiment.name),
            ("Transfers", String(summary.transfers)),
        ]
        let heading = "Customer summary: \(style.shown(summary.title)) (W\(summary.conversation))"
        return style.fitted([heading]).map { style.paint($0, .bold) }
            + section("Customer", rows(customer))
            + section("Conversation summary", rows(conversation))
            + section("Case", [summary.linkedCase.map(caseLine) ?? "No case linked"])
            + section(
                "Recent cases", summary.recentCases.isEmpty ? ["No cases"] : summary.recentCases.map(caseLine))
            + section(
                summary.timelineCount > summary.timeline.count
                    ? "Timeline (latest \(summary.timeline.count) of \(summary.timelineCount))" : "Timeline",
                summary.timeline.isEmpty
                    ? ["Nothing yet"]
                    : summary.timeline.map { entry in
                        (entry.time.map { "[\(SimulatedDuration.stamp($0))] " } ?? "") + style.shown(entry.text)
                    })
    }

    /// A heading and its lines, two spaces in; a row wraps under its value.
    private func section(_ heading: String, _ lines: [String]) -> [String] {
        [style.paint(heading, .bold)] + style.fitted(lines.map { "  " + $0 })
    }

    /// `Contact     Kenny Smith`: a label padded to one column, and the value shown safely.
    private func rows(_ rows: [(String, String)]) -> [String] {
        rows.map { VisibleText.padded($0.0, to: 12) + style.shown($0.1) }
    }

    private func caseLine(_ record: World.CaseRecord) -> String {
        "Case \(record.number): \(style.shown(record.title))"
    }
}
