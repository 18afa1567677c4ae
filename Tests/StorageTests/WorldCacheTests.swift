import SessionPanel
import SystemIO
import Testing

@testable import Storage

@Suite final class WorldCacheTests {
    let scratch: Scratch
    let folder: String
    let cache: String

    init() throws {
        scratch = try Scratch()
        folder = scratch.folder
        cache = folder + "/cache/omnipanel"
    }

    deinit { scratch.remove() }

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

    /// Sets the modification time of `path` (not following a link) to `days` days before now.
    func age(_ path: String, days: Double) throws {
        let then = time(nil) - Int(days * 24 * 60 * 60)
        let times = [timespec(tv_sec: then, tv_nsec: 0), timespec(tv_sec: then, tv_nsec: 0)]
        try #require(utimensat(AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW) == 0, "\(path): \(SystemError.current)")
    }

    @Test func unusedCachesAndUnfinishedImportsAreRemovedAndNothingElse() throws {
        try #require(mkdir(folder + "/cache", 0o700) == 0 && mkdir(cache, 0o700) == 0)
        let outside = try write("not ours", to: "elsewhere.sqlite")
        try age(outside, days: 100)
        let old = [
            ("world-0123456789abcdef.sqlite", 31.0, true),
            ("world-1111111111111111.sqlite", 29, false),
            ("world-2222222222222222.sqlite.import-42", 2, true),
            ("world-3333333333333333.sqlite.import-43", 0.5, false),
            ("notes.txt", 100, false), ("world-0123.sqlite", 100, false), ("world-ABCDEF0123456789.sqlite", 100, false),
            ("world-6666666666666666.sqlite-journal", 100, false),
            ("world-7777777777777777.sqlite.import-", 100, false),
        ]
        for (name, days, _) in old {
            _ = try write("x", to: "cache/omnipanel/" + name)
            try age(cache + "/" + name, days: days)
        }
        let link = cache + "/world-4444444444444444.sqlite"
        try #require(symlink(outside, link) == 0)
        try age(link, days: 100)
        try #require(mkdir(cache + "/world-5555555555555555.sqlite", 0o700) == 0)
        try age(cache + "/world-5555555555555555.sqlite", days: 100)
        var kept = old.filter { !$0.2 }.map(\.0) + ["world-4444444444444444.sqlite", "world-5555555555555555.sqlite"]
        if geteuid() == 0 {  // as root, a file of another user's can be made: it is not ours to remove
            let theirs = try write("x", to: "cache/omnipanel/world-8888888888888888.sqlite")
            try #require(chown(theirs, 12_345, 12_345) == 0)
            try age(theirs, days: 100)
            kept.append("world-8888888888888888.sqlite")
        }

        let removed = WorldCache.removeUnused(in: cache, now: time(nil))
        #expect(removed == ["world-0123456789abcdef.sqlite", "world-2222222222222222.sqlite.import-42"])
        #expect(cacheFiles()?.sorted() == kept.sorted())
        var status = stat()
        #expect(stat(outside, &status) == 0, "a link's target is never touched")
    }

    @Test func openingAWorldMarksItsCacheUsedAndRemovesUnusedOnes() throws {
        let contacts = try write("name\nAnn\n", to: "contacts.csv")
        _ = try WorldCache.catalog(for: [contacts], in: cache)
        let ours = try #require(cacheFiles()?.first)
        let inode = try cacheInode()
        try age(cache + "/" + ours, days: 40)
        let unused = try write("x", to: "cache/omnipanel/world-0123456789abcdef.sqlite")
        try age(unused, days: 31)

        #expect(try WorldCache.catalog(for: [contacts], in: cache).count(.contact, startingWith: "") == 1)
        #expect(cacheFiles() == [ours], "the unused cache is removed, the one in use kept")
        #expect(try cacheInode() == inode, "and reused, not imported again")
        var status = stat()
        try #require(stat(cache + "/" + ours, &status) == 0)
        #expect(time(nil) - Int(status.st_mtim.tv_sec) < 60 * 60, "marked as used now")
    }

