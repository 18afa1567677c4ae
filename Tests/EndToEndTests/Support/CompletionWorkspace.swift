import Foundation

/// A folder for the shell-completion tests: a script, a note, a world file with cases 7 and 77, and a sub-folder.
struct CompletionWorkspace {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
        try directory.write("show\n", to: "demo.omni")
        try directory.write("not a script\n", to: "notes.txt")
        try directory.write(
            #"{"contacts": [], "accounts": [], "cases": [{"number": 7, "title": "Seven"}, {"number": 77, "title": "Seventy-seven"}], "workItems": []}"#,
            to: "w.json")
        try FileManager.default.createDirectory(
            at: directory.url.appendingPathComponent("sub"), withIntermediateDirectories: true)
    }

    var url: URL { directory.url }

    /// Runs `commands` (`-c`) with `--state s.db` in the folder, so that its sessions are saved there.
    func saveSessions(_ commands: [String], world: String? = nil) throws {
        let options = ["--state", directory.path("s.db")] + (world.map { ["--world", directory.path($0)] } ?? [])
        let result = try Binary.run(options + ["--quiet", "-c", commands.joined(separator: "; ")])
        guard result.status == 0 else { throw Failure(description: "cannot save the sessions: \(result.stderr)") }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `PATH` with the built products first, so the scripts find this `omnipanel`.
    static var path: String {
        Binary.url.deletingLastPathComponent().path + ":"
            + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    }

    /// A committed completion script.
    static func script(_ name: String) -> String {
        Binary.packageRoot.appendingPathComponent("completions/\(name)").path
    }

    /// Removes the folder and the `<folder>.home` beside it, if a shell made one.
    func remove() {
        directory.remove()
        try? FileManager.default.removeItem(atPath: directory.url.path + ".home")
    }
}
