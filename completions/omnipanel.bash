#!/bin/bash
# bash completion for omnipanel, printed by `omnipanel completions bash`.
# Every candidate comes from `omnipanel __complete bash WORDS...`: a first line
# `candidates` followed by one per line, or `files EXTENSION`.

_omnipanel() {
    local -a reply
    mapfile -t reply < <("${COMP_WORDS[0]}" __complete bash "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
    case "${reply[0]}" in
    files\ *)
        mapfile -t COMPREPLY < <(compgen -o plusdirs -f -X "!*.${reply[0]#files }" -- "${2}")
        ;;
    candidates)
        COMPREPLY=("${reply[@]:1}")
        ;;
    esac
}

complete -o filenames -F _omnipanel omnipanel
