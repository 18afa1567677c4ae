/// The script directives' entries: parsed and carried out by the script layer (``ScriptDirective``,
/// ``ScriptRunner``), listed in the table so that `help` and completion know them.
///
/// To add a directive: a case of ``ScriptDirective``, an entry here made with `CommandSpec(directive:)`
/// and listed in ``CommandTable/directives``, and what it does in `ScriptRunner.carryOut(_:typed:emit:)`.
extension CommandTable {
    /// Every script directive, in the order `help` lists them.
    public static let directives: [CommandSpec] = [echo, pause, expect, expectNot, expectError, at]

    static let echo = CommandSpec(
        directive: "echo", usage: ["echo \"<text>\""], summary: "In scripts: narrate, printing the text as it is",
        details: "Narration for demos: the text is printed between the commands' output and kept in transcripts.",
        arguments: [.value(.text)]
    ) { arguments throws(CommandError) in
        .echo(try arguments.rest())
    }

    static let pause = CommandSpec(
        directive: "pause", usage: ["pause [<seconds>]"],
        summary: "In scripts: during live playback (run --pace), wait a while, or for Enter",
        details:
            "Without seconds, 'run --pace' waits until Enter is pressed. Ordinary runs, --check and --record never wait.",
        arguments: [.value(.text)]
    ) { arguments throws(CommandError) in
        guard let token = arguments.next() else { return .pause(seconds: nil) }
        try arguments.finish()
        guard let seconds = ScriptDirective.pauseSeconds(token.text) else {
            throw CommandError(
                "pause takes seconds from 0 to \(ScriptDirective.longestPause), such as 2 or 1.5, not \"\(token.text)\""
            )
        }
        return .pause(seconds: seconds)
    }

    static let expect = CommandSpec(
        directive: "expect", usage: ["expect \"<text>\""],
        summary: "In scripts: check that the previous command's output contains the text",
        details: "The output is compared as plain text (no colour, ASCII, 80 columns), error lines included. "
            + "A failure is reported as file:line with the closest line; 'run --check' counts passes and failures.",
        arguments: [.value(.text)]
    ) { arguments throws(CommandError) in
        .expect(try expectedText(&arguments), present: true)
    }

    static let expectNot = CommandSpec(
        directive: "expect-not", usage: ["expect-not \"<text>\""],
        summary: "In scripts: check that the previous command's output does not contain the text",
        arguments: [.value(.text)]
    ) { arguments throws(CommandError) in
        .expect(try expectedText(&arguments), present: false)
    }

    static let expectError = CommandSpec(
        directive: "expect-error", usage: ["expect-error \"<text>\""],
        summary: "In scripts: check that the previous command failed with an error containing the text",
        details: "In scripts a failing command is a failure (counted by 'run --check'; --strict stops there) "
            + "unless the line right after it is an expect-error its error matches: the way to show an error on purpose.",
        arguments: [.value(.text)]
    ) { arguments throws(CommandError) in
        .expectError(try expectedText(&arguments))
    }

    static let at = CommandSpec(
        directive: "at", usage: ["at <time> <command>"],
        summary: "In scripts: schedule a customer's incoming, message, sentiment or leave at a time",
        details: "The time counts from the start of the shift (0s, 90s, 1m30s, 2h); the script moves the clock with "
            + "'clock advance', which carries the line out when it falls due. Customers are named by title, "
            + "not position: 'at 1m30s message \"Kenny Smith\" \"Still there?\"'. A customer who never arrives "
            + "(not a contact, no conversation, no earlier 'at … incoming') is refused at once. A 'sentiment' "
            + "while the request waits is the session's from its start; a line that still cannot be carried out "
            + "when it falls due is skipped with a line that counts as a failure (run --check; --quiet prints it). "
            + "Generated traffic never brings a customer the 'at' lines name.",
        arguments: [.value(.duration), .value(.text)]
    ) { arguments throws(CommandError) in
        let time = try arguments.required()
        guard let seconds = SimulatedDuration.parseTime(time.text) else {
            throw arguments.usageError(
                "'at' takes a time from the start of the shift such as 0s, 90s or 1m30s, not \"\(time.text)\"")
        }
        let words = arguments.remainingWords()
        guard !words.isEmpty else { throw arguments.usageError() }
        return .at(seconds: seconds, line: TokenizedLine.joining(words))
    }

    private static func expectedText(_ arguments: inout Arguments) throws(CommandError) -> String {
        let text = try arguments.rest()
        guard !text.isEmpty else { throw arguments.usageError() }
        return text
    }
}
