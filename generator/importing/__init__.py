"""`timeline import`: a timeline made with another tool (a TimelineJS JSON file, a TimelineJS
spreadsheet saved as CSV, a markwhen file) read into a project of ours, with a report of
everything that has no place in our format."""

# The formats `timeline import --from` takes, here where the command line reads them without
# importing the readers.
FORMATS = ("timelinejs", "sheet", "markwhen")
