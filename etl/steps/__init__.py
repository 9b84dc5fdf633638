"""One pure step per published table: build(inputs) -> DataFrame. Steps never read or write files."""
