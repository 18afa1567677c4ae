/// The completion scripts for bash, zsh and fish, as `omnipanel completions SHELL` prints them and
/// `completions/` holds them. Each is a thin shell function that passes the words on the command
/// line to `omnipanel __complete SHELL WORDS…` and shows what comes back (see ``CompletionReply``):
/// options, subcommands, values and commands all come from the binary, so the scripts never go stale.
public enum CompletionScript {
    /// The script for `shell`.
    public static func text(for shell: CompletionShell) -> String {
        let program = CommandLineTable.programName
        let complete = CommandLineTable.completeCommand
        switch shell {
        case .bash:
            return """
                #!/bin/bash
                # bash completion for \(program), printed by `\(program) completions bash`.
                # Every candidate comes from `\(program) \(complete) bash WORDS...`: a first line
                # `candidates` followed by one per line, or `files EXTENSION`.

                _\(program)() {
                    local -a reply
                    mapfile -t reply < <("${COMP_WORDS[0]}" \(complete) bash "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
                    case "${reply[0]}" in
                    files\\ *)
                        mapfile -t COMPREPLY < <(compgen -o plusdirs -f -X "!*.${reply[0]#files }" -- "${2}")
                        ;;
                    candidates)
                        COMPREPLY=("${reply[@]:1}")
                        ;;
                    esac
                }

                complete -o filenames -F _\(program) \(program)
                """
        case .zsh:
            return """
                #compdef \(program)
                # zsh completion for \(program), printed by `\(program) completions zsh`.
                # Every candidate comes from `\(program) \(complete) zsh WORDS...`: a first line
                # `candidates` followed by one `text:description` per line, or `files EXTENSION`.

                _\(program)() {
                    local -a reply candidates
                    reply=("${(@f)$("${words[1]}" \(complete) zsh "${(@)words[2,CURRENT]}" 2>/dev/null)}")
                    case "${reply[1]}" in
                    files\\ *)
                        _files -g "*.${reply[1]#files }"
                        ;;
                    candidates)
                        candidates=("${(@)reply[2,-1]}")
                        (( ${#candidates} )) && _describe -V \(program) candidates
                        ;;
                    esac
                }

                if [[ "${funcstack[1]}" = _\(program) ]]; then
                    _\(program) "${@}"
                else
                    compdef _\(program) \(program)
                fi
                """
        case .fish:
            return """
                # fish completion for \(program), printed by `\(program) completions fish`.
                # Every candidate comes from `\(program) \(complete) fish WORDS...`: a first line
                # `candidates` followed by one `text<TAB>description` per line, or `files EXTENSION`.

                function __\(program)_complete
                    set -l words (commandline -opc)
                    set -l current (commandline -ct)
                    set -l reply (command $words[1] \(complete) fish $words[2..] "$current" 2>/dev/null)
                    switch "$reply[1]"
                        case 'files *'
                            set -l extension (string replace 'files ' '' -- $reply[1])
                            set -l folder (string match -r -- '.*/' "$current"; or echo '')
                            for file in $folder*.$extension
                                printf '%s\\n' $file
                            end
                            __fish_complete_directories "$current" ''
                        case candidates
                            for candidate in $reply[2..]
                                printf '%s\\n' $candidate
                            end
                    end
                end

                complete -c \(program) -f -k -a '(__\(program)_complete)'
                """
        }
    }
}
