extension CommandTable {
    static let presence = CommandSpec(
        "presence", usage: ["presence [available|busy|dnd|away|offline]"],
        summary: "Show or set your presence",
        details: "With auto-presence on, presence follows your workload as sessions start and close: "
            + "Available, Busy, or Do not disturb at capacity or with every session slot used.",
        arguments: [.value(.presence)]
    ) { arguments throws(CommandError) in
        guard let token = arguments.next() else { return .presence(nil) }
        try arguments.finish()
        let word = token.text.lowercased()
        guard let status = Presence(rawValue: word), Presence.selectable.contains(status) else {
            if word == Presence.inactive.rawValue { throw CommandError("Inactive is set by the system only") }
            throw CommandError("unknown presence \"\(token.text)\"; choose available, busy, dnd, away or offline")
        }
        return .presence(status)
    }

    static let config = CommandSpec(
        "config", group: .trainer, usage: ["config", "config <key> <value>"],
        summary: "List the settings, or change one",
        details: SettingKey.all.map { "\($0.name) \($0.valueSyntax): \($0.summary)" }.joined(separator: "\n"),
        arguments: [.value(.settingKey), .value(.settingValue)]
    ) { arguments throws(CommandError) in
        guard let key = arguments.next() else { return .configList }
        let value = try arguments.required()
        try arguments.finish()
        return .configSet(key: key.text, value: value.text)
    }

    static let clock = CommandSpec(
        "clock", group: .trainer,
        usage: ["clock", "clock advance <duration>", "clock pause|resume", "clock speed <factor>"],
        summary: "Show the simulated clock, or move it on (notifications time out, waiting conversations expire)",
        details: "Durations: 90s, 2m, 1h30m, 28d. At the live prompt the clock follows the wall clock: "
            + "'clock pause' stops it (F9 too, keeping the line being typed), 'clock resume' starts it "
            + "again, 'clock speed 5' runs it 5 times as fast (0 to \(Int(LiveClock.maximumSpeed))). "
            + "It also stops while omnipanel is suspended (Ctrl-Z). In scripts the clock moves only by 'clock advance'.",
        arguments: [
            .keyword([
                Keyword("advance", "move the clock on", then: [.value(.duration)]),
                Keyword("pause", "stop the live clock"),
                Keyword("resume", "start the live clock again"),
                Keyword("speed", "simulated seconds per wall-clock second", then: [.value(.text)]),
            ])
        ]
    ) { arguments throws(CommandError) in
        guard !arguments.isEmpty else { return .clockShow }
        switch try arguments.keyword() {
        case "advance":
            let token = try arguments.required()
            try arguments.finish()
            guard let seconds = SimulatedDuration.parse(token.text) else {
                throw CommandError("\"\(token.text)\" is not a duration such as 90s, 2m, 1h30m or 28d")
            }
            return .clockAdvance(seconds: seconds)
        case "pause":
            try arguments.finish()
            return .clockLive(.pause)
        case "resume":
            try arguments.finish()
            return .clockLive(.resume)
        case "speed":
            let token = try arguments.required()
            try arguments.finish()
            guard let factor = Double(token.text), factor.isFinite, (0...LiveClock.maximumSpeed).contains(factor)
            else {
                throw CommandError(
                    "clock speed takes a factor from 0 to \(Int(LiveClock.maximumSpeed)), such as 5 or 0.5, "
                        + "not \"\(token.text)\"")
            }
            return .clockLive(.speed(factor))
        default: throw arguments.usageError()
        }
    }
}
