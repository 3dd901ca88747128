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
