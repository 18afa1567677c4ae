function __omnipanel_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __omnipanel_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __omnipanel_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __omnipanel_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __omnipanel_parse_tokens -S
    set -l unparsed_tokens (__omnipanel_tokens -pc)
    switch $unparsed_tokens[1]
    case 'omnipanel'
        __omnipanel_parse_subcommand 0 'world=+' 'color=' 'width=' 'strict' 'echo' 'state=+' 'format=' 'quiet' 'c=' 'traffic=' 'seed=' 'scenario=' 'speed=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'run'
            __omnipanel_parse_subcommand 1 'world=+' 'color=' 'width=' 'strict' 'echo' 'state=+' 'format=' 'quiet' 'check' 'record' 'pace=' 'report' 'cast=' 'version' 'h/help'
        case 'completions'
            __omnipanel_parse_subcommand 1 'version' 'h/help'
        case 'export'
            __omnipanel_parse_subcommand 0 'state=+' 'version' 'h/help'
        case 'import'
            __omnipanel_parse_subcommand 1 'state=+' 'version' 'h/help'
        case 'help'
            __omnipanel_parse_subcommand -r 1 'version'
        end
    end
end

function __omnipanel_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __omnipanel_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __omnipanel_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __omnipanel_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__omnipanel_tokens -p)
    if test -z "$(__omnipanel_tokens -t)"
        set -l index (count (__omnipanel_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'omnipanel' -f
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel"' -l 'world' -d 'Load the world from a JSON file, or from CSV files of one table each (repeat the option).' -rfa '(set -l exts \'json\' \'csv\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel" color' -l 'color' -d 'Colour and box drawing; auto (the default) uses them when standard output is a terminal and NO_COLOR is unset.' -rfka 'auto always never'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel" width' -l 'width' -d 'Columns to draw in (default: the terminal\'s width, or 80).' -rfka ''
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel" strict' -l 'strict' -d 'In scripts, stop at the first command that fails.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel" echo' -l 'echo' -d 'In scripts, print each command before its output, as the prompt would show it.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel"' -l 'state' -d 'Keep the whole panel in this SQLite file: load it when it exists, save each change (README: saved state).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'db\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel" format' -l 'format' -d 'Output: text (the default), or json: one JSON object a line, of the schema docs/output.schema.json.' -rfka 'text json'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel" quiet' -l 'quiet' -d 'Print only errors and what was asked for (show, hover, history, dashboard, help, …), not the panel after every change.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel" c' -s 'c' -d 'Run these commands, separated by \';\', and exit.' -rfka '(__omnipanel_custom_completion ---completion -- -c (count (__omnipanel_tokens -pc)) (__omnipanel_tokens -tC))'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel" traffic' -l 'traffic' -d 'Start the prompt with generated customer traffic, as typing \'traffic <profile>\' first would.' -rfka 'off light steady rush'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel" seed' -l 'seed' -d 'The traffic\'s seed: the same seed gives the same customers at the same times.' -rfka ''
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel" scenario' -l 'scenario' -d 'Start the prompt with a scenario: its \'at\' lines are the shift\'s timeline, its other lines run first.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'omni\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel" speed' -l 'speed' -d 'How fast the shift\'s clock runs at the prompt: 1 follows the wall clock (the default), 10 ten times as fast, 0 stops it.' -rfka ''
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel" version' -l 'version' -d 'Show the version.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_positional "omnipanel" -eq 1' -fa 'run' -d 'Run a script of panel commands, one per line.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_positional "omnipanel" -eq 1' -fa 'completions' -d 'Print the completion script for bash, zsh or fish.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_positional "omnipanel" -eq 1' -fa 'export' -d 'Write the state file\'s state as JSON (the version-1 format) to standard output.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_positional "omnipanel" -eq 1' -fa 'import' -d 'Replace the state file\'s state with one read from JSON (as export writes it).'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_positional "omnipanel" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run"' -l 'world' -d 'Load the world from a JSON file, or from CSV files of one table each (repeat the option).' -rfa '(set -l exts \'json\' \'csv\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run" color' -l 'color' -d 'Colour and box drawing; auto (the default) uses them when standard output is a terminal and NO_COLOR is unset.' -rfka 'auto always never'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run" width' -l 'width' -d 'Columns to draw in (default: the terminal\'s width, or 80).' -rfka ''
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run" strict' -l 'strict' -d 'In scripts, stop at the first command that fails.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run" echo' -l 'echo' -d 'In scripts, print each command before its output, as the prompt would show it.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run"' -l 'state' -d 'Keep the whole panel in this SQLite file: load it when it exists, save each change (README: saved state).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'db\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run" format' -l 'format' -d 'Output: text (the default), or json: one JSON object a line, of the schema docs/output.schema.json.' -rfka 'text json'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run" quiet' -l 'quiet' -d 'Print only errors and what was asked for (show, hover, history, dashboard, help, …), not the panel after every change.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run" check' -l 'check' -d 'Check the script\'s expectations and compare with FILE.out when it exists; print \'N passed, M failed\'.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run" record' -l 'record' -d 'Write the script\'s transcript to FILE.out.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run" pace' -l 'pace' -d 'Play back live: type each command, then wait this long (0 to 60 seconds) after its output.' -rfka ''
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run" report' -l 'report' -d 'After the script, print the shift\'s report (as one JSON object with --format json).'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run" cast' -l 'cast' -d 'Write an asciinema recording of the playback, drawn as --pace draws it (with --pace, as it plays; otherwise at once, timed by --pace or 1 second, and with --record the transcript too).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'cast\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_positional "omnipanel run" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'omni\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run" version' -l 'version' -d 'Show the version.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel run" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_positional "omnipanel completions" -eq 1' -fka 'zsh bash fish'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel completions" version' -l 'version' -d 'Show the version.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel completions" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel export"' -l 'state' -d 'The SQLite state file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'db\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel export" version' -l 'version' -d 'Show the version.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel import"' -l 'state' -d 'The SQLite state file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'db\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_positional "omnipanel import" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel import" version' -l 'version' -d 'Show the version.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'omnipanel' -n '__omnipanel_should_offer_completions_for_flags_or_options "omnipanel help" version' -l 'version' -d 'Show the version.'

# One-shot command words (omnipanel [<options>] open case 4<Tab>), asked of the binary.
function __omnipanel_command_words
    set -l tokens (commandline -opc) (commandline -ct)
    SAP_SHELL=fish command $tokens[1] ---completion __prompt -- positional@0 (math (count $tokens) - 1) (string length -- (commandline -ct)) $tokens 2>/dev/null
end

complete -c 'omnipanel' -n '__omnipanel_command_words >/dev/null' -fka '(__omnipanel_command_words)'
