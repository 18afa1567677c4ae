import Foundation
import Testing

/// The README stays a short user guide, and the documentation's relative links lead somewhere: every
/// `[text](path)` and `![alt](path)` in README.md and docs/*.md names a file that exists, and a
/// `#fragment` names a heading of that file (as GitHub spells heading anchors).
@Suite struct DocumentationTests {
    /// The README's budget: a guide to read, not the manual (which is docs/manual.md).
    static let readmeLineLimit = 400

    @Test func theReadmeIsShort() throws {
        let lines = try Self.text(of: "README.md").split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(
            lines <= Self.readmeLineLimit,
            "README.md has \(lines) lines, over \(Self.readmeLineLimit): move reference text to docs/")
    }

    @Test func everyRelativeLinkPointsAtAFileAndAHeadingThatExist() throws {
        let documents = try Self.documents()
        #expect(documents.contains("README.md") && documents.contains("docs/manual.md"))
        var checked = 0
        for document in documents {
            for link in Self.links(in: try Self.text(of: document)) where !Self.isExternal(link) {
                checked += 1
                let (path, fragment) = Self.split(link)
                let target = path.isEmpty ? document : Self.resolve(path, from: document)
                let url = Binary.packageRoot.appendingPathComponent(target)
                let exists = FileManager.default.fileExists(atPath: url.path)
                #expect(exists, "\(document): \(link) names no file")
                guard let fragment, exists, target.hasSuffix(".md") else { continue }
                let isHeading = Self.anchors(in: try Self.text(of: target)).contains(fragment)
                #expect(isHeading, "\(document): \(link) names no heading of \(target)")
            }
        }
        #expect(checked >= 10, "the documents link to each other: \(checked) links found")
    }

    @Test func linksAreFoundOutsideCodeAndAnchorsSpelledAsGitHubDoes() {
        let text = """
            See [a](docs/a.md#x) and ![p](p.svg).
            ```
            [not](code.md)
            ```
            `[nor](inline.md)` [web](https://e.org)
            """
        #expect(Self.links(in: text) == ["docs/a.md#x", "p.svg", "https://e.org"])
        let headings = "## Scenarios: `at <time> <command>`\n## The trainer's workflow\n"
        #expect(Self.anchors(in: headings) == ["scenarios-at-time-command", "the-trainers-workflow"])
        #expect(Self.resolve("../README.md", from: "docs/manual.md") == "README.md")
    }

    /// README.md and every Markdown file in docs/, relative to the package root.
    static func documents() throws -> [String] {
        let docs = try FileManager.default.contentsOfDirectory(
            atPath: Binary.packageRoot.appendingPathComponent("docs").path)
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }

    static func text(of document: String) throws -> String {
        try String(contentsOf: Binary.packageRoot.appendingPathComponent(document), encoding: .utf8)
    }

    /// The targets of the Markdown links outside fenced code blocks and inline code.
    static func links(in text: String) -> [String] {
        var links: [String] = []
        var fenced = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                fenced.toggle()
                continue
            }
            if fenced { continue }
            let prose = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
            var rest = Substring(prose)
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                links.append(String(after[..<close]))
                rest = after[after.index(after: close)...]
            }
        }
        return links
    }

    static func isExternal(_ link: String) -> Bool {
        ["http://", "https://", "mailto:"].contains { link.hasPrefix($0) }
    }

    static func split(_ link: String) -> (path: String, fragment: String?) {
        guard let hash = link.firstIndex(of: "#") else { return (link, nil) }
        return (String(link[..<hash]), String(link[link.index(after: hash)...]))
    }

    /// `path` as seen from `document`'s folder, relative to the package root.
    static func resolve(_ path: String, from document: String) -> String {
        var parts = document.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/") {
            if part == ".." { parts = parts.dropLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    /// GitHub's anchors for the headings: lowercased, punctuation but `-` and `_` dropped, spaces as `-`.
    static func anchors(in text: String) -> Set<String> {
        var anchors = Set<String>()
        var fenced = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("```") { fenced.toggle() }
            guard !fenced, line.hasPrefix("#") else { continue }
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
            let kept = title.unicodeScalars.filter {
                CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == " "
            }
            anchors.insert(String(String.UnicodeScalarView(kept)).replacingOccurrences(of: " ", with: "-"))
        }
        return anchors
    }
}
