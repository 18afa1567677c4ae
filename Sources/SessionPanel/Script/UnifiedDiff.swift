/// A unified diff of two lists of lines (`--- old`, `+++ new`, `@@ -a,b +c,d @@` hunks), as `diff -u` prints it.
public enum UnifiedDiff {
    /// The most cells the line-matching table may use; beyond it the differing middle is shown as
    /// wholly replaced, which is still a correct diff.
    static let largestTable = 16_000_000

    private typealias Edit = LongestCommonSubsequence<String>.Edit

    /// The diff turning `old` into `new`, with `context` unchanged lines around each change;
    /// empty when they are equal.
    public static func lines(
        from old: [String], to new: [String], oldName: String, newName: String, context: Int = 3
    ) -> [String] {
        let edits = self.edits(from: old, to: new)
        let changed = edits.indices.filter { if case .keep = edits[$0] { false } else { true } }
        guard let firstChange = changed.first else { return [] }
        var lines = ["--- " + oldName, "+++ " + newName]
        var hunkStart = max(0, firstChange - context)
        var hunkEnd = min(edits.count, firstChange + context + 1)
        for index in changed.dropFirst() {
            if index - context > hunkEnd {
                lines += hunk(edits, hunkStart..<hunkEnd, old, new)
                hunkStart = index - context
            }
            hunkEnd = min(edits.count, index + context + 1)
        }
        return lines + hunk(edits, hunkStart..<hunkEnd, old, new)
    }

    /// Edits over the whole lists: the common head and tail are kept without entering the table.
    private static func edits(from old: [String], to new: [String]) -> [Edit] {
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] {
            tail += 1
        }
        let oldMiddle = Array(old[head..<(old.count - tail)])
        let newMiddle = Array(new[head..<(new.count - tail)])
        let middle: [Edit] =
            (oldMiddle.count + 1) * (newMiddle.count + 1) <= largestTable
            ? LongestCommonSubsequence(oldMiddle, newMiddle).edits
            : oldMiddle.indices.map { .remove(old: $0) } + newMiddle.indices.map { .insert(new: $0) }
        let shifted = middle.map { edit -> Edit in
            switch edit {
            case .keep(let o, let n): .keep(old: o + head, new: n + head)
            case .remove(let o): .remove(old: o + head)
            case .insert(let n): .insert(new: n + head)
            }
        }
        return (0..<head).map { .keep(old: $0, new: $0) } + shifted
            + (0..<tail).map { .keep(old: old.count - tail + $0, new: new.count - tail + $0) }
    }

    /// One hunk: its `@@` header, then the lines marked ` `, `-` or `+`.
    private static func hunk(_ edits: [Edit], _ range: Range<Int>, _ old: [String], _ new: [String]) -> [String] {
        // Lines of each side before the hunk: every edit before it keeps, removes or inserts one.
        var oldBefore = 0
        var newBefore = 0
        for edit in edits[..<range.lowerBound] {
            switch edit {
            case .keep:
                oldBefore += 1
                newBefore += 1
            case .remove: oldBefore += 1
            case .insert: newBefore += 1
            }
        }
        var body: [String] = []
        var oldCount = 0
        var newCount = 0
        for edit in edits[range] {
            switch edit {
            case .keep(let o, _):
                body.append(" " + old[o])
                oldCount += 1
                newCount += 1
            case .remove(let o):
                body.append("-" + old[o])
                oldCount += 1
            case .insert(let n):
                body.append("+" + new[n])
                newCount += 1
            }
        }
        return ["@@ -\(span(oldCount, after: oldBefore)) +\(span(newCount, after: newBefore)) @@"] + body
    }

    /// `start,count` as `diff -u` writes it: 1-based, `,count` left out when 1, and an empty span
    /// named by the line before it.
    private static func span(_ count: Int, after before: Int) -> String {
        switch count {
        case 0: "\(before),0"
        case 1: "\(before + 1)"
        default: "\(before + 1),\(count)"
        }
    }
}
