import SessionPanel

/// The words bash's completion script inserts, quoted so that bash reads back exactly the candidate
/// and runs nothing in it (a contact named ``Kim`pwn` `` or `Lee$(pwn)`).
///
/// readline's own quoting (`complete -o filenames`) cannot be trusted with them: it leaves `$` and
/// `` ` `` bare in a word that is not the name of a file, taking them for a variable the user typed.
/// The script turns it off (`compopt +o filenames`) for the candidates quoted here.
enum BashQuoting {
    /// `candidates` (whole words, each beginning with what `typed` means) as readline should put them
    /// in place of the word under the cursor, `typed` as the user wrote it (quotes included).
    ///
    /// After an opening quote, readline replaces only what follows the quote, and drops the quote when
    /// the replacement begins with it: each candidate comes back in that quote, closed. Otherwise every
    /// candidate is in single quotes when any needs quoting, so that the part they share (which readline
    /// inserts when there are several) is quoted alike.
    static func replacements(_ candidates: [String], typed: String) -> [String] {
        let opening = openQuote(in: typed)
        guard let opening else {
            guard candidates.contains(where: { $0.contains { !isPlain($0) } }) else { return candidates }
            return candidates.map(singleQuoted)
        }
        return candidates.map { candidate in
            let rest =
                candidate.hasPrefix(opening.before) ? String(candidate.dropFirst(opening.before.count)) : candidate
            return opening.quote == "'" ? singleQuoted(rest) : doubleQuoted(rest)
        }
    }

    /// The quote left open in `typed` and the text bash reads before it (`ab'c` → `'`, `ab`), or nil.
    private static func openQuote(in typed: String) -> (quote: Character, before: String)? {
        var text = ""
        var quote: Character?
        var before = ""
        var escaping = false
        for character in typed {
            if escaping {
                if quote == nil || "$`\"\\\n".contains(character) { text.removeLast() }
                text.append(character)
                escaping = false
            } else if character == "\\" && quote != "'" {
                text.append(character)
                escaping = true
            } else if quote == nil && (character == "'" || character == "\"") {
                quote = character
                before = text
            } else if character == quote {
                quote = nil
            } else {
                text.append(character)
            }
        }
        return quote.map { ($0, before) }
    }

    /// Whether `character` means itself to bash anywhere in a word, and does not split the word as
    /// bash's completion sees it (`COMP_WORDBREAKS` holds `=`, `:` and `@`).
    private static func isPlain(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "-_./,+%".contains(character)
    }

    /// `text` in single quotes: a `'` as `'\''`, a character the terminal must not see raw as `$'\uXXXX'`.
    private static func singleQuoted(_ text: String) -> String {
        "'" + quoted(text, { $0 == "'" ? #"'\''"# : nil }, leaving: "'") + "'"
    }

    /// `text` in double quotes: `\`, `"`, `$` and `` ` `` after a backslash; `!` (history expansion
    /// in an interactive bash, which a backslash does not stop inside double quotes) in single quotes.
    private static func doubleQuoted(_ text: String) -> String {
        let special = { (character: Character) -> String? in
            switch character {
            case "\\", "\"", "$", "`": "\\" + String(character)
            case "!": #""'!'""#
            default: nil
            }
        }
        return "\"" + quoted(text, special, leaving: "\"") + "\""
    }

    /// `text` with each character `special` rewrites rewritten, and each one the terminal must not see
    /// raw (a control or bidirectional character) as ANSI-C text (`$'\u000A'`) between the closing
    /// `quote` and the reopened one.
    private static func quoted(_ text: String, _ special: (Character) -> String?, leaving quote: Character) -> String {
        var result = ""
        for character in text {
            if let rewritten = special(character) {
                result += rewritten
            } else if character.unicodeScalars.contains(where: { $0 != "\\" && VisibleText.needsEscape($0) }) {
                let codes = character.unicodeScalars.map { scalar in
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    return scalar.value > 0xFFFF
                        ? "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                        : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                result += "\(quote)$'\(codes.joined())'\(quote)"
            } else {
                result.append(character)
            }
        }
        return result
    }
}
