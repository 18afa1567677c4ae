import Foundation

/// Runs `executable` with `arguments` and waits for it. Standard input is `input`; `environment`
/// entries are added to (or, with a nil value, removed from) the test's own environment.
///
/// posix_spawn and waitpid rather than Foundation's `Process`, which on Linux waits for a descriptor
/// the child inherited to close, so it hangs when the child leaves a daemon behind (as `tmux` does).
func runProcess(
    _ executable: String, _ arguments: [String], input: String = "",
    environment: [String: String?] = [:], directory: URL? = nil
) throws -> Binary.Result {
    let scratch = try TemporaryDirectory()
    defer { scratch.remove() }
    let files = try ["in", "out", "err"].map { name in try scratch.write(name == "in" ? input : "", to: name).path }
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, files[0], O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, files[1], O_WRONLY | O_TRUNC, 0)
    posix_spawn_file_actions_addopen(&actions, 2, files[2], O_WRONLY | O_TRUNC, 0)
    // In `directory`, through the shell: a test must not change the working directory of the whole process.
    let command = directory.map { ["/bin/sh", "-c", #"cd "$0" && exec "$@""#, $0.path, executable] } ?? [executable]

    let argv = (command + arguments).map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    // The child starts as from a login shell: no signal blocked, none ignored. (The test's own thread
    // may block SIGINT, and a pseudo-terminal's Ctrl-C would never reach a program that inherited that.)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    var allSignals = sigset_t()
    sigemptyset(&noSignals)
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var pid = pid_t()
    let spawned = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw SpawnFailure(executable: executable, code: spawned) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let exited = status & 0x7F == 0
    return Binary.Result(
        status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
        stdout: try String(contentsOfFile: files[1], encoding: .utf8),
        stderr: try String(contentsOfFile: files[2], encoding: .utf8))
}

/// A program that could not be started.
struct SpawnFailure: Error, CustomStringConvertible {
    let executable: String
    let code: Int32
    var description: String { "cannot run \(executable): \(String(cString: strerror(code)))" }
}
