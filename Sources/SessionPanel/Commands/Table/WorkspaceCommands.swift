extension CommandTable {
    static let type = CommandSpec(
        "type", usage: ["type <field> \"<text>\""],
        summary: "Type into a form field of the focused session (unsaved; kept when you switch away)",
        arguments: [.value(.field), .value(.text)]
    ) { arguments throws(CommandError) in
        let field = try arguments.required()
        guard isFieldName(field.text) else {
            throw CommandError("a field name is letters, digits, - and _, not \"\(field.text)\"")
        }
        return .type(field: field.text, text: try arguments.rest())
    }

    /// Letters, digits, `-` and `_`, at least one (checked byte by byte when the name is ASCII).
    private static func isFieldName(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.allSatisfy { byte in
                let letter = byte | 0x20
                return (0x61...0x7A).contains(letter) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F
            }
        }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    static let form = CommandSpec(
        "form", usage: ["form"], summary: "Show the focused session's unsaved form"
    ) { arguments throws(CommandError) in
        try arguments.finish()
        return .form
    }

    static let tab = CommandSpec(
        "tab",
        usage: ["tab open kb", "tab open record <id>", "tab open app \"<name>\"", "tab close [<n>]", "tab focus <n>"],
        summary: "Open, close or focus app tabs in the focused session",
        details: "The anchor tab (Customer summary of a conversation, the record itself in a record session) cannot "
            + "be closed; closing a tab focuses the tab on its left. KB Search opens by itself for chat and SMS. "
            + "A session has at most 10 tabs ('config max-tabs').",
        arguments: [
            .keyword([
                Keyword(
                    "open", "open an app tab",
                    then: [
                        .keyword([
                            Keyword("kb", "KB Search"),
                            Keyword("record", "a record by id", then: [.value(.text)]),
                            Keyword("app", "an app by name", then: [.value(.text)]),
                        ])
                    ]),
                Keyword("close", "close a tab (default: the focused one)", then: [.value(.closableTabNumber)]),
                Keyword("focus", "focus a tab", then: [.value(.tabNumber)]),
            ])
        ]
    ) { arguments throws(CommandError) in
        switch try arguments.keyword() {
        case "open":
            switch try arguments.keyword() {
            case "kb":
                try arguments.finish()
                return .tabOpen(.knowledgeSearch)
            case "record": return .tabOpen(.record(try arguments.rest()))
            case "app": return .tabOpen(.app(try arguments.rest()))
            default: throw arguments.usageError()
            }
        case "close":
            guard let token = arguments.next() else { return .tabClose(nil) }
            try arguments.finish()
            return .tabClose(try arguments.number(token, "tab number"))
        case "focus":
            let number = try arguments.number(try arguments.required(), "tab number")
            try arguments.finish()
            return .tabFocus(number)
        default: throw arguments.usageError()
        }
    }

    static let tabs = CommandSpec(
        "tabs", usage: ["tabs"], summary: "List the focused session's app tabs"
    ) { arguments throws(CommandError) in
        try arguments.finish()
        return .tabs
    }
}
