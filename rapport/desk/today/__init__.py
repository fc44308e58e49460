"""Today: what needs the provider, section by section, and what they do about it."""
