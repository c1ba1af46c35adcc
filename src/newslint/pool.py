"""Lints many files on several processes: this one lints the first file (loading the rules' data),
forks the workers, then takes chunks of files from the front of the list while the workers take
them from the back; the results come out in the order of the paths.

This process lints like the workers rather than waiting on them: its own results are neither
pickled nor rebuilt, and no third process competes for the cores. A worker sends each chunk's
results through its own pipe, read between this process's chunks, so that the rebuilding is
shared out like the linting. The processes are forked and talk through pipes and a shared mapping
directly: multiprocessing's import and set-up (20 ms) would delay the workers' start.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.batch import _pack, _trimmed, _unpack, lint_batch
from newslint.errors import NewslintError

if TYPE_CHECKING:
    from newslint.cache import ResultCache
    from newslint.runner import FileResult, Linter

CHUNK = 48  # files a process takes at most at a time, linted together (batch.lint_batch)
PIPE_SIZE = 1 << 20  # a worker's results wait in its pipe while this process lints a chunk


class _Spans:
    """The files not yet taken, ``[front, back)``, in memory the processes share (an anonymous mapping;
    a byte in a pipe is its lock): each take is a chunk of at most CHUNK files, a quarter of what is
    left per process, so that all finish together."""

    def __init__(self, n: int, jobs: int) -> None:
        import mmap

        self.ends = memoryview(mmap.mmap(-1, 16)).cast("q")  # shared with the processes forked later
        self.ends[1] = n
        self.lock = os.pipe()
        os.set_blocking(self.lock[0], False)  # waited on with a timeout: see _acquire()
        os.write(self.lock[1], b".")
        self.jobs = jobs
        self.parent = os.getpid()
        self.workers: list[int] = []  # the workers' pids, for this process to see one died

    def _acquire(self) -> None:
        """Take the lock's byte, waiting while another process holds it; but not for ever: a worker
        killed while it held the byte (out of memory, say) ends the run with an error, and a worker
        whose parent is gone ends itself."""
        import select

        while True:
            try:
                if os.read(self.lock[0], 1):
                    return
            except BlockingIOError:  # another process took it first
                pass
            if select.select([self.lock[0]], [], [], _LOCK_WAIT)[0]:
                continue
            if os.getpid() != self.parent:
                if os.getppid() != self.parent:
                    os._exit(1)
            elif any(_ended(pid) for pid in self.workers):
                raise NewslintError("a worker process ended while it held the list of files")

    def take(self, front: bool, most: int = CHUNK) -> tuple[int, int] | None:
        self._acquire()
        try:
            a, b = self.ends
            if a >= b:
                return None
            size = max(1, min(most, (b - a) // (self.jobs * 4)))
            if front:
                self.ends[0] = a + size
                return a, a + size
            self.ends[1] = b - size
            return b - size, b
        finally:
            os.write(self.lock[1], b".")

    def close(self) -> None:
        try:
            self._acquire()
        except NewslintError:
            return  # the lock is lost: the workers are stopped anyway
        self.ends[1] = self.ends[0]
        os.write(self.lock[1], b".")


_LOCK_WAIT = 2.0  # seconds the lock's byte may be away before its holder is checked (it holds it microseconds)


def _ended(pid: int) -> bool:
    """The process ``pid``, a child of this one, has ended (it is left unreaped: the pool waits for it)."""
    try:
        return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True  # reaped already
    except (AttributeError, OSError):
        return False


def _send(fd: int, obj) -> None:
    """Write ``obj`` pickled, after its length, to the pipe ``fd``."""
    import pickle

    data = pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)
    view = memoryview(len(data).to_bytes(8, "little") + data)
    while view:
        view = view[os.write(fd, view) :]


def _recv(fd: int):
    """What _send() wrote to the pipe ``fd``; EOFError when it is closed."""
    import pickle

    return pickle.loads(_read(fd, int.from_bytes(_read(fd, 8), "little")))


def _read(fd: int, n: int) -> bytes:
    """``n`` bytes of the pipe ``fd``; EOFError when it is closed before."""
    parts = []
    while n:
        part = os.read(fd, min(n, PIPE_SIZE))
        if not part:
            raise EOFError
        parts.append(part)
        n -= len(part)
    return b"".join(parts)


def _work(spans: _Spans, paths: list[Path], job: tuple, fd: int) -> None:
    """A worker: lint chunks from the back until none is left, sending each chunk's results."""
    linter, cache, keep = job
    os.environ.setdefault("NEWSLINT_WORKER", "1")
    span = None
    try:
        while (span := spans.take(False)) is not None:
            out = []
            for result in lint_batch(linter, paths[span[0] : span[1]], cache):
                # the document is not sent back, nor the text where the report does not read it
                result = _trimmed(result, keep)
                out.append((result.path, result.error, result.source, [_pack(f) for f in result.findings]))
            _send(fd, (span[0], out))
    except KeyboardInterrupt:
        pass
    except BaseException as exc:  # a rule's error ends the run, raised where its chunk comes in order
        try:
            _send(fd, (span[0] if span else 0, exc))
        except Exception:
            _send(fd, (span[0] if span else 0, NewslintError(repr(exc))))
    finally:
        os.close(fd)


