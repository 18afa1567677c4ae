import Foundation
import Testing

/// `report --svg FILE` through the program: a private file that a real XML parser and a real SVG
/// renderer (`rsvg-convert`, Debian's librsvg2-bin) both accept.
@Suite struct TimelinePictureTests {
    private static let shift = """
        traffic rush --seed 7
        clock advance 2m
        accept
        clock advance 90s
        reply "Let me check"
        switch home
        clock advance 4m
        report --svg shift.svg

        """

    private func drawShift() throws -> (folder: TemporaryDirectory, svg: String) {
        let folder = try TemporaryDirectory()
        let result = try runProcess(Binary.url.path, [], input: Self.shift, directory: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("Wrote the shift's timeline to shift.svg.\n"))
        return (folder, folder.path("shift.svg"))
    }

    @Test func theTimelineIsAPrivateFile() throws {
        let (folder, svg) = try drawShift()
        defer { folder.remove() }
        let attributes = try FileManager.default.attributesOfItem(atPath: svg)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(text.contains("Shift timeline"))
    }

    @Test(.requiresTool("python3"))
    func theTimelineIsWellFormedXML() throws {
        let (folder, svg) = try drawShift()
        defer { folder.remove() }
        let script = """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            assert root.tag == '{http://www.w3.org/2000/svg}svg', root.tag
            print(len(root.findall('{http://www.w3.org/2000/svg}text')))
            """
        let result = try runProcess(Tool.path("python3")!, ["-c", script, svg])
        #expect(result.status == 0, "\(result.stderr)")
        #expect((Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 10)
    }

    @Test(.requiresTool("rsvg-convert", package: "librsvg2-bin"))
    func theTimelineRendersToAPicture() throws {
        let (folder, svg) = try drawShift()
        defer { folder.remove() }
        let png = folder.path("shift.png")
        let result = try runProcess(Tool.path("rsvg-convert")!, [svg, "-o", png])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1_600)
    }

    @Test func aPlantedLinkIsNotFollowed() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let target = try folder.write("keep", to: "target.txt")
        try FileManager.default.createSymbolicLink(atPath: folder.path("shift.svg"), withDestinationPath: target.path)
        let result = try runProcess(Binary.url.path, ["-c", "report --svg shift.svg"], directory: folder.url)
        #expect(result.stderr.hasPrefix("-c:1: error: cannot write shift.svg: it is a symbolic link"))
        #expect(result.status == 1, "a file that cannot be written is a failed command")
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep")
    }
}