    @Test func aLargeImportArrivesWholeThroughTheWritingThread() throws {
        // More records than the batches in flight hold, so the reader waits for the writer.
        let count = PipelinedWorldWriter.batchSize * PipelinedWorldWriter.batchesInFlight * 2 + 7
        let rows = (0..<count).map { "Name \(($0 * 7_919) % count),Account \($0 % 10)\n" }.joined()
        let contacts = try write("name,account\n" + rows, to: "contacts.csv")
        let items = try write(#"{"workItems": [{"id": 5, "channel": "sms", "stream": "open"}]}"#, to: "items.json")
        let catalog = try WorldCache.catalog(for: [contacts, items], in: cache)
        #expect(try catalog.count(.contact, startingWith: "") == count)
        #expect(try catalog.contacts(startingWith: "name 1", limit: 2).map(\.name) == ["Name 1", "Name 10"])
        #expect(try catalog.allWorkItems().map(\.id) == [5])
        #expect(try WorldCatalogTests.ranks(catalog, "contacts", by: "key") == Array(1...count))
    }

    /// The message importing `paths` fails with; `nil` if it does not fail.
    func failure(_ paths: [String]) -> String? {
        do {
            _ = try WorldCache.catalog(for: paths, in: cache)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func aRecordTheDatabaseRefusesIsReportedBeforeALaterReadingError() throws {
        let items = (0..<3_000).map { #"{"id": \#($0 == 2_500 ? 1 : $0 + 1), "channel": "chat", "stream": "my"}"# }
        let json = try write(#"{"workItems": ["# + items.joined(separator: ",") + "], \"cases\": [{", to: "w.json")
        #expect(throws: WorldFiles.Failure.self) { try WorldCache.catalog(for: [json], in: cache) }
        // All on line 1: the second W1 starts after `{"workItems": [` and 2,500 items, each with its comma.
        let column = #"{"workItems": ["#.count + items.prefix(2_500).map { $0.count + 1 }.reduce(0, +) + 1
        #expect(
            failure([json])
                == "world file \(json): line 1, column \(column): work item W1 appears twice (first on line 1)")
        let csv = try write("id,channel,stream\n1,chat,my\n2,sms,open\n1,voice,closed\n", to: "work-items.csv")
        #expect(failure([csv]) == "world file \(csv): line 4, column 1: work item W1 appears twice (first on line 2)")
        #expect(cacheFiles() == [], "nothing left behind")
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

    @Test func aDuplicateContactNamesTheFileLineAndColumnOfItsKey() throws {
        let contacts = try write("account,name\nContoso,Ann Lee\n,Bob\nFabrikam,ANN LEE\n", to: "contacts.csv")
        #expect(throws: WorldFiles.Failure.self) { try WorldCache.catalog(for: [contacts], in: cache) }
        #expect(
            failure([contacts])
                == "world file \(contacts): line 4, column 10: contact \"ann lee\" appears twice (first on line 2)")
        #expect(cacheFiles() == [], "nothing left behind")
    }

    @Test func aDuplicateCaseNumberNamesTheFileThatHoldsCases() throws {
        let contacts = try write("name\nAnn Lee\nBob\n", to: "contacts.csv")
        let cases = try write("title,number\nPrinter,42\nRouter,7\n\nPrinter again,42\n", to: "cases.csv")
        #expect(
            failure([contacts, cases])
                == "world file \(cases): line 5, column 15: case 42 appears twice (first on line 2)")
        let accounts = try write("name\nContoso\nNorthwind\ncontoso\n", to: "accounts.csv")
        #expect(
            failure([contacts, accounts])
                == "world file \(accounts): line 4, column 1: account \"contoso\" appears twice (first on line 2)")
    }

    @Test func aJSONDuplicateNamesTheLineAndColumnOfTheRecord() throws {
        let json = try write(
            """
            {"contacts": [{"name": "Zoë Laurent"},
              {"name": "Ann Lee"}], "cases": [{"number": 7, "title": "Router"}],
              "workItems": [], "accounts": [], "contacts": [{"name": "Bob"}, {"name": "ZOË LAURENT"}]}
            """, to: "world.json")
        #expect(
            failure([json])
                == "world file \(json): line 3, column 66: contact \"zoë laurent\" appears twice (first on line 1)")
        // The first in one file, the second in another: the first's file is named too.
        let contacts = try write("name\nBob\nann lee\n", to: "contacts.csv")
        let small = try write(#"{"contacts": [{"name": "Ann Lee"}]}"#, to: "small.json")
        #expect(
            failure([small, contacts])
                == "world file \(contacts): line 3, column 1: contact \"ann lee\" appears twice (first on line 1 of \(small))"
        )
    }

    @Test func linesAreCountedThroughAQuotedFieldWithLineBreaks() throws {
        let contacts = try write(
            "name,account\nAnn,\"Big\nCorp\"\n\"Bob\",\"a\r\nb\"\r\n\"ann\",X\n", to: "contacts.csv")
        #expect(
            failure([contacts])
                == "world file \(contacts): line 6, column 1: contact \"ann\" appears twice (first on line 2)")
    }

