enum _PlaceholderKilnServer {}
