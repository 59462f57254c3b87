public import Foundation

/// A research project: the de-identified view its researchers get, and the secret that keys its
/// pseudonyms, so that two projects cannot join their datasets.
///
/// The secret never leaves the server: it is not printed, logged or returned by any API, and
/// ``description`` masks it.
public struct ResearchProjectRecord: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The project's name: 1 to 64 of `A-Z a-z 0-9 - _ .` (see ``isValidName(_:)``).
    public var name: String
    /// The de-identification profile of the project's view.
    public var profile: ResearchProfile
    /// The smallest count the view reports; smaller counts are suppressed.
    public var minimumCellSize: Int
    /// The key of the project's pseudonyms and date offsets: at least
    /// ``minimumSecretByteCount`` random bytes.
    public var secret: [UInt8]
    /// When the project was added.
    public var createdAt: Date

    /// The fewest bytes a project secret has: 32.
    public static let minimumSecretByteCount = 32
    /// The most characters of a project name: 64.
    public static let maximumNameLength = 64

    /// A project; without `secret`, a new one from ``makeSecret()``.
    public init(name: String, profile: ResearchProfile = .safeHarbor, minimumCellSize: Int = DefaultResearchProject.minimumCellSize,
                secret: [UInt8] = ResearchProjectRecord.makeSecret(), createdAt: Date = Date()) {
        self.name = name
        self.profile = profile
        self.minimumCellSize = minimumCellSize
        self.secret = secret
        self.createdAt = createdAt
    }

    /// ``minimumSecretByteCount`` bytes from the system's cryptographically secure generator.
    public static func makeSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<minimumSecretByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Whether `name` may name a project: 1 to 64 of `A-Z a-z 0-9 - _ .`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= maximumNameLength && name.unicodeScalars.allSatisfy {
            ($0 >= "A" && $0 <= "Z") || ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    /// The project without its secret, which is masked.
    public var description: String {
        "ResearchProject(\(name), \(profile.rawValue), min cell \(minimumCellSize), secret masked)"
    }

    /// The same as ``description``: the secret is masked in debug output too.
    public var debugDescription: String { description }
}
