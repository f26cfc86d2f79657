"""Analyzers: each reads comments and article text, never files."""
