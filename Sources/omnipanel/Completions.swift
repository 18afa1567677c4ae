import ArgumentParser

/// A shell that `omnipanel completions` writes a script for.
enum ShellName: String, ExpressibleByArgument, CaseIterable {
    case bash, zsh, fish

    var completionShell: CompletionShell {
        switch self {
        case .bash: .bash
        case .zsh: .zsh
        case .fish: .fish
        }
    }
}

/// `omnipanel completions <bash|zsh|fish>`: prints the completion script, the same text as the
/// files in `completions/`, generated from the argument definitions so it can never miss an option.
struct Completions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the completion script for bash, zsh or fish.",
        discussion: """
            bash: save it as ~/.local/share/bash-completion/completions/omnipanel
            zsh:  save it as _omnipanel in a folder listed in fpath before compinit runs
            fish: save it as ~/.config/fish/completions/omnipanel.fish
            """
    )

    @Argument(help: ArgumentHelp("The shell: bash, zsh or fish.", valueName: "shell"))
    var shell: ShellName

    func run() {
        Output.print([Omnipanel.completionScript(for: shell.completionShell)])
        Output.flush()
    }
}
