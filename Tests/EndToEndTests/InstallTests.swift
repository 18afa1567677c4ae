import Foundation
import Testing

/// `scripts/install PREFIX` and `scripts/uninstall PREFIX`, into a temporary prefix, with the binary
/// the tests built (`BINARY`, so the test does not build a release): the files land where man,
/// bash-completion, zsh and fish look under the prefix, and uninstalling removes exactly those.
@Suite struct InstallTests {
    static let installed = [
        ("bin/omnipanel", 0o755), ("share/man/man1/omnipanel.1", 0o644),
        ("share/bash-completion/completions/omnipanel", 0o644), ("share/zsh/site-functions/_omnipanel", 0o644),
        ("share/fish/vendor_completions.d/omnipanel.fish", 0o644),
    ]

    /// What install writes beside the files: each one's device and inode, which uninstall checks.
    static let manifest = "share/omnipanel/install-manifest"

    private func script(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> Binary.Result
    {
        try runProcess(
            Binary.packageRoot.appendingPathComponent("scripts/\(name)").path, arguments,
            environment: environment.merging(["BINARY": Binary.url.path]) { $1 })
    }

    @Test func installPutsEachFileWhereItsToolLooksAndUninstallRemovesExactlyThose() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let prefix = folder.path("prefix")
        try folder.write("someone else's\n", to: "prefix/share/man/man1/other.1")

        let install = try script("install", [prefix])
        #expect(install.status == 0, "\(install.stderr)")
        #expect(
            install.stdout.split(separator: "\n")
                == (Self.installed.map(\.0) + [Self.manifest]).map { "\(prefix)/\($0)"[...] })
        for (path, mode) in Self.installed {
            let attributes = try FileManager.default.attributesOfItem(atPath: "\(prefix)/\(path)")
            #expect((attributes[.posixPermissions] as? Int) == mode, "\(path)")
        }
        let source = try String(
            contentsOfFile: Binary.packageRoot.appendingPathComponent("man/omnipanel.1").path, encoding: .utf8)
        #expect(try String(contentsOfFile: "\(prefix)/share/man/man1/omnipanel.1", encoding: .utf8) == source)
        #expect(try runProcess("\(prefix)/bin/omnipanel", ["--version"]).status == 0)

        if let man = Tool.path("man") {
            let page = try runProcess(
                man, ["-l", "\(prefix)/share/man/man1/omnipanel.1"], environment: ["MANPAGER": "cat", "MANWIDTH": "80"])
            #expect(page.status == 0 && page.stdout.contains("PANEL COMMANDS"), "\(page.stderr)")
        }
        let bashCompletion = BashCompletionTests.bashCompletion
        if let bash = Tool.path("bash"), FileManager.default.fileExists(atPath: bashCompletion) {
            // bash-completion looks in $XDG_DATA_DIRS/bash-completion/completions (/usr/local/share by default).
            let loaded = try runProcess(
                bash,
                [
                    "--norc", "--noprofile", "-ic",
                    "source \(bashCompletion); __load_completion omnipanel; complete -p omnipanel",
                ],
                environment: [
                    "HOME": folder.url.path, "XDG_DATA_DIRS": "\(prefix)/share", "PATH": "\(prefix)/bin:/usr/bin:/bin",
                ])
            #expect(
                loaded.stdout == "complete -o filenames -F _omnipanel omnipanel\n", "\(loaded.stderr)")
        }
        if let fish = Tool.path("fish") {
            let offered = try runProcess(
                fish, ["-c", "complete -C 'omnipanel --wo'"],
                environment: [
                    "HOME": folder.url.path, "XDG_DATA_DIRS": "\(prefix)/share", "PATH": "\(prefix)/bin:/usr/bin:/bin",
                ])
            #expect(offered.stdout.hasPrefix("--world\t"), "\(offered.stderr)")
        }

        let uninstall = try script("uninstall", [prefix])
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        for path in Self.installed.map(\.0) + [Self.manifest] {
            #expect(!FileManager.default.fileExists(atPath: "\(prefix)/\(path)"), "\(path)")
        }
        #expect(folder.bytes("prefix/share/man/man1/other.1") != nil, "uninstall removed a file it did not install")
    }

    @Test func destdirIsPutInFrontOfEveryPath() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let install = try script("install", ["/opt/omnipanel"], environment: ["DESTDIR": folder.path("stage")])
        #expect(install.status == 0, "\(install.stderr)")
        for (path, _) in Self.installed { #expect(folder.bytes("stage/opt/omnipanel/\(path)") != nil, "\(path)") }
        let relative = try script("install", ["relative/prefix"])
        #expect(relative.status == 2 && relative.stderr.contains("absolute path"))
    }

    /// An empty PREFIX is refused (it meant /usr/local), by install and uninstall alike.
    @Test(arguments: ["install", "uninstall"])
    func anEmptyPrefixIsRefused(name: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("someone else's\n", to: "stage/usr/local/bin/omnipanel")
        let result = try script(name, [""], environment: ["DESTDIR": folder.path("stage")])
        #expect(result.status == 2 && result.stderr.contains("empty"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(folder.bytes("stage/usr/local/bin/omnipanel") == Data("someone else's\n".utf8))
        #expect(folder.bytes("stage/usr/local/share/man/man1/omnipanel.1") == nil)
    }

    /// uninstall removes only the files install's manifest lists, each still the very file (device and
    /// inode) install put there: not another one at the same name, nor one reached through a folder
    /// that became a symbolic link, nor anything when there is no manifest.
    @Test func uninstallRemovesOnlyTheFilesInstallPutThere() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let prefix = folder.path("prefix")
        let noManifest = try script("uninstall", [prefix])
        #expect(noManifest.status == 1 && noManifest.stderr.contains("manifest"), "\(noManifest.stderr)")

        #expect(try script("install", [prefix]).status == 0)
        // bin/ now a link to someone else's folder, holding their omnipanel; the manual page replaced.
        try folder.write("someone else's\n", to: "other/omnipanel")
        try FileManager.default.removeItem(atPath: "\(prefix)/bin")
        try FileManager.default.createSymbolicLink(atPath: "\(prefix)/bin", withDestinationPath: folder.path("other"))
        try FileManager.default.removeItem(atPath: "\(prefix)/share/man/man1/omnipanel.1")
        try folder.write("the user's own page\n", to: "prefix/share/man/man1/omnipanel.1")

        let uninstall = try script("uninstall", [prefix])
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(folder.bytes("other/omnipanel") == Data("someone else's\n".utf8))
        #expect(folder.bytes("prefix/share/man/man1/omnipanel.1") == Data("the user's own page\n".utf8))
        #expect(uninstall.stderr.contains("\(prefix)/bin/omnipanel") && uninstall.stderr.contains("omnipanel.1"))
        for path in Self.installed.map(\.0).dropFirst(2) + [Self.manifest] {
            #expect(!FileManager.default.fileExists(atPath: "\(prefix)/\(path)"), "\(path)")
        }
    }
}
