#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Spawn file actions that the C library offers but the Swift module does not import.
///
/// glibc declares `posix_spawn_file_actions_addclosefrom_np` (2.34) and
/// `posix_spawn_file_actions_addchdir_np` (2.29) only for `_GNU_SOURCE`, so they are looked up
/// at run time; where they are missing, the open descriptors are closed one by one and the child
/// keeps the current directory.
enum SpawnExtensions {
    #if canImport(Darwin)
    /// The type of a file-actions object in this C library.
    typealias FileActions = posix_spawn_file_actions_t?
    #else
    /// The type of a file-actions object in this C library.
    typealias FileActions = posix_spawn_file_actions_t
    #endif
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<FileActions>, Int32) -> Int32
    private typealias ChangeDirectory = @convention(c) (UnsafeMutablePointer<FileActions>, UnsafePointer<CChar>) -> Int32

    /// Adds actions that close every descriptor above standard error in the child.
    static func closeDescriptorsAboveStandardError(_ actions: inout FileActions) {
        if let symbol = dlsym(defaultHandle, "posix_spawn_file_actions_addclosefrom_np") {
            let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
            if closeFrom(&actions, 3) == 0 { return }
        }
        for descriptor in openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    /// Adds an action that makes the child start in `directory`, when the C library can.
    static func changeDirectory(_ actions: inout FileActions, to directory: String) {
        guard let symbol = dlsym(defaultHandle, "posix_spawn_file_actions_addchdir_np") else { return }
        let changeDirectory = unsafeBitCast(symbol, to: ChangeDirectory.self)
        _ = changeDirectory(&actions, directory)
    }

    private static var defaultHandle: UnsafeMutableRawPointer? {
        #if canImport(Darwin)
        UnsafeMutableRawPointer(bitPattern: -2)
        #else
        nil
        #endif
    }

    /// The descriptors open in this process, read from the kernel's list.
    private static func openDescriptors() -> [Int32] {
        #if os(Linux)
        let listing = "/proc/self/fd"
        #else
        let listing = "/dev/fd"
        #endif
        guard let directory = opendir(listing) else { return [] }
        defer { closedir(directory) }
        var descriptors: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let descriptor = Int32(name) { descriptors.append(descriptor) }
        }
        return descriptors
    }
}
