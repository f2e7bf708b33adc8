"""Wide and narrow layouts of the same content: a table on a desktop, one card per row on a phone.

Both are drawn; ``responsive.css`` shows the one that fits the screen (Streamlit itself switches to a phone
layout below 640 px). Figures inside ``figures()`` are never cut off with an ellipsis.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

CSS = Path(__file__).with_name("responsive.css")


@st.cache_data(show_spinner=False)
def _css() -> str:
    return f"<style>{CSS.read_text(encoding='utf-8')}</style>"


def style() -> None:
    """Load the wide/narrow rules once per page run."""
    st.html(_css())


def wide(name: str):
    """A container shown on a desktop only (a table with a sticky header, a wide chart)."""
    return st.container(key=f"pn_wide_{name}")


def narrow(name: str):
    """A container shown on a phone only (one card per row)."""
    return st.container(key=f"pn_narrow_{name}")


def figures(name: str):
    """A container whose metric values wrap instead of being cut off."""
    return st.container(key=f"pn_figures_{name}")
