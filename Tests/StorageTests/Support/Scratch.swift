import Foundation

/// A fresh folder for one test's files, removed at the end.
struct Scratch {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omnipanel-storage-\(UUID().uuidString)")
        .path

    init() throws { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false) }

    func path(_ name: String) -> String { folder + "/" + name }
    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
