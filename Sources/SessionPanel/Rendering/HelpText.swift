/// Help drawn from the command table, so it can never disagree with the parser.
enum HelpText {
    /// The prompt's key bindings, for `help keys`.
    static let keys = [
        "Tab          complete the command, keyword, session, item, case or contact",
        "Alt-1…Alt-9  switch to the session at that position",
        "Alt-0        switch to Home",
        "Up / Down    recall earlier commands (history is saved between runs)",
        "F9           pause or resume the shift's clock (the line being typed stays)",
        "Ctrl-C       clear the line",
        "Ctrl-L       clear the screen (as 'clear')",
        "Ctrl-Z       suspend omnipanel; the shift's clock stops until it is resumed (fg)",
        "Ctrl-D       leave omnipanel (on an empty line; an unsaved shift asks first, Ctrl-D again leaves)",
    ]

    static func lines(for topic: String?) -> [String] {
        guard let topic else { return overview }
        if topic == "keys" { return keys }
        guard let spec = CommandTable.spec(for: topic) else { return [] }
        var lines = spec.usage.map { "usage: \($0)" }
        lines.append(spec.summary + ".")
        if !spec.details.isEmpty { lines += spec.details.split(separator: "\n").map(String.init) }
        for flag in spec.flags {
            lines.append("  \(flag.name)\(flag.shortName.map { ", \($0)" } ?? "")  \(flag.summary)")
        }
        if !spec.aliases.isEmpty { lines.append("Also: \(spec.aliases.joined(separator: ", "))") }
        return lines
    }

    private static var overview: [String] {
        let width = (CommandTable.all.map { $0.name.count }.max() ?? 0) + 2
        return ["Commands (help <command> for more, help keys for the prompt's keys):"]
            + CommandTable.grouped.flatMap { group, specs in
                [group.heading + ":"]
                    + specs.map { spec in
                        let also = spec.aliases.isEmpty ? "" : " (also " + spec.aliases.joined(separator: ", ") + ")"
                        return "  " + VisibleText.padded(spec.name, to: width) + spec.summary + also
                    }
            }
    }
}
