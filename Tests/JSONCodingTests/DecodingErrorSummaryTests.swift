import Testing

@testable import JSONCoding

/// ``Swift/DecodingError/summary``: an unknown member is recognised by its error's type, not its wording.
@Suite struct DecodingErrorSummaryTests {
    private struct Contact: Decodable { let name: String }

    @Test("a member the type has no key for is an UnknownMember, summed up as not a known member")
    func unknownMember() throws {
        let error = try #require(throws: DecodingError.self) {
            try JSONValueDecoder().decode([Contact].self, from: Array(#"[{"name": "A", "acount": 1}]"#.utf8))
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("not dataCorrupted: \(error)")
            return
        }
        #expect(context.underlyingError as? UnknownMember == UnknownMember(name: "acount"))
        #expect(error.summary == "[0].acount is not a known member")
    }

    @Test("another corrupted value is an invalid value, whatever its description says")
    func wordingIsNotMatched() {
        let key = JSONCodingKey(stringValue: "name")
        let error = DecodingError.dataCorrupted(.init(codingPath: [key], debugDescription: "unknown member \"name\""))
        #expect(error.summary == "name has an invalid value")
    }
}
