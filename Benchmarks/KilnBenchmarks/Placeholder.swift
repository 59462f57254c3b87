enum _PlaceholderBench {}
