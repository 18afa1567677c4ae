# omnipanel's completion for fish, as 'omnipanel completions fish' prints it: each
# Tab asks omnipanel for the candidates ('omnipanel __complete fish <index> <words>...').

function __omnipanel_complete
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
                for path in (string match -e -- '*/' $typed; or printf '\n')*.$extension
                    printf '%s\n' $path
                end
            end
            __fish_complete_directories $typed ''
        case words
            printf '%s\n' $reply[2..]
    end
end

complete -c omnipanel -f -k -a '(__omnipanel_complete)'
