#!/bin/bash
# omnipanel's completion for bash, as 'omnipanel completions bash' prints it: each
# Tab asks omnipanel for the candidates ('omnipanel __complete bash <index> <words>...').

_omnipanel() {
    local -a reply
    mapfile -t reply < <("${COMP_WORDS[0]}" __complete bash "${COMP_CWORD}" "${COMP_WORDS[@]}" 2>/dev/null)
    COMPREPLY=()
    case "${reply[0]}" in
    files*)
        # The files with these extensions (any file without one) and the folders, quoted by readline.
        local -a extensions=(${reply[0]#files})
        local IFS=$'\n' extension
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

complete -o filenames -F _omnipanel omnipanel
