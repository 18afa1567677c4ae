# fish completion for omnipanel, printed by `omnipanel completions fish`.
# Every candidate comes from `omnipanel __complete fish WORDS...`: a first line
# `candidates` followed by one `text<TAB>description` per line, or `files EXTENSION`.

function __omnipanel_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l reply (command $words[1] __complete fish $words[2..] "$current" 2>/dev/null)
    switch "$reply[1]"
        case 'files *'
            set -l extension (string replace 'files ' '' -- $reply[1])
            set -l folder (string match -r -- '.*/' "$current"; or echo '')
            for file in $folder*.$extension
                printf '%s\n' $file
            end
            __fish_complete_directories "$current" ''
        case candidates
            for candidate in $reply[2..]
                printf '%s\n' $candidate
            end
    end
end

complete -c omnipanel -f -k -a '(__omnipanel_complete)'
