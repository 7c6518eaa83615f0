"""Exchange: the lossless JSON document and the spreadsheet export."""
