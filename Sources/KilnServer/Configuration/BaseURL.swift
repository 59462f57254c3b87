import Synchronization

/// The public base URL of the FHIR endpoint, fixed once the server knows its port (a server
/// started on port 0 learns it only when it is bound).
public final class BaseURL: Sendable {
    private let value: Mutex<String>

    /// A base URL, e.g. `https://kiln.example.org/fhir`.
    public init(_ url: String) {
        self.value = Mutex(url)
    }

    /// The current URL.
    public var url: String { value.withLock { $0 } }

    /// Replaces the URL (when the bound port becomes known).
    public func set(_ url: String) {
        value.withLock { $0 = url }
    }
}
