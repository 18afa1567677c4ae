import Testing

@testable import SessionPanel

/// The generator's statistics over long seeded runs: each channel's arrivals and the visitors' share
/// stay within five standard deviations of what the profile asks for (a Poisson count of mean m has
/// standard deviation √m), for several seeds.
@Suite struct TrafficStatisticsTests {
    private static let hours = 10

    /// Requests per channel, and how many came from visitors, over ``hours`` of `profile`.
    private func arrivals(_ profile: TrafficProfile, seed: UInt64) -> (
        perChannel: [Channel: Int], visitors: Int, total: Int
    ) {
        var shell = interpreter(after: ["traffic \(profile.rawValue) --seed \(seed)"])
        _ = shell.advanceClock(to: Self.hours * 3_600)
        var perChannel: [Channel: Int] = [:]
        var visitors = 0
        var total = 0
        // Every request counts, offered or held in the queue while the agent is Inactive after a miss.
        for conversation in shell.state.everyConversation.values where conversation.id >= 1_000 {
            perChannel[conversation.channel, default: 0] += 1
            total += 1
            if conversation.customer == nil { visitors += 1 }
        }
        return (perChannel, visitors, total)
    }

    private func isWithinFiveDeviations(_ count: Int, mean: Double) -> Bool {
        var deviation = 1.0
        while deviation * deviation < mean { deviation += 0.5 }  // √mean, near enough, without Foundation
        return abs(Double(count) - mean) <= 5 * deviation + 1
    }

    @Test(arguments: [TrafficProfile.light, .steady, .rush], [1, 7, 2_026] as [UInt64])
    func eachChannelArrivesAtItsRate(_ profile: TrafficProfile, seed: UInt64) throws {
        let parameters = try #require(profile.parameters)
        let counted = arrivals(profile, seed: seed)
        for channel in Channel.allCases {
            let mean = Double(parameters.arrivalsPerHour(on: channel) * Self.hours)
            let count = counted.perChannel[channel] ?? 0
            #expect(
                isWithinFiveDeviations(count, mean: mean), "\(profile) seed \(seed) \(channel): \(count) for \(mean)")
        }
    }

    @Test func visitorsAreTheProfilesShareAtLeast() {
        // Named customers are drawn only while a contact is free; with the demo's five contacts busy,
        // a request goes to a visitor, so the share is a floor.
        let counted = arrivals(.rush, seed: 5)
        let share = Double(counted.visitors) / Double(counted.total)
        #expect(share >= 0.40 - 0.06, "\(counted.visitors) of \(counted.total)")
        #expect(counted.visitors < counted.total, "some requests come from the world's contacts")
    }

    @Test func exponentialDrawsHaveTheirMean() {
        let random = ShiftRandom(seed: 99)
        let draws = (1...20_000).map { random.exponentialSeconds(mean: 120, 1, UInt64($0)) }
        let mean = Double(draws.reduce(0, +)) / Double(draws.count)
        #expect(abs(mean - 120) < 4, "\(mean)")
        #expect(draws.allSatisfy { $0 >= 1 })
    }

    @Test func theLogarithmIsExactEnough() {
        for (x, expected) in [
            (1.0, 0.0), (2.0, 0.693_147_180_559_945_3), (0.5, -0.693_147_180_559_945_3),
            (10.0, 2.302_585_092_994_046), (1e-9, -20.723_265_836_946_41),
        ] {
            #expect(abs(ShiftRandom.naturalLog(x) - expected) < 1e-12, "ln \(x)")
        }
    }

    @Test func theSameDrawIsTheSameEverywhere() {
        // SplitMix64 of a fixed input: a change in the generator changes every shift, so it is pinned.
        #expect(ShiftRandom(seed: 7).bits(1, 1) == ShiftRandom(seed: 7).bits(1, 1))
        #expect(ShiftRandom.mix(0) == 0xE220_A839_7B1D_CDAF)
    }
}
