import SystemIO

/// The files a run reads or keeps, which no file it writes (`report --svg FILE`, `--cast FILE`, a
/// transcript) may replace: the state file and SQLite's files of it, the script and its transcript,
/// the world files and the scenario. Compared by device and inode, so that any other name for one of
/// them (a hard link, another path) is refused too.
struct ProtectedFiles {
    /// A file and what it is to the run (`the state file`).
    private struct File {
        let path: String
        let role: String
    }

    private var files: [File] = []

    /// The files of a run with `options`, starting with `scenario` or playing `script` (not standard
    /// input) when given.
    init(options: RunOptions, scenario: String? = nil, script: String? = nil) {
        if let state = options.state {
            files.append(File(path: state, role: "the state file"))
            files.append(File(path: state + "-wal", role: "the state file's WAL"))
            files.append(File(path: state + "-shm", role: "the state file's shared memory"))
        }
        files += options.worlds.map { File(path: $0, role: "a world file") }
        if let scenario { files.append(File(path: scenario, role: "the scenario")) }
        if let script {
            files.append(File(path: script, role: "the script"))
            files.append(File(path: script + ".out", role: Self.transcript))
        }
    }

    /// The role of the script's transcript `FILE.out`.
    private static let transcript = "the script's transcript"

    /// These files but the script's transcript, for the transcript `run --record` writes (the world
    /// file or another protected file stays protected by whatever name).
    var allowingTheTranscript: ProtectedFiles {
        var copy = self
        copy.files.removeAll { $0.role == Self.transcript }
        return copy
    }

    /// What the existing file at `path` is to the run when it is one of these files (not following a
    /// symbolic link at `path`: such a file is refused anyway), or `nil`.
    func role(of path: String) -> String? {
        var target = stat()
        guard lstat(path, &target) == 0 else { return nil }
        return files.first { file in
            var status = stat()
            return stat(file.path, &status) == 0 && status.st_dev == target.st_dev && status.st_ino == target.st_ino
        }?.role
    }
}
