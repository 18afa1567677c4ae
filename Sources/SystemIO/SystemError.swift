/// A failed system call's `errno`, shown as the system's reason (`No such file or directory`).
public struct SystemError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The `errno` value.
    public let code: Int32

    public init(code: Int32) { self.code = code }

    /// The error of the system call that just failed.
    public static var current: SystemError { SystemError(code: errno) }

    public var description: String { String(cString: strerror(code)) }
}
