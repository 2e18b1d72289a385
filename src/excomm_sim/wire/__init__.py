"""The classroom's wire format, shared by the host and its clients (docs/protocol.md).

Pure: no network, no files. ``protocol`` checks frames, ``records`` and ``codec`` carry
records and observations, ``views`` makes the scenario a seat may see.
"""
