import Foundation
import Synchronization

extension DefinitionsCatalog {
    /// Catalogs already loaded, by directory path, so each process reads a directory once.
    private static let loaded = Mutex<[String: DefinitionsCatalog]>([:])

    /// The catalog in the directory ``DefinitionsLocator`` finds (explicit directory,
    /// `KILN_PROFILES_DIR`, up from the executable, up from the current directory, then the
    /// install directories). Each directory is read once per process; later calls share it.
    public static func loadDefault(explicitDirectory: String? = nil) throws -> DefinitionsCatalog {
        let directory = try DefinitionsLocator(explicitDirectory: explicitDirectory).locate()
        return try loaded.withLock { catalogs in
            if let catalog = catalogs[directory.path] { return catalog }
            let catalog = try load(from: directory)
            catalogs[directory.path] = catalog
            return catalog
        }
    }

    /// The catalog of this process: ``loadDefault(explicitDirectory:)`` with no explicit directory.
    public static var shared: DefinitionsCatalog {
        get throws { try loadDefault() }
    }
}
