"""Files received from outside are parsed in worker processes under limits the operating system
enforces: address space (a file that makes a parser ask for gigabytes gets a failed allocation, and
calamine's Rust side aborts its process, not the server), CPU time, open files.

The workers are kept warm: a small pool, started once per process from a fork server that has
already imported the readers, so a file costs a round trip of its bytes and its reading, not a
process start. A worker that dies (a limit, a crash) breaks the pool; it is replaced, and the file
it was reading is refused naming the file. When other files were in the pool at that moment, each
is tried once more in the new pool, so only the file that breaks it again is refused.
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import select
import sys
import threading
import time
import types
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Callable

from thidua.readers.problems import Problem, Refused

ADDRESS_SPACE_BYTES = 1 << 30
CPU_SECONDS = 30
OPEN_FILES = 64
WORKERS = 2
PRELOADED = ["thidua.ingest"]   # imported once by the fork server: what every reading needs (pandas, calamine, readers)


@dataclass
class Measured:
    """A worker's answer, with what the call cost in the worker."""
    value: object
    peak_memory: int | None     # bytes: the worker's peak resident memory during the call (None: the worker died)
    cpu_seconds: float | None
    seconds: float          # wall time seen by the caller, the round trip included


def _start_worker(owner: int) -> None:
    """Run once in each new worker, before any file: exit with the owner, then the limits."""
    _exit_with(owner)
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_BYTES, ADDRESS_SPACE_BYTES))
    resource.setrlimit(resource.RLIMIT_NOFILE, (OPEN_FILES, OPEN_FILES))


def _exit_with(owner: int) -> None:
    """A worker waits for files forever, and its fork server lives as long as a worker does: when the
    process that owns the pool is killed (SIGKILL leaves it no time to stop the pool), a thread that
    waits on the owner's process descriptor ends the worker."""
    try:
        owner_handle = os.pidfd_open(owner)
    except ProcessLookupError:
        os._exit(0)
    except (AttributeError, OSError):  # no process descriptors (Linux before 5.3): the worker stays
        return

    def wait_for_owner() -> None:
        select.select([owner_handle], [], [])
        os._exit(0)

    threading.Thread(target=wait_for_owner, name="owner-watch", daemon=True).start()


def _cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _reset_peak_memory() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as control:
            control.write("5")  # Linux: the peak resident size starts again from the current size
    except OSError:
        pass


def _peak_memory() -> int:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _call_limited(function: Callable, args: tuple, options: dict) -> tuple[object, int, float]:
    """In the worker: the call under a CPU limit of its own (a worker's CPU time adds up over the
    files it reads), and what it cost."""
    before = _cpu_used()
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (int(before) + CPU_SECONDS + 1, hard))
    _reset_peak_memory()
    try:
        value = function(*args, **options)
    except (Refused, MemoryError) as refusal:  # an answer, measured like any other; other errors propagate
        value = refusal
    return value, _peak_memory(), _cpu_used() - before


class WorkerPool:
    """The warm workers, replaced when one dies."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self._in_flight: dict[ProcessPoolExecutor, int] = {}      # calls running in each executor
        self._in_flight_when_broken: dict[ProcessPoolExecutor, int] = {}

    def executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(PRELOADED)
                self._executor = ProcessPoolExecutor(WORKERS, mp_context=context, initializer=_start_worker,
                                                     initargs=(os.getpid(),))
            return self._executor

    def replace(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executor is broken:
                self._executor = None
        broken.shutdown(wait=False, cancel_futures=True)

    def submit(self, executor: ProcessPoolExecutor, function: Callable, *args) -> Future:
        """executor.submit, which starts a worker when none is idle. A new worker imports the module
        it finds as __main__ in this process; under Streamlit that is the page's script, which would
        run again in the worker. A plain module stands in for it while the worker is started."""
        stand_in = types.ModuleType("__main__")
        with self._lock:
            main, sys.modules["__main__"] = sys.modules["__main__"], stand_in
            try:
                return executor.submit(function, *args)
            finally:
                if sys.modules["__main__"] is stand_in:  # unless a script run set its own meanwhile
                    sys.modules["__main__"] = main

    def call(self, function: Callable, args: tuple, options: dict) -> tuple[object, int, float]:
        """Raises BrokenProcessPool with `alone` set: whether this call was the only one in the pool
        when it broke (counted by the first call to see it broken, before any of them returns)."""
        executor = self.executor()
        with self._lock:
            self._in_flight[executor] = self._in_flight.get(executor, 0) + 1
        try:
            return self.submit(executor, _call_limited, function, args, options).result()
        except BrokenProcessPool as broken:
            with self._lock:
                broken.alone = self._in_flight_when_broken.setdefault(executor, self._in_flight[executor]) == 1
            self.replace(executor)
            raise
        finally:
            with self._lock:
                self._in_flight[executor] -= 1
                if not self._in_flight[executor]:
                    del self._in_flight[executor]
                    self._in_flight_when_broken.pop(executor, None)


_pool = WorkerPool()


def warm() -> None:
    """Starts the workers now rather than on the first file (a second or two once per process)."""
    executor = _pool.executor()
    for future in [_pool.submit(executor, os.getpid) for _ in range(WORKERS)]:
        future.result()


_one_retry_at_a_time = threading.Lock()


def _crashed(file_name: str) -> Refused:
    return Refused([Problem(
        f"tệp làm tiến trình đọc tệp dừng đột ngột (vượt giới hạn bộ nhớ {ADDRESS_SPACE_BYTES >> 20} MB hoặc "
        f"{CPU_SECONDS} giây xử lý, hoặc làm hỏng bộ đọc Excel); tệp không được nhập. Hãy mở tệp bằng Excel, kiểm tra "
        "các ô, trang thừa ở xa bảng, lưu lại rồi tải lên; nếu vẫn vậy, hãy gửi tệp cho người quản trị.", file_name)])


def run_measured(function: Callable, data: bytes, file_name: str, **options) -> Measured:
    """function(data, file_name, **options) in a worker. Its value is the result, or the Refused it
    raised, or a Refused naming the file when the worker died or ran out of memory; other errors
    are raised. function and its result cross a process boundary: a module-level function, a
    picklable result."""
    started = time.perf_counter()
    try:
        value, peak, cpu = _pool.call(function, (data, file_name), options)
    except BrokenProcessPool as broken:
        value, peak, cpu = _crashed(file_name), None, None
        if not broken.alone:
            with _one_retry_at_a_time:  # so the file that broke the pool breaks it again alone
                try:
                    value, peak, cpu = _pool.call(function, (data, file_name), options)
                except BrokenProcessPool:
                    pass
    if isinstance(value, MemoryError):
        value = Refused([Problem(f"đọc tệp cần nhiều hơn {ADDRESS_SPACE_BYTES >> 20} MB bộ nhớ, giới hạn cho một "
                                 "tệp; tệp không được nhập. Hãy xoá các trang, vùng không cần nhập rồi tải lên lại.",
                                 file_name)])
    return Measured(value, peak, cpu, time.perf_counter() - started)


def run(function: Callable, data: bytes, file_name: str, **options) -> object:
    """function(data, file_name, **options) in a worker under the limits. Raises Refused (see run_measured)."""
    value = run_measured(function, data, file_name, **options).value
    if isinstance(value, Refused):
        raise value
    return value
