enum _PlaceholderFHIRDefinitions {}
