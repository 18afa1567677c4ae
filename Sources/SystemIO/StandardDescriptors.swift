/// Standard input, output and error, descriptors 0–2.
public enum StandardDescriptors {
    /// Opens `/dev/null` on each of descriptors 0–2 that is closed (`omnipanel <&- >&- 2>&-`), so
    /// no file opened later takes their place: otherwise a lock or state file opened as descriptor 1
    /// would receive the panel. Call it first thing. Returns false if `/dev/null` cannot be opened.
    public static func openClosedOnes() -> Bool {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) < 0 {
            // The lowest free descriptor is the one just found closed.
            let opened = systemOpen("/dev/null", O_RDWR, 0)
            guard opened == descriptor else { return false }
        }
        return true
    }
}
