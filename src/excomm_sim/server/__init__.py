"""The classroom host (docs/classroom.md): an aiohttp shell around the rules kernel.

``app`` moves frames; ``classroom`` is the authority every move goes through, with its
``students`` and ``teacher`` sides; ``table`` one game and its seats; ``store`` and
``writer`` the durable move log; ``lesson`` opens or resumes a lesson; ``serve`` runs it.
"""
