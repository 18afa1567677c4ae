import Testing

@testable import SessionPanel

/// Applies a unified diff to `old`, checking each context and removed line against it, as `patch` would.
private func apply(_ diff: [String], to old: [String]) -> [String]? {
    var result: [String] = []
    var position = 0
    for line in diff.dropFirst(2) {
        if line.hasPrefix("@@") {
            let oldSpan = line.split(separator: " ")[1].dropFirst().split(separator: ",")
            let start = Int(oldSpan[0])!
            let count = oldSpan.count > 1 ? Int(oldSpan[1])! : 1
            let target = count == 0 ? start : start - 1
            guard target >= position else { return nil }
            result += old[position..<target]
            position = target
            continue
        }
        let text = String(line.dropFirst())
        switch line.first {
        case " ", "-":
            guard position < old.count, old[position] == text else { return nil }
            if line.first == " " { result.append(text) }
            position += 1
        case "+": result.append(text)
        default: return nil
        }
    }
    return result + old[position...]
}

/// A small deterministic generator, so the randomised checks are repeatable.
private struct Lcg {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}

@Suite struct UnifiedDiffTests {
    @Test func equalListsHaveNoDiff() {
        #expect(UnifiedDiff.lines(from: ["a", "b"], to: ["a", "b"], oldName: "x", newName: "y").isEmpty)
        #expect(UnifiedDiff.lines(from: [], to: [], oldName: "x", newName: "y").isEmpty)
    }

    @Test func oneChangedLineShowsContextAndHeaders() {
        let old = (1...10).map { "line \($0)" }
        var new = old
        new[5] = "line six, changed"
        #expect(
            UnifiedDiff.lines(from: old, to: new, oldName: "demo.omni.out", newName: "demo.omni") == [
                "--- demo.omni.out", "+++ demo.omni", "@@ -3,7 +3,7 @@",
                " line 3", " line 4", " line 5", "-line 6", "+line six, changed", " line 7", " line 8", " line 9",
            ])
    }

    @Test func insertionIntoAnEmptyListNamesLineZero() {
        #expect(
            UnifiedDiff.lines(from: [], to: ["new"], oldName: "a", newName: "b") == [
                "--- a", "+++ b", "@@ -0,0 +1 @@", "+new",
            ])
        #expect(
            UnifiedDiff.lines(from: ["old"], to: [], oldName: "a", newName: "b") == [
                "--- a", "+++ b", "@@ -1 +0,0 @@", "-old",
            ])
    }

    @Test func distantChangesMakeSeparateHunksAndNearOnesMerge() {
        let old = (1...30).map(String.init)
        var far = old
        far[2] = "x"
        far[25] = "y"
        let farDiff = UnifiedDiff.lines(from: old, to: far, oldName: "a", newName: "b")
        #expect(farDiff.filter { $0.hasPrefix("@@") } == ["@@ -1,6 +1,6 @@", "@@ -23,7 +23,7 @@"])
        var near = old
        near[10] = "x"
        near[16] = "y"
        let nearDiff = UnifiedDiff.lines(from: old, to: near, oldName: "a", newName: "b")
        #expect(nearDiff.filter { $0.hasPrefix("@@") } == ["@@ -8,13 +8,13 @@"])
    }

    @Test func randomEditsApplyBackAndKeepALongestCommonSubsequence() {
        var random = Lcg(state: 42)
        for _ in 0..<300 {
            let old = (0..<random.next(25)).map { _ in String(random.next(6)) }
            let new = (0..<random.next(25)).map { _ in String(random.next(6)) }
            let diff = UnifiedDiff.lines(from: old, to: new, oldName: "old", newName: "new", context: random.next(4))
            if old == new {
                #expect(diff.isEmpty)
                continue
            }
            #expect(apply(diff, to: old) == new, "old \(old) new \(new)\n\(diff.joined(separator: "\n"))")
            let removed = diff.dropFirst(2).filter { $0.hasPrefix("-") }.count
            #expect(old.count - removed == LongestCommonSubsequence(old, new).length)
        }
    }

    @Test func longestCommonSubsequenceOfCharacters() {
        #expect(LongestCommonSubsequence(Array("ABCBDAB"), Array("BDCABA")).length == 4)
        #expect(LongestCommonSubsequence(Array(""), Array("abc")).length == 0)
    }
}
