"""The teacher console: ``excomm-sim host`` in a terminal.

``app.ConsoleApp`` runs the host in its own event loop and shows every table (seats, who
is connected, the item, whom it waits for, the meters) with the teacher's controls;
``view`` words a table's overview (Textual-free); ``dialogs`` asks for a timer, a seat to
free, an event to inject, and shows the class report. The console reaches the classroom
only through the ``Desk`` the host command gives it (``server.desk``), since the TUI
imports nothing of the server.
"""
