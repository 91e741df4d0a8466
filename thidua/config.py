"""Where things live on disk."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DEMO_DIR = DATA_DIR / "demo"
QUERIES_DIR = ROOT / "queries"
SCHEMA_DIR = QUERIES_DIR / "schema"


def default_db_path() -> Path:
    """The database named by THIDUA_DB, else data/thidua.duckdb."""
    return Path(os.environ.get("THIDUA_DB") or DATA_DIR / "thidua.duckdb")
