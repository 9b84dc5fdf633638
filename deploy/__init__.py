"""Serving the app in production: nginx in front of Streamlit (see nginx.conf and serve.py)."""
