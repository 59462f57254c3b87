import FHIRDefinitions
import FHIRDeidentify
import FHIRSearch

extension ResearchSearchPolicy {
    /// `_sort`: only by parameters the view accepts, never by ids or references (their order is
    /// that of the stored ids) and never by a date the profile keeps coarser than it is, since
    /// the order would show what was cut.
    func checkSort(_ keys: [String], scope: [String]) throws(ParameterRefusal) {
        for key in keys {
            let code = key.hasPrefix("-") ? String(key.dropFirst()) : key
            if code == "_id" { throw ParameterRefusal("ids are pseudonyms; their order is that of the stored ids", showsValue: true) }
            for type in scope {
                let parameter: SupportedSearchParameter
                do throws(ParameterRefusal) {
                    if code != "_lastUpdated" {
                        _ = try condition(.parameter(code: code, modifier: nil), values: [], on: type, chained: false, referenceYear: nil)
                    }
                    parameter = try known(code, on: type)
                } catch {
                    throw ParameterRefusal(error.reason, showsValue: true)
                }
                switch parameter.type {
                case .reference:
                    throw ParameterRefusal("sorting by a reference orders by the stored ids", showsValue: true)
                case .date:
                    let precision: ResearchDatePrecision
                    do throws(ParameterRefusal) { precision = try datePrecision(of: parameter, on: type) } catch { throw ParameterRefusal(error.reason, showsValue: true) }
                    guard precision == .full else {
                        throw ParameterRefusal("the order of \(code) would show the dates \(profileName) does not serve", showsValue: true)
                    }
                case .token, .quantity, .number:
                    break
                default:
                    throw ParameterRefusal("the view does not sort by \(code)", showsValue: true)
                }
            }
        }
    }

    /// `_include` and `_revinclude` (with `:iterate`): each names a served source type and a
    /// reference parameter the view accepts; `*` and `Type:*` are refused, and so is a target
    /// type that is not served. An `_include` without a target type must have served targets only.
    func checkIncludes(_ values: [String], reverse: Bool, modifier: String?) throws(ParameterRefusal) {
        let kind = reverse ? "_revinclude" : "_include"
        if let modifier, modifier != "iterate", modifier != "recurse" {
            throw ParameterRefusal("the modifier :\(modifier) is not accepted on \(kind); use :iterate")
        }
        for value in values {
            if value == "*" { throw ParameterRefusal("* would include types the view does not serve; name the types", showsValue: true) }
            let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
                throw ParameterRefusal("write SourceType:parameter[:TargetType]", showsValue: true)
            }
            let source = parts[0]
            guard servedTypes.contains(source) else { throw ParameterRefusal("the research view does not serve \(source)", showsValue: true) }
            guard parts[1] != "*" else { throw ParameterRefusal("\(source):* would include types the view does not serve; name the parameter", showsValue: true) }
            do throws(ParameterRefusal) {
                let parameter = try known(parts[1], on: source)
                guard parameter.type == .reference else { throw ParameterRefusal("\(parts[1]) of \(source) is not a reference") }
                try checkReach(parameter, on: source, datatypes: ["Reference"], method: .pseudonymize)
                if parts.count == 3 {
                    let target = parts[2]
                    guard servedTypes.contains(target) else { throw ParameterRefusal("the research view does not serve \(target)") }
                    guard parameter.targets.isEmpty || parameter.targets.contains(target) else {
                        throw ParameterRefusal("\(parts[1]) of \(source) does not refer to \(target)")
                    }
                } else if !reverse {
                    let unserved = parameter.targets.filter { !servedTypes.contains($0) }
                    if parameter.targets.isEmpty || !unserved.isEmpty {
                        let example = parameter.targets.first(where: servedTypes.contains).map { "\(source):\(parts[1]):\($0)" }
                        throw ParameterRefusal("\(parts[1]) of \(source) may refer to \(unserved.isEmpty ? "any type" : unserved.joined(separator: ", ")), which the view does not serve; name a served target" + (example.map { ", such as \($0)" } ?? ""))
                    }
                }
            } catch {
                throw ParameterRefusal(error.reason, showsValue: true)
            }
        }
    }
}
