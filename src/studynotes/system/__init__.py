"""What the app needs from the computer it runs on: a display, Qt's X11 libraries, a crash log.

Neutral ground: the command line and the window both use it, and it imports neither.
"""
