import LineEditor
import SessionPanel

extension TabCompletion {
    /// What Tab does for the panel's `completion`: the same candidates, in the same order, of the same total.
    init(_ completion: Completion) {
        self.init(
            replacing: completion.replacing,
            candidates: completion.candidates.map { Candidate($0.text, $0.description) },
            total: completion.total)
    }
}
