import ArgumentParser

/// `omnipanel completions SHELL`: prints the completion script, as `--generate-completion-script` does.
struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions", abstract: "Print the completion script for bash, zsh or fish.",
        discussion: """
            The same script as 'omnipanel --generate-completion-script <shell>'. To install it:
              bash: save it as ~/.local/share/bash-completion/completions/omnipanel
              zsh:  save it as _omnipanel in a folder listed in fpath before compinit runs
              fish: save it as ~/.config/fish/completions/omnipanel.fish
            """)

    @ParentCommand var root: Omnipanel

    @Argument(help: ArgumentHelp("The shell.", valueName: "shell"))
    var shell: CompletionShell

    func validate() throws {
        if let stray = (root.panel.given + root.start.given).first {
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
