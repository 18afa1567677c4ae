import SessionPanel
import SystemIO

/// `run --cast FILE`: the asciinema recording of a playback, written as a private file.
enum CastFile {
    /// An empty recording of the script `name` on this terminal (or 24 rows), `width` columns wide;
    /// a `pause` for Enter takes `pace` seconds in it.
    static func recording(of name: String, width: Int, pace: Double) -> CastRecording {
        CastRecording(width: width, height: Terminal.rows ?? 24, title: name, enterSeconds: pace)
    }

    /// Writes the recording to `path` (0600, never through a planted link); false after reporting a failure.
    static func write(_ recording: CastRecording, to path: String, protecting protected: ProtectedFiles) -> Bool {
        ExportFile.write(recording.text, to: path, what: "the recording ", protecting: protected)
    }
}
