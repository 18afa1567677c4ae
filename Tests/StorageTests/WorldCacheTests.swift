import SessionPanel
import SystemIO
import Testing

@testable import Storage

@Suite struct WorldCacheTests {
    let folder: String
    let cache: String

    init() throws {
        folder = try DatabaseTests.folder()
        cache = folder + "/cache/omnipanel"
    }

    func write(_ text: String, to name: String) throws -> String {
        let path = folder + "/" + name
        unlink(path)
        let descriptor = try PrivateFile.open(path, for: .updating)
        try descriptor.write(Array(text.utf8))
        try descriptor.close()
        return path
    }

    /// The inode of the one cache database in the folder: a new one means the world was imported again.
    func cacheInode() throws -> UInt {
        let names = try #require(cacheFiles())
        try #require(names.count == 1, "one cache database, not \(names)")
        var status = stat()
        try #require(stat(cache + "/" + names[0], &status) == 0)
        return UInt(status.st_ino)
    }

    func cacheFiles() -> [String]? {
        guard let directory = opendir(cache) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    @Test func theSecondStartReusesTheImportAndAChangedFileIsImportedAgain() throws {
        let contacts = try write("name,account\nKenny Smith,Contoso\nZoe Adams,\n", to: "contacts.csv")
        let cases = try write(#"{"cases": [{"number": 42, "title": "Printer on fire"}]}"#, to: "cases.json")
        let first = try WorldCache.catalog(for: [contacts, cases], in: cache)
        #expect(try first.contact(named: "zoe adams")?.name == "Zoe Adams")
        #expect(try first.caseRecord(42)?.title == "Printer on fire")
        let inode = try cacheInode()

        let second = try WorldCache.catalog(for: [contacts, cases], in: cache)
        #expect(try second.count(.contact, startingWith: "") == 2)
        #expect(try cacheInode() == inode, "reused, not imported again")

        // The same bytes written again (new modification and change times): still reused.
        _ = try write("name,account\nKenny Smith,Contoso\nZoe Adams,\n", to: "contacts.csv")
        _ = try WorldCache.catalog(for: [contacts, cases], in: cache)
        #expect(try cacheInode() == inode, "same content, reused")

        _ = try write("name,account\nKenny Smith,Contoso\nZoe Adams,\nZora Clark,\n", to: "contacts.csv")
        let changed = try WorldCache.catalog(for: [contacts, cases], in: cache)
        #expect(try changed.contacts(startingWith: "zo", limit: 5).map(\.name) == ["Zoe Adams", "Zora Clark"])
        #expect(try cacheInode() != inode, "imported again")
    }

    @Test func aCacheInAnotherLayoutIsImportedAgain() throws {
        let contacts = try write("name\nAnn\nBob\n", to: "contacts.csv")
        _ = try WorldCache.catalog(for: [contacts], in: cache)
        let inode = try cacheInode()
        let name = try #require(cacheFiles()?.first)
        try Database(path: cache + "/" + name).execute("PRAGMA user_version = 1")  // a cache from before ranks
        let again = try WorldCache.catalog(for: [contacts], in: cache)
        #expect(try cacheInode() != inode, "imported again")
        #expect(try again.count(.contact, startingWith: "") == 2)
        #expect(try WorldCatalogTests.ranks(again, "contacts", by: "key") == [1, 2])
    }

    @Test func aBadFileLeavesTheCacheAsItWasAndSaysWhere() throws {
        let contacts = try write("name\nAnn\n", to: "contacts.csv")
        _ = try WorldCache.catalog(for: [contacts], in: cache)
        let inode = try cacheInode()
        _ = try write("name\nAnn\n\"Bob\n", to: "contacts.csv")
        #expect(throws: WorldFiles.Failure.self) { try WorldCache.catalog(for: [contacts], in: cache) }
        do {
            _ = try WorldCache.catalog(for: [contacts], in: cache)
        } catch {
            #expect(error.message == "world file \(contacts): line 3, column 1: a quoted field is never closed")
        }
        #expect(try cacheInode() == inode, "no half import left behind")
    }

    @Test func aDuplicateAcrossTheImportIsFoundWhenTheIndexesAreBuilt() throws {
        let contacts = try write("name\nAnn Lee\nBob\nANN LEE\n", to: "contacts.csv")
        #expect(throws: WorldFiles.Failure.self) { try WorldCache.catalog(for: [contacts], in: cache) }
        do {
            _ = try WorldCache.catalog(for: [contacts], in: cache)
        } catch {
            #expect(error.message == "world file \(contacts): contact \"ann lee\" appears twice")
        }
        #expect(cacheFiles() == [], "nothing left behind")
    }

    @Test func aDatabaseFileIsPrivateAndTheFolderIsCreated() throws {
        let contacts = try write("name\nAnn\n", to: "contacts.csv")
        _ = try WorldCache.catalog(for: [contacts], in: cache)
        let name = try #require(cacheFiles()?.first)
        var status = stat()
        #expect(stat(cache + "/" + name, &status) == 0 && status.st_mode & 0o777 == 0o600)
        #expect(stat(cache, &status) == 0 && status.st_mode & 0o777 == 0o700)
    }

    @Test func theCacheFolderFollowsXDG() {
        #expect(WorldCache.folder(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]) == "/c/omnipanel")
        #expect(WorldCache.folder(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/omnipanel")
        #expect(WorldCache.folder(environment: [:]) == nil)
    }
}
