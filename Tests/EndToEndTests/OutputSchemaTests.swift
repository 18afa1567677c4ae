import Foundation
import JSONCoding
import Testing

/// `--format json` has one schema, `docs/output.schema.json`: every line of real output is one object
/// of it, told apart by `type`; events and the report are objects with fields, not text.
@Suite struct OutputSchemaTests {
    static let schema: JSONSchema = {
        let path = Binary.packageRoot.appendingPathComponent("docs/output.schema.json").path
        guard let bytes = FileManager.default.contents(atPath: path), let root = try? JSONParser.parse(Array(bytes))
        else { fatalError("docs/output.schema.json is missing or not JSON") }
        return JSONSchema(root)
    }()

    /// A shift with every kind of line: commands, a question and its answer, a refused command, a
    /// failed expectation, events of every kind on the clock, the report (asked for, drawn, and after
    /// the run), and the answers with fields of their own (articles, an article, quick replies, notes,
    /// the Customer summary).
    static let script = """
        incoming chat "Kenny Smith"
        accept
        at 10s message "Kenny Smith" "Still there?"
        at 20s sentiment "Kenny Smith" very-negative
        at 30s incoming sms
        at 40s incoming chat "Kenny Smith"
        at 15m message "Visitor 1" "hello?"
        clock advance 10m
        clock advance 10m
        close 1
        y
        accept 9
        expect "nothing like this"
        echo "done"
        report
        report --format json --svg timeline.svg
        presence available
        incoming chat "Yvonne McKay"
        accept
        kb search "sign in"
        kb open 2
        /q #refund
        note "called back"
        notes
        summary

        """

    /// The output of the script with `--format json run --report`, each line parsed.
    static func lines() throws -> [JSONValue] {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(script, to: "shift.omni")
        let result = try runProcess(
            Binary.url.path, ["--format", "json", "run", "--report", "shift.omni"], directory: folder.url)
        #expect(result.status == 1, "the expectation fails: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        return try result.stdout.split(separator: "\n").map { try JSONParser.parse(Array($0.utf8)) }
    }

    private func type(_ line: JSONValue) -> String? {
        if case .string(let type)? = JSONSchema.member("type", of: line) { type } else { nil }
    }

    @Test func everyLineIsAnObjectOfTheSchema() throws {
        let lines = try Self.lines()
        for (index, line) in lines.enumerated() {
            let problems = Self.schema.problems(line)
            #expect(problems.isEmpty, "line \(index + 1): \(problems.joined(separator: "; "))")
        }
        let types = lines.map { type($0) ?? "" }
        #expect(Set(types) == ["command", "event", "report"])
        #expect(types.last == "report", "run --report ends with the report, typed")
    }

    @Test func eventsAreObjectsWithTheirFieldsAndNotTextInTheCommand() throws {
        let lines = try Self.lines()
        let events = lines.filter { type($0) == "event" }
        let kinds = Set(events.map { JSONSchema.member("kind", of: $0)?.serialized ?? "" })
        #expect(kinds == [#""message""#, #""sentiment""#, #""arrival""#, #""warning""#, #""problem""#])
        let message = try #require(events.first { JSONSchema.member("kind", of: $0) == .string("message") })
        #expect(JSONSchema.member("customer", of: message) == .string("Kenny Smith"))
        #expect(JSONSchema.member("session", of: message) == .number(1))
        #expect(JSONSchema.member("workItem", of: message) == .string("W1000"))
        #expect(JSONSchema.member("time", of: message) == .number(10))
        #expect(JSONSchema.member("clock", of: message) == .string("00:00:10"))
        #expect(JSONSchema.member("line", of: message) == .number(8))
        for line in lines where type(line) == "command" {
            guard case .array(let messages)? = JSONSchema.member("messages", of: line) else { continue }
            for case .string(let text) in messages {
                #expect(!text.contains("Still there?") && !text.hasPrefix("{"), "\(text)")
            }
        }
    }

    @Test func theReportCommandPrintsTheReportAsAnObject() throws {
        let lines = try Self.lines()
        let reports = lines.filter { type($0) == "report" }
        #expect(reports.count == 3)
        #expect(reports.prefix(2).map { JSONSchema.member("line", of: $0) } == [.number(15), .number(16)])
        #expect(JSONSchema.member("line", of: reports[2]) == nil)
        #expect(JSONSchema.member("offered", of: reports[2]) == .number(3))
    }

    @Test func knowledgeQuickRepliesNotesAndTheSummaryAreMembersWithFields() throws {
        let commands = try Self.lines().filter { type($0) == "command" }
        func answer(_ input: String, _ member: String) -> JSONValue? {
            commands.first { JSONSchema.member("input", of: $0) == .string(input) }.flatMap {
                #expect(JSONSchema.member("messages", of: $0) == .array([]), "\(input) says it as text too")
                return JSONSchema.member(member, of: $0)
            }
        }
        for (input, member) in [
            ("kb search \"sign in\"", "articles"), ("kb open 2", "article"), ("/q #refund", "quickReplies"),
            ("notes", "notes"), ("summary", "summary"),
        ] {
            let value = answer(input, member)
            #expect(value != nil && value != .array([]), "\(input) has no \(member)")
        }
        let summary = answer("summary", "summary")
        #expect(summary.flatMap { JSONSchema.member("title", of: $0) } == .string("Yvonne McKay"))
    }

    /// The checker finds what is wrong, so a line it passes is one of the schema.
    @Test(arguments: [
        (#"{"line":1}"#, "type is missing"),
        (#"{"type":"event","line":1,"text":"[00:00:10] > Kenny Smith: hi"}"#, "time is missing"),
        (#"{"type":"report","shiftSeconds":"60"}"#, "$.shiftSeconds: not \"integer\""),
        (
            #"{"type":"event","line":1,"time":10,"clock":"00:00:10","kind":"message","text":"hi","extra":1}"#,
            "extra is not in the schema"
        ),
    ])
    func theCheckerRefusesWhatTheSchemaDoesNot(line: String, problem: String) throws {
        let problems = Self.schema.problems(try JSONParser.parse(Array(line.utf8)))
        #expect(problems.contains { $0.contains(problem) }, "\(problems)")
    }
}
