/// Where the engine gets the pseudonym of a resource: its own id's, and the target's of every
/// Reference. The same resource must get the same pseudonym in every response, so that
/// references between de-identified resources still resolve.
///
/// ``KeyedPseudonymizer`` is Kiln's: the resource's internal row identity, enciphered under a project key.
public protocol Pseudonymizer: Sendable {
    /// The pseudonym of the resource `id` of `resourceType`: at most 64 characters of
    /// `[A-Za-z0-9-.]`, a valid FHIR id. Nil when the resource has none (it is not stored here):
    /// a Reference to it is then dropped, and a resource with that id is not served.
    func pseudonym(resourceType: String, id: String) -> String?
}
