"""The outputs after the pages: feeds, exports, the search index and the crawlers' files, each
one module following one protocol, run by one driver."""
