import ArgumentParser
import Testing

@testable import omnipanel

/// `omnipanel customer`: one trainee's state file, or a class folder; nothing else of the run options.
@Suite struct CustomerCommandParsingTests {
    @Test("--state before or after 'customer', or --class, with -c")
    func forms() throws {
        let one = try #require(
            try Omnipanel.parseAsRoot(["--state", "a.db", "customer", "-c", "status"]) as? CustomerCommand)
        #expect(one.root.options.state == "a.db" && one.commands == "status" && one.classFolder == nil)
        let after = try #require(try Omnipanel.parseAsRoot(["customer", "--state", "a.db"]) as? CustomerCommand)
        #expect(after.root.options.state == "a.db")
        let group = try #require(try Omnipanel.parseAsRoot(["customer", "--class", "room"]) as? CustomerCommand)
        #expect(group.classFolder == "room" && group.root.options.state == nil)
    }

    @Test(
        "usage errors say what is missing or does not go together",
        arguments: [
            (["customer"], "customer needs --state <file>, or --class <folder>"),
            (["--state", "a.db", "customer", "--class", "."], "--state and --class do not go together"),
            (["customer", "--class", ""], "--class needs a folder, not ''"),
            (["--world", "w.json", "customer", "--class", "."], "--world does not go with customer"),
        ] as [([String], String)])
    func usageErrors(arguments: [String], message: String) {
        do {
            _ = try Omnipanel.parseAsRoot(arguments)
            Issue.record("\(arguments) parsed")
        } catch {
            #expect(Omnipanel.exitCode(for: error) == .validationFailure, "\(arguments)")
            #expect(Omnipanel.message(for: error).hasPrefix(message), "\(arguments): \(Omnipanel.message(for: error))")
        }
    }

    @Test("a trainee is named by the state file, without its folder and '.db'")
    func traineeNames() {
        #expect(TrainerSession.traineeName(ofState: "class/ann.db") == "ann")
        #expect(TrainerSession.traineeName(ofState: "bob") == "bob")
        #expect(TrainerSession.traineeName(ofState: ".db") == ".db")
    }
}
