import SessionPanel
import SystemIO

/// `omnipanel run --pace SECONDS`: plays a script back in front of a class. Each command is typed out
/// after the prompt, a few characters at a time, then its output shows; `pace` seconds pass between
/// commands, and `pause` waits its seconds, or for Enter.
struct LivePlayback {
    /// Seconds between one command's output and the next command.
    let pace: Double
    private var typedOne = false

    /// How long typing one character takes, at most.
    static let keystrokeSeconds = 0.04

    init(pace: Double) { self.pace = pace }

    /// Plays the event if playback changes how it shows; returns false to let it print as usual.
    mutating func play(_ event: ScriptRunner.Event) -> Bool {
        switch event {
        case .command(let command):
            if typedOne { Self.sleep(pace) }
            typedOne = true
            type(command)
            return true
        case .pause(let seconds):
            Output.flush()
            if let seconds { Self.sleep(seconds) } else { Self.waitForEnter() }
            return true
        case .output, .question, .error, .expectationFailed, .export:
            return false
        }
    }

    /// Shows the prompt, then the command one character at a time, the whole line in at most `pace` seconds.
    private func type(_ command: String) {
        Output.ask(ScriptRunner.prompt)
        let keystroke = min(Self.keystrokeSeconds, pace / Double(max(1, command.count)))
        for character in command {
            Self.sleep(keystroke)
            Output.ask(String(character))
        }
        Output.print([""])
        Output.flush()
    }

    static func sleep(_ seconds: Double) {
        guard seconds > 0 else { return }
        var remaining = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
        while true {
            var request = remaining
            guard nanosleep(&request, &remaining) != 0, errno == EINTR else { return }
        }
    }

    /// Waits for Enter on the terminal (not standard input, which may be the script); goes on at once
    /// when there is no terminal.
    static func waitForEnter() {
        guard let terminal = try? InputFile.open("/dev/tty") else { return }
        defer { try? terminal.close() }
        var byte: [UInt8] = [0]
        while (try? terminal.read(into: &byte)) == 1, byte != [0x0A] {}
    }
}
