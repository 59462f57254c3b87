enum FHIRValidationPlaceholder {}
