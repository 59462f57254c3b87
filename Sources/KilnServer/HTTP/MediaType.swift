import Foundation
import FHIRModel

/// The media types Kiln reads and writes, and content negotiation over them.
enum MediaType {
    /// FHIR JSON, what Kiln writes.
    static let fhirJSON = "application/fhir+json"
    /// JSON Patch, what PATCH reads.
    static let jsonPatch = "application/json-patch+json"

    /// The bare media type of a Content-Type header, lowercased and without parameters.
    static func essence(_ header: String) -> String {
        String(header.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Whether a Content-Type names FHIR JSON (`application/fhir+json`, or plain `application/json`).
    static func isFHIRJSON(_ header: String) -> Bool {
        let type = essence(header)
        return type == fhirJSON || type == "application/json" || type == "application/json+fhir"
    }

    /// Checks `_format` and `Accept`: Kiln answers in JSON, so a request for XML or anything else
    /// that JSON does not satisfy gets 406.
    static func negotiate(format: String?, accept: String?) throws(FHIRError) {
        if let format {
            let value = format.lowercased()
            let json = ["json", "application/json", "application/fhir+json", "application/json+fhir"]
            guard json.contains(where: { value == $0 || value.hasPrefix($0 + ";") }) else {
                throw FHIRError.notAcceptable("_format=\(format) is not supported; Kiln returns JSON (_format=json)")
            }
            return
        }
        guard let accept, !accept.isEmpty else { return }
        let acceptable = accept.split(separator: ",").map { essence(String($0)) }
        let satisfied = acceptable.contains { type in
            type == "*/*" || type == "application/*" || type == fhirJSON || type == "application/json" || type == "application/json+fhir"
        }
        guard satisfied else {
            throw FHIRError.notAcceptable("Accept: \(accept) cannot be satisfied; Kiln returns application/fhir+json")
        }
    }
}
