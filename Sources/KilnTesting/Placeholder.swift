enum _PlaceholderKilnTesting {}