    @Test func aDuplicateLeavesTheCacheAsItWas() throws {
        let contacts = try write("name\nAnn\nBob\n", to: "contacts.csv")
        _ = try WorldCache.catalog(for: [contacts], in: cache)
        let inode = try cacheInode()
        _ = try write("name\nAnn\nBob\nann\n", to: "contacts.csv")
        #expect(
            failure([contacts])
                == "world file \(contacts): line 4, column 1: contact \"ann\" appears twice (first on line 2)")
        #expect(try cacheInode() == inode, "no half import left behind")
        let kept = try SQLiteWorldCatalog(readingOnly: cache + "/" + #require(cacheFiles()?.first))
        #expect(try kept.contacts(startingWith: "", limit: 3).map(\.name) == ["Ann", "Bob"])
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

extension WorldCacheTests {
    /// Overwrites the root page of every table and index of the world in the cache with garbage.
    func damageWorldTables() throws {
        let path = cache + "/" + (try #require(cacheFiles()?.first))
        var roots: [Int] = []
        var pageSize = 0
        do {
            let database = try Database(path: path, mode: .readOnly)
            pageSize = try database.integerPragma("page_size")
            let statement = try database.prepare(
                "SELECT rootpage FROM sqlite_schema WHERE tbl_name IN ('contacts', 'accounts', 'cases', 'work_items') AND rootpage > 1"
            )
            while try statement.step() { roots.append(statement.int(at: 0)) }
        }
        try #require(!roots.isEmpty && pageSize > 0)
        let descriptor = open(path, O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let garbage = [UInt8](repeating: 0xA5, count: pageSize)
        for root in roots {
            try #require(pwrite(descriptor, garbage, pageSize, off_t((root - 1) * pageSize)) == pageSize)
        }
    }

    @Test func aDamagedCacheIsImportedAgain() throws {
        let rows = (0..<3_000).map { "Name \($0),Account \($0 % 10)\n" }.joined()
        let contacts = try write("name,account\n" + rows, to: "contacts.csv")
        _ = try WorldCache.catalog(for: [contacts], in: cache)
        let inode = try cacheInode()
        try damageWorldTables()
        let again = try WorldCache.catalog(for: [contacts], in: cache)
        #expect(try again.count(.contact, startingWith: "") == 3_000)
        #expect(try cacheInode() != inode, "imported again")
    }

    @Test func aCacheOnlyOmnipanelWroteIsStampedSoundAndOneWrittenElsewhereIsNot() throws {
        let contacts = try write("name\nAnn\nBob\n", to: "contacts.csv")
        _ = try WorldCache.catalog(for: [contacts], in: cache)
        let path = cache + "/" + (try #require(cacheFiles()?.first))
        #expect(WorldCache.isStampedSound(path))
        let descriptor = open(path, O_WRONLY | O_APPEND)
        try #require(descriptor >= 0 && Glibc.write(descriptor, "x", 1) == 1)
        close(descriptor)
        #expect(!WorldCache.isStampedSound(path), "written by someone else: checked before reuse")
    }

    @Test func aFolderAtTheCachesNameIsLeftAloneWithAWarning() throws {
        let contacts = try write("name\nAnn\nBob\n", to: "contacts.csv")
        _ = try WorldCache.catalog(for: [contacts], in: cache)
        let name = try #require(cacheFiles()?.first)
        try #require(unlink(cache + "/" + name) == 0 && mkdir(cache + "/" + name, 0o700) == 0)
        var warnings: [String] = []
        let catalog = try WorldCache.catalog(for: [contacts], in: cache) { warnings.append($0) }
        #expect(try catalog.count(.contact, startingWith: "") == 2)
        #expect(
            warnings == ["the world cache \(cache)/\(name) is not a regular file; the world is read without it"])
    }
}