def lint_in_pool(
    linter: Linter, paths: list[Path], cache: ResultCache | None, jobs: int, keep: str
) -> Iterator[FileResult]:
    """Yield a FileResult per path, in order, linted by this process and ``jobs - 1`` workers."""
    import select

    from newslint import metrics

    metrics.expect_many_documents()  # every process reads readability's store early, not after learning
    _reap(block=False)
    spans = _Spans(len(paths), jobs)
    job = (linter, cache, keep)
    workers: list[int] = []
    readers: list[int] = []
    received: dict[int, list | BaseException] = {}
    poller = select.poll()

    def start() -> None:
        reader, writer = os.pipe()
        try:
            import fcntl

            fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
        except (ImportError, AttributeError, OSError):
            pass  # a smaller pipe: the worker may wait for this process to read
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the worker: no atexit handlers, no flushing of this process's buffers
            try:
                os.close(reader)
                _work(spans, paths, job, writer)
                from newslint import regexcache, usercache

                regexcache.save()  # the patterns only this worker compiled (it runs no atexit)
                usercache.save_learned()  # and the words it learned
            finally:
                os._exit(0)
        os.close(writer)
        workers.append(pid)
        spans.workers.append(pid)
        readers.append(reader)
        poller.register(reader, select.POLLIN)

    def drain(block: bool) -> None:
        """Rebuild the results the workers have sent (``block``: wait for one at least)."""
        while readers and (ready := poller.poll(None if block else 0)):
            block = False
            for reader, _ in ready:
                try:
                    at, out = _recv(reader)
                except EOFError:
                    poller.unregister(reader)
                    readers.remove(reader)
                    os.close(reader)
                    continue
                received[at] = out if isinstance(out, BaseException) else list(map(_unpack, out))

    finished = False
    try:
        done = 0
        first = True
        while (span := spans.take(True, 1 if first else CHUNK)) is not None:
            for result in lint_batch(linter, paths[span[0] : span[1]], cache):
                yield _trimmed(result, keep)
            done = span[1]
            if first:
                first = False
                # the first file loaded the data the rules read (word lists, gazetteer...): the workers
                # forked now share it, and it stays shared (no copy-on-write by the collector)
                gc.freeze()
                for _ in range(jobs - 1):
                    start()
            drain(False)
        while readers:
            drain(True)
        for at in sorted(received):
            out = received.pop(at)
            if at != done:
                break
            if isinstance(out, BaseException):
                raise out
            yield from out
            done += len(out)
        if done != len(paths):
            raise NewslintError("a worker process ended before it had linted its files")
        finished = True
    finally:
        spans.close()
        for pid in workers:
            if finished:  # it has sent all it linted: its exit (its memory freed, ~5 ms) overlaps the report
                _ending.append(pid)
                continue
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        if _ending:
            import atexit

            atexit.unregister(_reap)
            atexit.register(_reap)
        for fd in [*readers, *spans.lock]:
            os.close(fd)


_ending: list[int] = []  # workers that sent all their results, not reaped yet


def _reap(block: bool = True) -> None:
    """Reap the workers of _ending (at exit; without waiting, before the next pool starts)."""
    for pid in list(_ending):
        try:
            if os.waitpid(pid, 0 if block else os.WNOHANG)[0] == 0:
                continue
        except ChildProcessError:
            pass
        _ending.remove(pid)
