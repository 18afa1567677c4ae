import SessionPanel
import Testing

@testable import Storage

/// Expects SQLite to answer `sql` in a fresh state file through `index`, never by scanning a table
/// (EXPLAIN QUERY PLAN).
func expectIndex(_ index: String, usedBy sql: String) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let store = try StateFile(path: scratch.path("class.db")) { PanelState() }
    let plan = try store.database.prepare("EXPLAIN QUERY PLAN " + sql)
    var details: [String] = []
    while try plan.step() { details.append(plan.string(at: 3) ?? "") }
    #expect(details.contains { $0.contains(index) }, "\(details)")
    #expect(!details.contains { $0.hasPrefix("SCAN") }, "\(details)")
}
