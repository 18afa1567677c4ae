import SessionPanel
import SystemIO

/// `omnipanel run --pace SECONDS`: plays a script back in front of a class, sleeping through the
/// ``Playback`` timeline (each command typed out after the prompt, `pace` seconds between commands,
/// `pause` waiting); with `--cast FILE`, the same timeline is recorded as it plays.
struct LivePlayback {
    private var playback: Playback
    /// The recording being made, if any.
    private(set) var cast: CastRecording?

    init(pace: Double, cast: CastRecording?) {
        playback = Playback(pace: pace)
        self.cast = cast
    }

    /// Shows the event on the terminal as the playback's timeline says, and records it.
    mutating func play(_ event: ScriptRunner.Event) {
        for step in playback.steps(for: event) {
            cast?.append(step)
            switch step {
            case .output(let text): Output.ask(text)
            case .error(let text):
                for line in text.split(separator: "\n") { Output.error(String(line)) }
            case .wait(let seconds):
                Output.flush()
                Self.sleep(seconds)
            case .waitForEnter:
                Output.flush()
                Self.waitForEnter()
            }
        }
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
