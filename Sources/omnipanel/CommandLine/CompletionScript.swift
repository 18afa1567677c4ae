import ArgumentParser

/// The completion scripts, as `omnipanel completions SHELL` prints them and `completions/` holds
/// them: whole, and small, because every Tab asks the binary (`omnipanel __complete SHELL INDEX
/// WORDS…`, answered by ``ShellCompletion``), which knows the subcommands, the options and their
/// values from argument-parser, and the words of `do` and `-c` from the panel's command table. A
/// script only shows the candidates, or lists files when the reply asks for them.
///
/// bash's candidates come quoted (``BashQuoting``: readline's own quoting leaves `$` and backquotes
/// bare); zsh and fish quote what they insert themselves.
enum CompletionScript {
    /// The script for `shell`.
    static func text(for shell: CompletionShell) -> String {
        let program = Omnipanel.configuration.commandName ?? "omnipanel"
        let header = """
            # \(program)'s completion for \(shell.rawValue), as '\(program) completions \(shell.rawValue)' prints it: each
            # Tab asks \(program) for the candidates ('\(program) __complete \(shell.rawValue) <index> <words>...').
            """
        switch shell {
        case .zsh: return "#compdef \(program)\n" + header + zsh(program)
        case .fish: return header + fish(program)
        default: return "#!/bin/bash\n" + header + bash(program)
        }
    }

    private static func bash(_ program: String) -> String {
        """


        _\(program)() {
            local -a reply
            mapfile -t reply < <("${COMP_WORDS[0]}" __complete bash "${COMP_CWORD}" "${COMP_WORDS[@]}" 2>/dev/null)
            COMPREPLY=()
            case "${reply[0]}" in
            files*)
                # The files with these extensions (any file without one) and the folders, quoted by readline.
                local -a extensions=(${reply[0]#files})
                local IFS=$'\\n' extension
                compopt -o filenames 2>/dev/null
                if (( ${#extensions[@]} )); then
                    COMPREPLY=($(compgen -d -- "${2}"))
                    for extension in "${extensions[@]}"; do
                        COMPREPLY+=($(compgen -f -X "!*.${extension}" -- "${2}"))
                    done
                else
                    COMPREPLY=($(compgen -f -- "${2}"))
                fi
                ;;
            words)
                # Quoted already: readline's quoting would leave `$` and backquotes bare.
                compopt +o filenames 2>/dev/null
                COMPREPLY=("${reply[@]:1}")
                ;;
            esac
        }

        complete -o filenames -F _\(program) \(program)
        """
    }

    private static func zsh(_ program: String) -> String {
        """


        _\(program)() {
            local -a reply candidates extensions
            reply=("${(@f)$("${words[1]}" __complete zsh "$((CURRENT - 1))" "${words[@]}" 2>/dev/null)}")
            case "${reply[1]}" in
            files*)
                extensions=(${=reply[1]#files})
                [[ "${PREFIX}" = --*=* ]] && compset -P '*='
                if (( ${#extensions} )); then
                    _files -g "${(j: :)${(@)extensions/#/*.}}"
                else
                    _files
                fi
                ;;
            words)
                candidates=("${(@)reply[2,-1]}")
                _describe -V \(program) candidates
                ;;
            esac
        }

        # Loaded by compinit on the first Tab, the file defines the function and runs it; later Tabs
        # run the function.
        if [[ "${funcstack[1]}" = _\(program) ]]; then
            _\(program) "${@}"
        else
            compdef _\(program) \(program)
        fi
        """
    }

    private static func fish(_ program: String) -> String {
        """


        function __\(program)_complete
            set -l tokens (commandline -opc) (commandline -ct)
            set -l reply (command $tokens[1] __complete fish (math (count $tokens) - 1) $tokens 2>/dev/null)
            switch "$reply[1]"
                case 'files*'
                    # The files with these extensions (any file without one) and the folders.
                    set -l extensions (string split -n ' ' -- (string replace -r '^files' '' -- $reply[1]))
                    set -l typed (commandline -ct)
                    if test (count $extensions) -eq 0
                        __fish_complete_path $typed
                        return
                    end
                    for extension in $extensions
                        for path in (string match -e -- '*/' $typed; or printf '\\n')*.$extension
                            printf '%s\\n' $path
                        end
                    end
                    __fish_complete_directories $typed ''
                case words
                    printf '%s\\n' $reply[2..]
            end
        end

        complete -c \(program) -f -k -a '(__\(program)_complete)'
        """
    }
}
