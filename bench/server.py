"""A real `streamlit run` on a free loopback port for the browser tests and benchmarks, and a
websocket client that speaks Streamlit's protocol (BackMsg / ForwardMsg protobufs) like a browser tab."""
from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from thidua.config import ROOT

START_TIMEOUT = 120
ANSWER_TIMEOUT = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    url: str
    pid: int
    started: float   # time.monotonic() just before `streamlit run`

    def rss_bytes(self) -> int:
        """The server process's resident memory, from /proc."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise RuntimeError(f"no VmRSS for process {self.pid}")


def wait_until_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit stopped with code {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"streamlit did not answer within {START_TIMEOUT} s:\n{log.read_text()}")


@contextmanager
def streamlit_server(script: Path, database: Path, log: Path, *options: str) -> Iterator[Server]:
    """`streamlit run script [options]` on 127.0.0.1 with THIDUA_DB=database, stopped when the block ends."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none", *options]
    environment = {**os.environ, "THIDUA_DB": str(database)}
    started = time.monotonic()
    with open(log, "w") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, log)
        yield Server(url, process.pid, started)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass(frozen=True)
class AppPage:
    script_hash: str
    title: str
    url_path: str


class Session:
    """One browser tab's conversation with the server: ask for a page, wait for the script to finish."""

    def __init__(self, connection):
        self._connection = connection
        self.pages: list[AppPage] = []
        self.stuck = False  # a page went unanswered: what arrives next belongs to it

    @classmethod
    async def open(cls, server: Server) -> "Session":
        import websockets

        address = server.url.replace("http://", "ws://") + "/_stcore/stream"
        return cls(await websockets.connect(address, subprotocols=["streamlit"], max_size=None, open_timeout=60))

    async def show(self, page: AppPage | None = None) -> float:
        """Seconds from asking for the page (the default page when None) to the end of its script run."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        message = BackMsg()
        message.rerun_script.query_string = ""
        if page is not None:
            message.rerun_script.page_script_hash = page.script_hash
        started = time.perf_counter()
        await self._connection.send(message.SerializeToString())
        while True:
            answer = ForwardMsg()
            answer.ParseFromString(await asyncio.wait_for(self._connection.recv(), ANSWER_TIMEOUT))
            kind = answer.WhichOneof("type")
            if kind == "navigation":
                self.pages = [AppPage(p.page_script_hash, p.page_name, p.url_pathname) for p in answer.navigation.app_pages]
            if kind == "script_finished" and answer.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return time.perf_counter() - started

    async def close(self) -> None:
        await self._connection.close()
