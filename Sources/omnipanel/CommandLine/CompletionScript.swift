import ArgumentParser

/// The completion scripts, as `omnipanel completions SHELL` and `omnipanel --generate-completion-script
/// SHELL` print them and `completions/` holds them: argument-parser's generated script, which completes
/// the options, subcommands, their values and files, and calls the binary back for `-c`
/// (``CommandLineCompletion/commandList(_:_:_:)``), plus a few lines of ours for the one-shot command
/// words (`omnipanel open case 4<Tab>`).
///
/// Why ours: argument-parser's generators cannot complete a root command's positional words beside
/// its subcommands (zsh's `_arguments` refuses the two rest specs, "doubled rest argument
/// definition"; bash's function returns before offering subcommands), so the words belong to the
/// hidden default subcommand, which no generated script reaches. The lines added ask the binary
/// first, through argument-parser's own call-back (`---completion __prompt -- positional@0 …`,
/// answered by ``CommandLineCompletion/commandWord(_:_:_:)``), and leave the line to the generated
/// function when the word under the cursor is not a command word. bash's asks there for `-c`'s value
/// too, and takes the words quoted (``BashQuoting``); zsh's keeps the name the file is autoloaded by.
enum CompletionScript {
    /// The script for `shell`.
    static func text(for shell: CompletionShell) -> String {
        extending(Omnipanel.completionScript(for: shell))
    }

    /// argument-parser's script (for the shell it is written for) with the one-shot words added.
    static func extending(_ generated: String) -> String {
        let program = Omnipanel.configuration.commandName ?? "omnipanel"
        let call = "---completion \(PromptCommand.configuration.commandName ?? "") -- positional@0"
        if generated.hasPrefix("#compdef") {
            // The file is autoloaded as `_\(program)`: the function of that name must stay ours, or the
            // generated one, defined when the file loads, answers every Tab after the first.
            let generatedFunction = "_\(program)() {"
            return generated.replacing("\n\(generatedFunction)\n", with: "\n_\(generatedFunction)\n").replacing(
                "\nif [[ \"${funcstack[1]}\" = _\(program) ]]; then\n",
                with: """

                    # One-shot command words (omnipanel [<options>] open case 4<Tab>): asked of the binary
                    # first; any other word is left to argument-parser's function, renamed __\(program).
                    _\(program)() {
                        local -a reply candidates
                        reply=("${(@f)$(SAP_SHELL=zsh "${words[1]}" \(call) "$((CURRENT - 1))" "${#PREFIX}" "${words[@]}" 2>/dev/null)}")
                        candidates=("${(@)reply:#[[:space:]]#}")
                        if (( ${#candidates} )); then
                            _describe -V \(program) candidates
                        else
                            __\(program) "${@}"
                        fi
                    }

                    if [[ "${funcstack[1]}" = _\(program) ]]; then

                    """)
        }
        if generated.hasPrefix("#!/bin/bash") {
            return generated + """


                # One-shot command words (omnipanel [<options>] open case 4<Tab>): asked of the binary
                # first; any other word is left to the generated function.
                _\(program)_command_words() {
                    local -a candidates
                    mapfile -t candidates < <(SAP_SHELL=bash "${COMP_WORDS[0]}" \(call) "${COMP_CWORD}" "${#COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[@]}" 2>/dev/null)
                    if (( ${#candidates[@]} )); then
                        # Quoted already: readline's quoting would leave `$` and backquotes bare.
                        compopt +o filenames 2>/dev/null
                        COMPREPLY=("${candidates[@]}")
                        return
                    fi
                    # bash splits `--color=al` at the `=`: the generated function is shown the line
                    # without it (`--color al`), so that it completes the option's value.
                    local -a COMP_WORDS=("${COMP_WORDS[@]}")
                    local -i COMP_CWORD="${COMP_CWORD}"
                    if [[ "${COMP_WORDS[COMP_CWORD]}" = '=' ]]; then
                        COMP_WORDS[COMP_CWORD]=''
                    elif [[ "${COMP_WORDS[COMP_CWORD - 1]}" = '=' ]]; then
                        COMP_WORDS=("${COMP_WORDS[@]::COMP_CWORD - 1}" "${COMP_WORDS[@]:COMP_CWORD}")
                        COMP_CWORD=$((COMP_CWORD - 1))
                    fi
                    _\(program) "${1}" "${2}" "${COMP_WORDS[COMP_CWORD - 1]}"
                }

                complete -o filenames -F _\(program)_command_words \(program)
                """
        }
        return generated + """


            # One-shot command words (omnipanel [<options>] open case 4<Tab>), asked of the binary.
            function __\(program)_command_words
                set -l tokens (commandline -opc) (commandline -ct)
                SAP_SHELL=fish command $tokens[1] \(call) (math (count $tokens) - 1) (string length -- (commandline -ct)) $tokens 2>/dev/null
            end

            complete -c '\(program)' -n '__\(program)_command_words >/dev/null' -fka '(__\(program)_command_words)'
            """
    }
}
