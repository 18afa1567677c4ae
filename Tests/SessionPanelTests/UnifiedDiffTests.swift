import Testing
@testable import SessionPanel
