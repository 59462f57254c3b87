public import FHIRDefinitions

/// The shipped registry (compiled R4, US Core, Kiln's profiles, and whatever is registered at
/// run time) is where a validator normally finds its definitions.
extension StructureDefinitionRegistry: StructureDefinitionProvider {}
