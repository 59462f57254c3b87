import FHIRDefinitions
public import FHIRModel
public import Foundation

extension SearchQueryParser {
    /// The parameters `Patient/[id]/$everything` takes (besides `_format` and `_pretty`).
    public static let everythingParameters = ["_count", "_cursor", "_since", "_type"]

    /// The resource types of the Patient compartment, the Patient included: what
    /// `Patient/[id]/$everything` returns.
    public var patientCompartmentTypes: [String] {
        catalog.patientCompartment.memberTypes.sorted()
    }

    /// Parses `Patient/[id]/$everything`: the resources in the patient's compartment, in the
    /// order they were first stored, as a system-level search of the compartment's types with a
    /// ``SearchCondition/compartment(patients:)`` condition. `_since` (an instant: only resources
    /// changed at or after it), `_type` (some of the compartment's types), `_count` and `_cursor`
    /// are understood; `start` and `end` (the care dates) are refused as not supported, and so
    /// is any other parameter.
    public func parseEverything(patientID: String, parameters: [QueryParameter], now: Date = Date()) throws(FHIRError) -> SearchQuery {
        let compartment = patientCompartmentTypes
        var translated: [QueryParameter] = []
        var linkParameters: [QueryParameter] = []
        var typeGiven = false
        for parameter in parameters where parameter.name != "_format" && parameter.name != "_pretty" {
            switch parameter.name {
            case "_count", "_cursor":
                translated.append(parameter)
            case "_since":
                guard parameter.value.contains("T"), !parameter.value.hasPrefix("ge") else {
                    throw FHIRError.badRequest("_since='\(parameter.value)' is not an instant; give a date and time with a time zone, such as 2024-01-01T00:00:00Z")
                }
                translated.append(QueryParameter(name: "_lastUpdated", value: "ge" + parameter.value))
            case "_type":
                for value in SearchValueText.values(of: parameter.value) where !compartment.contains(SearchValueText.unescape(value)) {
                    throw FHIRError.badRequest("_type names '\(SearchValueText.unescape(value))', which is not in the Patient compartment; $everything returns only the patient's compartment")
                }
                typeGiven = true
                translated.append(parameter)
            case "start", "end":
                throw FHIRError(status: 400, code: .notSupported, "$everything does not support '\(parameter.name)' (care dates) yet; use _since to limit by the time of the last change, or _type")
            default:
                throw FHIRError.badRequest("$everything takes \(Self.everythingParameters.joined(separator: ", ")); '\(parameter.name)' is not one of them")
            }
            if parameter.name != "_cursor" { linkParameters.append(parameter) }
        }
        if !typeGiven {
            translated.append(QueryParameter(name: "_type", value: compartment.joined(separator: ",")))
        }
        var query = try parse(resourceType: nil, parameters: translated, conditions: [.compartment(patients: [patientID])], now: now)
        query.linkParameters = linkParameters
        return query
    }
}
