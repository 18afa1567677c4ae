/// The longest common subsequence of two sequences, by dynamic programming, and the edits it implies.
struct LongestCommonSubsequence<Element: Equatable> {
    /// One step from the first sequence to the second.
    enum Edit: Equatable {
        /// `first[old]` equals `second[new]`.
        case keep(old: Int, new: Int)
        /// `first[old]` is removed.
        case remove(old: Int)
        /// `second[new]` is inserted.
        case insert(new: Int)
    }

    private let first: [Element]
    private let second: [Element]
    /// `table[i * (second.count + 1) + j]`: the LCS length of `first[i...]` and `second[j...]`.
    private let table: [Int32]

    /// Computes the table: time and memory grow with the product of the lengths.
    init(_ first: [Element], _ second: [Element]) {
        self.first = first
        self.second = second
        let columns = second.count + 1
        var table = [Int32](repeating: 0, count: (first.count + 1) * columns)
        for i in stride(from: first.count - 1, through: 0, by: -1) {
            for j in stride(from: second.count - 1, through: 0, by: -1) {
                table[i * columns + j] =
                    first[i] == second[j]
                    ? table[(i + 1) * columns + j + 1] + 1
                    : max(table[(i + 1) * columns + j], table[i * columns + j + 1])
            }
        }
        self.table = table
    }

    /// The length of the longest common subsequence.
    var length: Int { Int(table[0]) }

    /// The edits that turn the first sequence into the second, keeping a longest common subsequence;
    /// removals come before insertions where both are possible.
    var edits: [Edit] {
        let columns = second.count + 1
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < first.count || j < second.count {
            if i < first.count, j < second.count, first[i] == second[j] {
                edits.append(.keep(old: i, new: j))
                i += 1
                j += 1
            } else if j == second.count
                || (i < first.count && table[(i + 1) * columns + j] >= table[i * columns + j + 1])
            {
                edits.append(.remove(old: i))
                i += 1
            } else {
                edits.append(.insert(new: j))
                j += 1
            }
        }
        return edits
    }
}
