import Testing

@testable import SessionPanel

/// The command table says whose each command is (``CommandGroup``): `help`, the manual page and the
/// README's table list agent commands apart from the trainer's (the customer side and the shift).
@Suite struct CommandGroupTests {
    @Test func everyCommandIsInItsGroup() {
        let names = { (group: CommandGroup) in CommandTable.all.filter { $0.group == group }.map(\.name) }
        #expect(
            names(.trainer) == ["incoming", "message", "sentiment", "leave", "config", "clock", "traffic", "report"])
        #expect(names(.program) == ["help", "clear", "quit"])
        #expect(names(.script) == CommandTable.directives.map(\.name))
        #expect(names(.agent).contains("accept") && !names(.agent).contains("incoming"))
        #expect(CommandTable.grouped.map(\.group) == CommandGroup.allCases)
    }

    @Test func helpListsEachGroupUnderItsHeading() {
        let lines = HelpText.lines(for: nil).dropFirst()
        var listed: [(String, [String])] = []
        for line in lines {
            if line.hasPrefix("  ") {
                listed[listed.count - 1].1.append(String(line.split(separator: " ")[0]))
            } else {
                listed.append((String(line.dropLast()), []))
            }
        }
        #expect(listed.map(\.0) == CommandGroup.allCases.map(\.heading))
        #expect(listed.map(\.1) == CommandTable.grouped.map { $0.specs.map(\.name) })
    }
}
