extension Unicode.Scalar {
    /// `A`–`Z` or `a`–`z`.
    var isASCIILetter: Bool {
        ("A"..."Z").contains(self) || ("a"..."z").contains(self)
    }

    /// `0`–`9`.
    var isASCIIDigit: Bool {
        ("0"..."9").contains(self)
    }

    /// `A`–`Z`.
    var isASCIIUppercase: Bool {
        ("A"..."Z").contains(self)
    }
}
