"""Engagement Atlas ETL: curated YAML in data/raw -> published tables in data/processed."""
