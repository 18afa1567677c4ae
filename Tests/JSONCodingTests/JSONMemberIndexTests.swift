import Testing

@testable import JSONCoding

/// Large objects (a dictionary of records) are looked up by key rather than searched, with the same
/// answers: the first member of a repeated key.
@Suite struct JSONMemberIndexTests {
    @Test("members are found by key, the first of a repeated key, small or large", arguments: [3, 16, 2_000])
    func membersAreFound(count: Int) {
        let members = (0..<count).map { ("k\($0)", $0) } + [("k0", -1)]
        let index = JSONMemberIndex(members)
        for number in [0, count / 2, count - 1] { #expect(index.position(of: "k\(number)", in: members) == number) }
        #expect(index.position(of: "missing", in: members) == nil)
        var growing: [(String, Int)] = []
        var grown = JSONMemberIndex()
        for member in members {
            growing.append(member)
            grown.appended(to: growing)
        }
        for number in 0..<count { #expect(grown.position(of: "k\(number)", in: growing) == number) }
    }

    @Test("a dictionary of thousands of records is encoded and decoded whole")
    func aLargeDictionaryRoundTrips() throws {
        let records = Dictionary(uniqueKeysWithValues: (0..<5_000).map { ($0, "record \($0)") })
        let value = try JSONValueEncoder().encode(records)
        guard case .object(let members) = value else {
            Issue.record("not an object: \(value)")
            return
        }
        #expect(members.count == records.count)
        #expect(try JSONValueDecoder().decode([Int: String].self, from: value) == records)
    }
}
