/// The configuration this binary was compiled in. Figures from a debug build say little about
/// Kiln: the benchmark prints this first so that nobody quotes them by mistake.
public enum BuildConfiguration {
    /// `debug` or `release`.
    public static var name: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }

    /// True in a release build.
    public static var isRelease: Bool { name == "release" }
}
