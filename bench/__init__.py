"""Benchmarks of Engagement Atlas (not tests): `make bench` / `python -m bench`."""
