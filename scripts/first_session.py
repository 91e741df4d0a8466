"""Runs the app once, as a visitor would, on a dashboard that has just started, so that its first visitor
following a link to a page lands on that page.

Streamlit runs a server's very first session in its old multipage mode when a pages/ folder stands beside
app.py: the pages' addresses set by st.navigation are not known yet, so a link to /so-sanh-tinh shows
"Page not found" and opens «Tổng quan» instead. One session that runs app.py (and with it st.navigation)
ends that mode for every later session.

Usage: python scripts/first_session.py URL   (e.g. http://127.0.0.1:8501; waits for the server to answer)
"""
from __future__ import annotations

import asyncio
import sys
import time
import urllib.request

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

START_TIMEOUT = 300  # seconds: a first start on a slow machine
RUN_TIMEOUT = 300


def wait_until_healthy(url: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


async def run_app_once(url: str) -> None:
    """Opens a session on the home page and waits for its script run to end."""
    address = url.replace("http", "ws", 1) + "/_stcore/stream"
    async with websockets.connect(address, subprotocols=["streamlit"], max_size=None) as socket:
        request = BackMsg()
        request.rerun_script.query_string = ""
        await socket.send(request.SerializeToString())
        async for received in socket:
            answer = ForwardMsg()
            answer.ParseFromString(received)
            if answer.WhichOneof("type") == "script_finished":
                return


if __name__ == "__main__":
    wait_until_healthy(sys.argv[1])
    asyncio.run(asyncio.wait_for(run_app_once(sys.argv[1]), RUN_TIMEOUT))
