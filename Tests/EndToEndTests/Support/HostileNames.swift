import Foundation
import Testing

/// Contact names that run a command, end a command, split into words or expand when a shell reads
/// them bare, for the shell-completion tests: each starts with its own letter, so one letter and Tab
/// complete it, and each command it hides creates ``marker`` in the folder the shell runs in.
enum HostileNames {
    /// The file a name's hidden command creates if a shell runs it.
    static let marker = "PWNED"

    /// The names, as the world file spells them.
    static let all = [
        "Kim`touch PWNED`", "Lee$(touch PWNED)", "Max; touch PWNED", "Ned | touch PWNED", "Oz && touch PWNED",
        #"Pat "O'Neil""#, #"Quin\Back\"#, "Rae\ntouch PWNED", "Sam*?[ab]{c,d}~", "Tia 'a b'", "-rf *",
    ]

    /// The word a completion gives for `name`: cut before a character that cannot be typed (the newline).
    static func completed(_ name: String) -> String { String(name.prefix { $0 != "\n" }) }

    /// `name` as the program shows it: a backslash doubled.
    static func shown(_ name: String) -> String { name.replacing("\\", with: #"\\"#) }

    /// The panel command that opens `name`'s contact (the name in double quotes).
    static func open(_ name: String) -> String {
        #"open contact ""# + name.replacing("\\", with: #"\\"#).replacing("\"", with: #"\""#) + "\""
    }

    /// Writes the world file `file` (default `evil.json`) into `folder`, with `names` (default all) as its contacts.
    static func writeWorld(into folder: URL, file: String = "evil.json", names: [String] = all) throws {
        let contacts = names.map { ["name": $0] }
        let world: [String: Any] = ["contacts": contacts, "accounts": [], "cases": [], "workItems": []]
        try JSONSerialization.data(withJSONObject: world).write(to: folder.appendingPathComponent(file))
    }

    /// Whether a name's hidden command ran in `folder`.
    static func ranIn(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(marker).path)
    }
}

extension HostileNames {
    /// Completes each hostile name in every place a shell completes one, at the `prompt` of an
    /// interactive shell in `terminal` (running in `workspace`, `PATH` finding the built binary, the
    /// completion script loaded), runs each completed line, and checks that the program got the name
    /// and the shell ran nothing. Every Tab is in this one shell, `omnipanel do sw<Tab>` first and
    /// last, with options, subcommands and files between the names.
    /// A name with a leading `-` is completed from an empty word, when that gives the names alone
    /// (fish's script adds the subcommands to them).
    static func checkCompletion(
        in terminal: TerminalSession, prompt: String, workspace: CompletionWorkspace,
        emptyWordCompletesAlone: Bool = true
    ) throws {
        try writeWorld(into: workspace.url)
        let titled = ["Lee$(touch PWNED)", #"Quin\Back\"#]
        try workspace.saveSessions(titled.map(open), world: "evil.json")
        try terminal.completeWord("omnipanel do sw", prompt: prompt, expecting: [])
        try terminal.completeWord("omnipanel --wor", prompt: prompt, expecting: [])
        try terminal.completeWord("omnipanel --world w.json ru", prompt: prompt, expecting: [])
        try terminal.completeWord("omnipanel run de", prompt: prompt, expecting: [])
        for name in all where name.first != "-" {
            let typed = "omnipanel --world evil.json do open contact \(name.prefix(1))"
            let started = "Started session 1: \(shown(completed(name)))."
            try terminal.completeWord(typed, prompt: prompt, expecting: name.contains("\n") ? [] : [started])
        }
        for (quote, letter) in [("'", "L"), ("\"", "K"), ("\"", "P"), ("'", "T")] {
            let name = all.first { $0.hasPrefix(letter) }!
            try terminal.completeWord(
                "omnipanel --world evil.json do open contact \(quote)\(letter)", prompt: prompt,
                expecting: ["Started session 1: \(shown(name))."])
        }
        for name in titled {
            try terminal.completeWord(
                "omnipanel --state s.db do switch \(name.prefix(1))", prompt: prompt, expecting: ["▶", shown(name)])
        }
        for typed in [#"-c 'open contact K"#, #"-c open\ contact\ L"#, #"-c "open contact Q"#] {
            let name = all.first { $0.hasPrefix(String(typed.last!)) }!
            try terminal.completeWord(
                "omnipanel --world evil.json \(typed)", prompt: prompt,
                expecting: ["Started session 1: \(shown(name))."])
        }
        // A leading `-` (and a pattern): the only contact of its world, completed from nothing. The panel
        // takes the word for an option, which shows that it arrived whole, unexpanded.
        if emptyWordCompletesAlone {
            try writeWorld(into: workspace.url, file: "dash.json", names: ["-rf *"])
            try terminal.completeWord(
                "omnipanel --world dash.json do open contact ", prompt: prompt, expecting: ["has no option -rf *;"])
        }
        try terminal.completeWord("omnipanel --color al", prompt: prompt, expecting: [])
        try terminal.completeWord("omnipanel do sw", prompt: prompt, expecting: [])
        #expect(!ranIn(workspace.url), "a shell ran a command hidden in a name")
    }
}

extension TerminalSession {
    /// Types `line` at `prompt`, presses Tab and waits for the word completed (the line longer, a space
    /// after it). With `texts`, then presses Enter and waits for a row holding each of those texts
    /// and the prompt back, and clears the screen; without, clears the line.
    func completeWord(
        _ line: String, prompt: String, expecting texts: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let completed = try complete(line, expecting: "`\(line)` completed", sourceLocation: sourceLocation) {
            $0.beforeCursor.count > prompt.count + line.count && $0.beforeCursor.hasSuffix(" ")
        }
        guard completed != nil else { return try press("C-u") }
        guard !texts.isEmpty else { return try press("C-u") }
        try press("Enter")
        try wait(for: "\(texts) after running `\(line)`", sourceLocation: sourceLocation) { screen in
            screen.beforeCursor == prompt && screen.rows.contains { row in texts.allSatisfy(row.contains) }
        }
        try type("clear")
        try press("Enter")
        try wait(for: "a clear screen", sourceLocation: sourceLocation) {
            $0.text.trimmingCharacters(in: .whitespacesAndNewlines) == prompt.trimmingCharacters(in: .whitespaces)
        }
    }
}
