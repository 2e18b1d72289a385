"""Tests of the language server, through a real stdio exchange."""
