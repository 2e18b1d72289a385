"""The host's web pages: students join a table from a browser and play the Textual game in
the page (textual-serve, one ``excomm-sim join`` process per tab); the teacher watches and
runs the room from ``/teacher``. Everything a page loads is served from installed packages.
"""
