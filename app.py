"""thidua: the dashboard's entry point. Routes to the pages; on a fresh machine, says the demo data is being
loaded while it loads in the background."""
import streamlit as st

from pages.access import admit_uploads, require_sign_in_to_view
from pages.shared import current_database, database_busy, house_css, print_view, wait_for_data
from thidua.db import DatabaseBusy

st.set_page_config(page_title="Thi đua · Chỉ số CCHC", page_icon=":material/leaderboard:", layout="wide")

# Pages are registered before anything slow runs: a link straight to a page on a freshly started
# server must find its page, not wait behind the first load of the demo data.
navigation = st.navigation([
    st.Page("pages/overview.py", title="Tổng quan", icon=":material/home:", default=True),
    st.Page("pages/compare_provinces.py", title="So sánh tỉnh", icon=":material/bar_chart:",
            url_path="so-sanh-tinh"),
    st.Page("pages/rank_changes.py", title="Biến động xếp hạng", icon=":material/swap_vert:",
            url_path="bien-dong-xep-hang"),
    st.Page("pages/scoring_results.py", title="Kết quả chấm điểm", icon=":material/emoji_events:",
            url_path="ket-qua-cham-diem"),
    st.Page("pages/clusters.py", title="Cụm thi đua", icon=":material/groups:", url_path="cum-thi-dua"),
    st.Page("pages/province_profile.py", title="Hồ sơ tỉnh", icon=":material/location_on:", url_path="ho-so-tinh"),
    st.Page("pages/upload.py", title="Nhập dữ liệu", icon=":material/upload_file:", url_path="nhap-du-lieu"),
    st.Page("pages/reports.py", title="Xuất báo cáo", icon=":material/print:", url_path="xuat-bao-cao"),
])
house_css()
admit_uploads()  # before anything that may stop the run: the upload endpoint's gate is set up by it
try:
    print_view()
    wait_for_data()
    require_sign_in_to_view()
    with current_database().session():  # one connection for all the page's queries, released when it ends
        navigation.run()
except DatabaseBusy:
    database_busy()
