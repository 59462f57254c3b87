import FHIRStore
import Foundation

/// A research project as `kiln project list --json` shows it: never its secret.
struct ResearchProjectView: Encodable {
    /// The name.
    var name: String
    /// The de-identification profile.
    var profile: String
    /// The minimum cell size.
    var minimumCellSize: Int
    /// When it was added.
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case name, profile, minimumCellSize = "min_cell", createdAt = "created_at"
    }

    /// The view of a stored project.
    init(_ project: ResearchProjectRecord) {
        name = project.name
        profile = project.profile.rawValue
        minimumCellSize = project.minimumCellSize
        createdAt = project.createdAt
    }
}
