extension UCUMEssenceCompiler {
    /// The Swift source that defines ``UCUMEssence/standard`` as `essence`.
    public static func swiftSource(for essence: UCUMEssence) -> String {
        var lines: [String] = []
        lines.append("// UCUM \(essence.version) (\(essence.revisionDate)), compiled from ucum-essence.xml by `kiln ucum compile`.")
        lines.append("// Do not edit: recompile instead.")
        lines.append("")
        lines.append("extension UCUMEssence {")
        lines.append("    /// The UCUM essence \(essence.version) of \(essence.revisionDate), as Kiln ships it.")
        lines.append("    public static let standard = UCUMEssence(")
        lines.append("        version: \(literal(essence.version)),")
        lines.append("        revisionDate: \(literal(essence.revisionDate)),")
        lines.append("        prefixes: [")
        for prefix in essence.prefixes {
            lines.append(
                "            UCUMPrefixDefinition(code: \(literal(prefix.code)), name: \(literal(prefix.name)), value: \(literal(prefix.value))),"
            )
        }
        lines.append("        ],")
        lines.append("        baseUnits: [")
        for base in essence.baseUnits {
            lines.append(
                "            UCUMBaseUnitDefinition(code: \(literal(base.code)), name: \(literal(base.name)), "
                    + "dimension: \(literal(base.dimension)), property: \(literal(base.property))),"
            )
        }
        lines.append("        ],")
        lines.append("        units: [")
        for unit in essence.units {
            lines.append(unitSource(unit))
        }
        lines.append("        ]")
        lines.append("    )")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func unitSource(_ unit: UCUMUnitDefinition) -> String {
        var arguments = [
            "code: \(literal(unit.code))",
            "name: \(literal(unit.name))",
            "property: \(literal(unit.property))",
            "unitClass: \(literal(unit.unitClass))",
            "isMetric: \(unit.isMetric)",
        ]
        if unit.isSpecial { arguments.append("isSpecial: true") }
        if unit.isArbitrary { arguments.append("isArbitrary: true") }
        arguments.append("valueUnit: \(literal(unit.valueUnit))")
        arguments.append("value: \(literal(unit.value))")
        if let function = unit.function {
            arguments.append(
                "function: UCUMFunctionDefinition(name: \(literal(function.name)), value: \(literal(function.value)), "
                    + "unit: \(literal(function.unit)))"
            )
        }
        return "            UCUMUnitDefinition(" + arguments.joined(separator: ", ") + "),"
    }

    /// A Swift string literal for `text`, with quotes, backslashes and control characters escaped.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
