enum _PlaceholderFHIRStore {}
