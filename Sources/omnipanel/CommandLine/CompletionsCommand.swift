import ArgumentParser

/// `omnipanel completions SHELL`: prints the completion script (``CompletionScript``).
struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions", abstract: "Print the completion script for bash, zsh or fish.",
        discussion: """
            Each Tab asks omnipanel for the candidates: options, subcommands, their values and files, \
            and the words of 'do' and -c from the panel's command table. To install the script:
              bash: save it as ~/.local/share/bash-completion/completions/omnipanel
              zsh:  save it as _omnipanel in a folder listed in fpath before compinit runs
              fish: save it as ~/.config/fish/completions/omnipanel.fish
            """)

    @ParentCommand var root: Omnipanel

    @Argument(help: ArgumentHelp("The shell.", valueName: "shell"))
    var shell: CompletionShell

    func validate() throws {
        if let stray = root.options.firstGivenBesidesState ?? root.options.state.map({ _ in "--state" }) {
            throw ValidationError("\(stray) does not go with completions")
        }
    }

    func run() { Output.print([CompletionScript.text(for: shell)]) }
}

extension CompletionShell: @retroactive ExpressibleByArgument {}

/// `omnipanel __manual` (hidden): prints the manual page, `man/omnipanel.1`.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "__manual", abstract: "Print the manual page (mdoc).", shouldDisplay: false)

    func run() { Output.print(ManualPage.lines) }
}

/// `omnipanel __complete <shell> <index> <words>…` (hidden): what the completion scripts ask at each
/// Tab, for the word at `index` of `words` (the program's name first, as the shell wrote them).
struct CompleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "__complete", abstract: "The candidates for one word of a command line.", shouldDisplay: false)

    @Argument(help: ArgumentHelp("The shell asking.", valueName: "shell"))
    var shell: CompletionShell

    @Argument(help: ArgumentHelp("The place of the word to complete among the words.", valueName: "index"))
    var index: Int

    @Argument(
        parsing: .captureForPassthrough,
        help: ArgumentHelp("The command line's words, the program's name first.", valueName: "words"))
    var words: [String] = []

    func validate() throws {
        guard index >= 1, words.indices.contains(index) else {
            throw ValidationError("<index> is the place of a word after the program's name, not \(index)")
        }
    }

    func run() { Output.print(ShellCompletion(shell: shell, tool: ToolInfo.commandLine).reply(to: words, at: index)) }
}
