/// Where a unit stands in the input: the index of the top-level input (in `UnitReader`'s list) and the unit's
/// number within it. Units are cut the same way on every run, so a position names the same articles again on
/// `--resume`.
public struct UnitPosition: Sendable, Equatable, Comparable {
    public var input: Int
    public var unit: Int

    public static func < (a: UnitPosition, b: UnitPosition) -> Bool {
        (a.input, a.unit) < (b.input, b.unit)
    }
}
