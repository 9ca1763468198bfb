/// Zero-padded numbers for file names.
extension String {
    /// The string with `pad` in front up to `width` characters ("7" → "00007" for shard numbers).
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
