"""Streamlit's upload endpoint on a real server: a session not signed in as an uploader cannot make the
server hold a file, however it talks to /_stcore/upload_file/SESSION/FILE (the page's own uploader for
a signed-in uploader is covered by test_upload_browser.py)."""
from __future__ import annotations

import asyncio
import shutil
import time
import urllib.error
import urllib.request
import uuid

import pytest

from bench.server import ANSWER_TIMEOUT, Server, streamlit_server
from thidua.config import ROOT

FILE_BYTES = 5 * 1024 * 1024
FILES = 8
HELD_AT_MOST = 8 * 1024 * 1024  # what may show as growth of the server's memory: noise, not the 40 MB sent


async def anonymous_session_id(server: Server):
    """Opens a session as a browser tab does (websocket, default page) and returns its id and socket."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    socket = await websockets.connect(server.url.replace("http://", "ws://") + "/_stcore/stream",
                                      subprotocols=["streamlit"], max_size=None, open_timeout=60)
    message = BackMsg()
    message.rerun_script.query_string = ""
    await socket.send(message.SerializeToString())
    session_id = None
    while True:
        answer = ForwardMsg()
        answer.ParseFromString(await asyncio.wait_for(socket.recv(), ANSWER_TIMEOUT))
        kind = answer.WhichOneof("type")
        if kind == "new_session":
            session_id = answer.new_session.initialize.session_id
        if kind == "script_finished" and answer.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            return session_id, socket


REFUSED_UNREAD = "connection closed before the file was read"


def put_file(server: Server, session_id: str, data: bytes) -> int | str:
    """The status of a PUT as the page's uploader sends it, or REFUSED_UNREAD when the server answered
    and closed while the file was still being sent. The XSRF check only compares a header with a cookie
    the caller chooses, so a script passes it with any token of its own."""
    token = uuid.uuid4().hex
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(f"{server.url}/_stcore/upload_file/{session_id}/{uuid.uuid4()}", data=body,
                                     method="PUT", headers={"Content-Type": f"multipart/form-data; boundary={boundary}",
                                                            "X-Xsrftoken": token, "Cookie": f"_streamlit_xsrf={token}"})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status
    except urllib.error.HTTPError as refused:
        return refused.code
    except urllib.error.URLError as failure:
        if isinstance(failure.reason, (ConnectionResetError, BrokenPipeError)):
            return REFUSED_UNREAD
        raise


@pytest.fixture(scope="module")
def server(tmp_path_factory, demo_database_file):
    """A server on the demo data already built: its memory then moves with what the sessions do, not with a
    first load of the demo data in the background."""
    folder = tmp_path_factory.mktemp("upload-endpoint")
    shutil.copy(demo_database_file, folder / "thidua.duckdb")
    with streamlit_server(ROOT / "app.py", folder / "thidua.duckdb", folder / "streamlit.log") as running:
        yield running


def test_an_anonymous_session_cannot_make_the_server_hold_uploaded_files(server):
    async def attempt():
        session_id, socket = await anonymous_session_id(server)
        try:
            assert session_id
            before = server.rss_bytes()
            statuses = [await asyncio.to_thread(put_file, server, session_id, bytes([n]) * FILE_BYTES)
                        for n in range(FILES)]
            time.sleep(1)
            return statuses, server.rss_bytes() - before
        finally:
            await socket.close()

    statuses, growth = asyncio.run(attempt())
    assert set(statuses) <= {400, REFUSED_UNREAD}, statuses
    assert growth < HELD_AT_MOST, f"the server grew by {growth / 2 ** 20:.0f} MiB"


def test_a_small_file_from_an_anonymous_or_unknown_session_is_answered_400(server):
    async def attempt():
        session_id, socket = await anonymous_session_id(server)
        try:
            return await asyncio.to_thread(put_file, server, session_id, b"x" * 1024)
        finally:
            await socket.close()

    assert asyncio.run(attempt()) == 400
    assert put_file(server, str(uuid.uuid4()), b"x" * 1024) == 400
