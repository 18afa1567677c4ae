import Storage

extension StateFileError {
    /// The exit status: 3 unreadable or invalid, 4 newer version, 5 in use or changed by another
    /// omnipanel, 6 cannot save.
    var exitStatus: Int32 {
        switch reason {
        case .unreadable, .invalid: 3
        case .newerVersion: 4
        case .locked, .changedElsewhere: 5
        case .unwritable: 6
        }
    }
}
