/// Tests only: a byte allowance shared by an output folder's files; once spent, writes fail with ENOSPC, as on a
/// full disk.
final class DiskBudget {
    private var left: Int
    init(_ bytes: Int) { left = bytes }

    /// Takes `count` bytes; false when they are not there.
    func take(_ count: Int) -> Bool {
        guard count <= left else { return false }
        left -= count
        return true
    }
}
