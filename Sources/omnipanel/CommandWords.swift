import ArgumentParser

/// `omnipanel --state class.json open case 42`: the words after the options are one shell command.
///
/// They are split off before argument-parser sees the command line, which keeps them out of its
/// option parsing (`close 1 --yes`) and out of the generated completion scripts, where a
/// positional argument of the root command would hide its subcommands.
enum CommandWords {
    /// The options and the command's words, or `nil` when there is no command: no words at all, or
    /// a subcommand (`run`, `completions`, `help`) where the words would begin. The words begin at
    /// the first argument that is neither an option nor an option's value: the first one not
    /// starting with `-` whose preceding arguments parse as options on their own.
    static func split(_ arguments: [String]) -> (options: [String], words: [String])? {
        for (index, argument) in arguments.enumerated() where !argument.hasPrefix("-") {
            let options = Array(arguments[..<index])
            guard (try? Omnipanel.parse(options)) != nil else { continue }
            if isSubcommand(argument) { return nil }
            return (options, Array(arguments[index...]))
        }
        return nil
    }

    private static func isSubcommand(_ word: String) -> Bool {
        word == "help" || Omnipanel.configuration.subcommands.contains { $0._commandName == word }
    }
}
