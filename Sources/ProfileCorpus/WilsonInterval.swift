/// The 95% Wilson score interval of a share seen in a sample: what `count` of `size` posts
/// can say about the share in the niche they come from. Small samples give wide intervals, so a
/// few posts neither mark a tag (the lower bound) nor show a skill to be rare (the upper one).
package struct WilsonInterval: Equatable, Sendable {
    package let lower: Double
    package let upper: Double

    /// The interval of `share` observed over `size` draws (empty, 0...1, when `size` is 0).
    package init(share: Double, size: Int, z: Double = 1.96) {
        guard size > 0 else {
            lower = 0
            upper = 1
            return
        }
        let n = Double(size)
        let spread = z * (share * (1 - share) / n + z * z / (4 * n * n)).squareRoot()
        let center = share + z * z / (2 * n), scale = 1 + z * z / n
        lower = (center - spread) / scale
        upper = (center + spread) / scale
    }
}

extension WilsonInterval {
    /// How far above a threshold share the share a sample comes from may plausibly be (the upper
    /// bound of its 95% interval) for the sample to show it under the threshold.
    package static let evidenceFactor = 2.0

    /// Whether `count` of `size` show a share under `share`: the observed share is under it and
    /// its interval's upper bound under `evidenceFactor` times it. One of 24 (4%) could as well
    /// be one in five and shows nothing under 5%; one of 80, or 3 of 152, does. 0 of 2 posts
    /// shows nothing under 10%; 0 of 16 does.
    package static func showsUnder(_ share: Double, count: Int, of size: Int) -> Bool {
        guard size > 0 else { return false }
        let observed = Double(count) / Double(size)
        return observed < share && WilsonInterval(share: observed, size: size).upper < evidenceFactor * share
    }
}
