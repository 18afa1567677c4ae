import Storage

/// How much omnipanel reads of each input before refusing it, so a wrong file (`--state /dev/full`)
/// costs one line on standard error instead of all the memory there is. World files are streamed
/// record by record (see Storage's `WorldFiles`) and need no total limit.
/// Scripts run line by line are streamed and have no total limit, only the line's (see ``LineReader``).
enum InputLimit {
    /// A JSON state (a version-1 `--state` file, `import`).
    static let stateBytes = SavedJSON.largestFile
    /// A script read whole by `run --check` and `run --record`.
    static let scriptBytes = 16 << 20
    /// A transcript (`FILE.out`) read by `run --check`.
    static let transcriptBytes = 64 << 20
}
