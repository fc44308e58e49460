"""The desk: pages that show several capabilities at once (Today, the client page, the overview).

It sits above every capability app and below the faces (the API, the command line): it may
import any of them, and nothing under it imports it.
"""
