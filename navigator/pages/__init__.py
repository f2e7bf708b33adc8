"""The Streamlit pages: thin scripts that read widgets, make one call and render (see app.py)."""
