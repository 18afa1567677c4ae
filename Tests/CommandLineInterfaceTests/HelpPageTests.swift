import CommandLineInterface
import Testing

@Suite struct HelpPageTests {
    @Test(arguments: [CommandLineTable.root] + CommandLineTable.subcommands)
    func everyOptionOfTheTableIsListedWithinEightyColumns(command: CommandLineCommand) {
        let lines = HelpPage.lines(for: command)
        let text = lines.joined(separator: "\n")
        for option in command.options {
            #expect(option.spellings.allSatisfy(text.contains), "\(option.name)")
            #expect(text.contains(String(option.help.prefix(30))), "\(option.name)")
            for choice in option.value.choices { #expect(text.contains(choice)) }
        }
        #expect(lines[0].hasPrefix(command.fullName + " — "))
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
    }

    @Test func theRootHelpListsTheSubcommandsAndTheExitStatuses() {
        let text = HelpPage.lines(for: CommandLineTable.root).joined(separator: "\n")
        #expect(text.contains("\n  run ") && text.contains("\n  completions "))
        #expect(text.contains("5 it is in use by another omnipanel"))
        #expect(!text.contains("--check"))
    }
}
