/// Comparison whose time does not depend on where two byte strings differ.
enum ConstantTime {
    /// Whether `first` and `second` hold the same bytes. Only their lengths, which are not
    /// secret, decide early.
    static func equal(_ first: some Collection<UInt8>, _ second: some Collection<UInt8>) -> Bool {
        guard first.count == second.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(first, second) {
            difference |= a ^ b
        }
        return difference == 0
    }
}
