enum FHIRTerminologyPlaceholder {}
