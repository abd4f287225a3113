"""The site plan: which pages and files a Local Offer site has, described without MkDocs."""
