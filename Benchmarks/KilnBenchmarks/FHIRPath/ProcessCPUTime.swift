#if canImport(CoreFoundation)
import CoreFoundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CPU time this process has used on all its threads, so that a loop's figures say how many
/// cores it actually kept busy: fewer than its workers means the machine was busy with other work
/// (or the workers waited); as many with a poor rate means the workers slowed each other down.
enum ProcessCPUTime {
    /// CPU seconds used so far by every thread of the process; 0 when the clock is unavailable.
    static func now() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
