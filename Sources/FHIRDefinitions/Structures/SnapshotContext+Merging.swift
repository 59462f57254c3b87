extension SnapshotContext {
    /// Applies a differential element to the base element it matched: what the differential
    /// states replaces the base's (cardinality, types, values, binding, slicing, limits, flags,
    /// short text); its constraints and conditions are added to the base's. The id, path,
    /// slice name and base stay those of the snapshot element.
    func merge(_ differential: StructureElement, into element: inout StructureElement) {
        if let min = differential.min { element.min = min }
        if let max = differential.max { element.max = max }
        if !differential.types.isEmpty { element.types = differential.types }
        if let fixed = differential.fixed { element.fixed = fixed }
        if let pattern = differential.pattern { element.pattern = pattern }
        if let minValue = differential.minValue { element.minValue = minValue }
        if let maxValue = differential.maxValue { element.maxValue = maxValue }
        if let maxLength = differential.maxLength { element.maxLength = maxLength }
        if let binding = differential.binding {
            // A binding that states its strength only keeps the base's value set.
            element.binding = StructureBinding(
                strength: binding.strength,
                valueSet: binding.valueSet ?? element.binding?.valueSet,
                description: binding.description ?? element.binding?.description
            )
        }
        if let slicing = differential.slicing { element.slicing = slicing }
        if let short = differential.short { element.short = short }
        if let mustSupport = differential.mustSupport { element.mustSupport = mustSupport }
        if let isModifier = differential.isModifier { element.isModifier = isModifier }
        if let isSummary = differential.isSummary { element.isSummary = isSummary }
        for condition in differential.conditions where !element.conditions.contains(condition) {
            element.conditions.append(condition)
        }
        for constraint in differential.constraints where !element.constraints.contains(where: { $0.key == constraint.key }) {
            element.constraints.append(constraint)
        }
    }
}
