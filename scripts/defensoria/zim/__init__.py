"""The Kiwix edition: the built site as one ZIM file (edition.py reads site/, writer.py writes)."""
