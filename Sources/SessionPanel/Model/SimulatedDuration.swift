/// Durations on the simulated clock, written like `90s`, `2m`, `1h30m` or `28d`.
public enum SimulatedDuration {
    private static let units: [(suffix: Character, seconds: Int)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]

    /// The longest duration accepted, so arithmetic on the clock can never overflow (about 27 years).
    public static let maximum = 1_000_000_000

    /// Parses `90`, `90s`, `2m`, `1h30m`, `28d`; `nil` for anything else, zero, or more than ``maximum``.
    public static func parse(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 32 else { return nil }
        if let seconds = Int(text) { return (1...maximum).contains(seconds) ? seconds : nil }
        var total = 0
        var digits = ""
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if let unit = units.first(where: { $0.suffix == character }), let value = Int(digits) {
                let (product, overflow) = value.multipliedReportingOverflow(by: unit.seconds)
                guard !overflow else { return nil }
                total += product
                guard total <= maximum else { return nil }
                digits = ""
            } else {
                return nil
            }
        }
        return digits.isEmpty && total > 0 ? total : nil
    }

    /// Parses a point of the shift, counted from its start: a duration (``parse(_:)``) or zero (`0`, `0s`).
    public static func parseTime(_ text: String) -> Int? {
        if text == "0" || text == "0s" { return 0 }
        return parse(text)
    }

    /// Formats seconds compactly: `2m`, `1h 30m`, `28d`, `45s`.
    public static func format(_ seconds: Int) -> String {
        if seconds == 0 { return "0s" }
        var rest = seconds
        var parts: [String] = []
        for unit in units where rest >= unit.seconds {
            parts.append("\(rest / unit.seconds)\(unit.suffix)")
            rest %= unit.seconds
        }
        return parts.joined(separator: " ")
    }

    /// A point on the simulated clock, the one way every time of the shift is written: `00:01:30` on the
    /// first day (day 0), `1d 00:01:30` after.
    public static func stamp(_ seconds: Int) -> String {
        let time =
            "\(twoDigits(seconds % 86_400 / 3_600)):\(twoDigits(seconds % 3_600 / 60)):\(twoDigits(seconds % 60))"
        return seconds >= 86_400 ? "\(seconds / 86_400)d \(time)" : time
    }

    /// Seconds as `m:ss` (`0:45`, `12:05`), or `h:mm:ss` from an hour: a countdown.
    public static func countdown(_ seconds: Int) -> String {
        let minutes = seconds / 60
        guard minutes >= 60 else { return "\(minutes):\(twoDigits(seconds % 60))" }
        return "\(minutes / 60):\(twoDigits(minutes % 60)):\(twoDigits(seconds % 60))"
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
