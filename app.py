"""thidua: the dashboard's entry point. Routes to the pages; loads the demo data on a fresh machine."""
import streamlit as st

from pages.shared import ensure_first_data

st.set_page_config(page_title="Thi đua · Chỉ số CCHC", page_icon="📊", layout="wide")
ensure_first_data()

navigation = st.navigation([
    st.Page("pages/overview.py", title="Tổng quan", icon="🏠", default=True),
    st.Page("pages/compare_provinces.py", title="So sánh tỉnh", icon="📊", url_path="so-sanh-tinh"),
    st.Page("pages/rank_changes.py", title="Biến động xếp hạng", icon="↕️", url_path="bien-dong-xep-hang"),
])
navigation.run()
