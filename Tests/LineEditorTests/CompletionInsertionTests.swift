import Testing

@testable import LineEditor

@Suite struct CompletionInsertionTests {
    @Test func midLineTabDoesNotLeaveTwoSpaces() {
        #expect(CompletionText.insertion("switch", before: " 1") == "switch")
        #expect(CompletionText.insertion("switch", before: "") == "switch ")
        #expect(CompletionText.insertion("switch", before: "1") == "switch ")
        #expect(CompletionText.insertion("Examples/", before: "") == "Examples/")
        #expect(CompletionText.insertion("--width=", before: " x") == "--width=")
    }
}
