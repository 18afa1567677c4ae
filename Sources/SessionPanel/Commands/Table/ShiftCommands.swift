extension CommandTable {
    static let traffic = CommandSpec(
        "traffic", group: .trainer, usage: ["traffic [off|light|steady|rush] [--seed <n>]"],
        summary: "Start generated customers on the simulated clock, or stop them",
        details: "Requests arrive on every channel from the world's contacts and visitors, accepted customers write, "
            + "unanswered customers lose patience (sentiment drops a level per patience period) and unaccepted ones "
            + "leave. The same seed and the same commands at the same simulated times give the same shift. "
            + "A profile sets the traffic settings of 'config' (arrivals-chat, …, patience); without a profile, "
            + "shows what is running.\n"
            + TrafficProfile.allCases.map { "\($0.rawValue): \($0.summary)" }.joined(separator: "\n"),
        arguments: [.keyword(TrafficProfile.allCases.map { Keyword($0.rawValue, $0.summary) })],
        flags: [
            .init(
                name: "--seed", summary: "The generator's seed (default: keep the current one, 0 at first)",
                valueName: "n")
        ]
    ) { arguments throws(CommandError) in
        let seed = try arguments.flagValues["--seed"].map { token throws(CommandError) in try trafficSeed(token) }
        guard let word = arguments.next() else {
            guard seed == nil else { throw arguments.usageError() }
            return .traffic(nil, seed: nil)
        }
        try arguments.finish()
        guard !word.quoted, let profile = TrafficProfile(rawValue: word.text.lowercased()) else {
            throw CommandError(
                "unknown traffic profile \"\(word.text)\"; profiles: "
                    + TrafficProfile.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return .traffic(profile, seed: seed)
    }

    static let report = CommandSpec(
        "report", group: .trainer, usage: ["report [--format text|json] [--svg <file>]"],
        summary: "The shift's figures (offered, missed, speed to answer, …); --svg draws it",
        details: "--format json prints them as one JSON object of type report (docs/output.schema.json). "
            + "--svg FILE also draws the shift as a timeline picture: a lane per conversation, with its "
            + "notifications, accepts, messages and replies, and when alerts stood or messages waited unread.",
        flags: [
            .init(
                name: "--format", summary: "text (a table, the default) or json (one object)", valueName: "text|json"),
            .init(name: "--svg", summary: "Also write the timeline picture to this file", valueName: "file"),
        ]
    ) { arguments throws(CommandError) in
        try arguments.finish()
        var format = ReportFormat.text
        if let token = arguments.flagValues["--format"] {
            guard let chosen = ReportFormat(rawValue: token.text) else {
                throw CommandError("--format takes text or json, not \"\(token.text)\"")
            }
            format = chosen
        }
        let svg = arguments.flagValues["--svg"]?.text
        if svg?.isEmpty == true { throw CommandError("--svg needs a file name") }
        return .report(format, svg: svg)
    }

    private static func trafficSeed(_ token: Token) throws(CommandError) -> UInt64 {
        guard token.text.allSatisfy({ $0.isASCII && $0.isNumber }), let seed = UInt64(token.text),
            seed <= PanelState.largestSeed
        else {
            throw CommandError("--seed takes a whole number from 0 to \(PanelState.largestSeed), not \"\(token.text)\"")
        }
        return seed
    }
}
