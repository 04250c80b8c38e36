"""A large records file read by a child process (`read_ahead`): the same document and the
same records as the command reading it itself; a child that fails, dies or declines leaves
the reading to the command, with the same refusals; a child not waited for is stopped; no
child where forking is unsafe or pointless."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from backends import Database
from presence_postale.errors import InvalidData
from presence_postale.formats import read_ahead, seed
from presence_postale.formats.read_ahead import Unread, reading

SEED = seed.bundled_seed()


def _large(tmp_path: Path, text: str, name: str = "large.yaml") -> Path:
    """`text` after a heading that makes the file large enough for a child: comment lines
    (blank ones before JSON)."""
    path = tmp_path / name
    line = "\n" * 50 if name.endswith(".json") else "# une ligne qui ne dit rien d'utile ici\n"
    heading = line * 7000
    path.write_text(heading + text, encoding="utf-8")
    assert path.stat().st_size >= read_ahead.SMALLEST
    return path


def _records(records: seed.Records) -> list[tuple[str, int, Any, Any, int]]:
    return [
        (section, item.index, item.values, item.raw, item.line)
        for section, items in records
        for item in items
    ]


def _gone(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True  # reaped: no zombie left
    return False


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_the_child_gives_the_document_the_command_would_read(
    cli: Callable[..., Result], seeded_db: Database, tmp_path: Path, fmt: str
) -> None:
    exported = tmp_path / f"export.{fmt}"
    done = cli("export", "records", "--include-personal", "--format", fmt, "-o", str(exported))
    assert done.exit_code == 0, done.stderr
    path = _large(tmp_path, exported.read_text(encoding="utf-8"), f"large.{fmt}")
    with reading(path, seed.read_fast, force=True) as ahead:
        assert ahead is not None
        pid = ahead._pid
        document = ahead.document()
    assert document == seed.fast_document(seed.read_text(path))
    assert pid is not None and _gone(pid)
    with reading(path, seed.read_fast, force=True) as ahead:
        loaded = seed.load(path, exact=False, defer=True, ahead=ahead)
    alone = seed.load(path, exact=False, defer=True)
    assert not loaded.exact and _records(loaded) == _records(alone)
    assert loaded.count() > 100


def test_a_file_the_fast_readers_decline_is_read_exactly_with_its_lines(tmp_path: Path) -> None:
    path = _large(tmp_path, "departments: [{code: '95', name: Val-d'Oise}]\n")
    with reading(path, seed.read_fast, force=True) as ahead:
        assert ahead is not None
        loaded = seed.load(path, exact=False, defer=True, ahead=ahead)
    assert loaded.exact
    (item,) = loaded.sections["departments"]
    assert item.values == {"code": "95", "name": "Val-d'Oise"} and item.line == 7001


def _fails(path: Path) -> Any:
    raise RuntimeError("lecture impossible")


def _dies(path: Path) -> Any:
    os.kill(os.getpid(), signal.SIGKILL)


def _lies(path: Path) -> Any:
    return {"sites": [{"id": "FAUX", "name": "Lu par personne", "kind": "mairie"}]}


@pytest.mark.parametrize("read", [_fails, _dies])
def test_a_child_that_fails_or_dies_leaves_the_reading_to_the_command(
    tmp_path: Path, read: Any
) -> None:
    path = _large(tmp_path, SEED.read_text(encoding="utf-8"))
    with reading(path, read, force=True) as ahead:
        assert ahead is not None
        with pytest.raises(Unread):
            ahead.document()
    with reading(path, read, force=True) as ahead:
        loaded = seed.load(path, exact=False, defer=True, ahead=ahead)
    assert _records(loaded) == _records(seed.load(path, exact=False, defer=True))


def test_the_child_reads_only_through_the_function_it_is_given(tmp_path: Path) -> None:
    path = _large(tmp_path, "departments:\n  - code: '95'\n    name: Val-d'Oise\n")
    with reading(path, _lies, force=True) as ahead:
        loaded = seed.load(path, exact=False, defer=True, ahead=ahead)
    assert [item.raw for item in loaded.sections["sites"]] == [
        {"id": "FAUX", "name": "Lu par personne", "kind": "mairie"}
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("sites:\n  - id: X1\n    kind: mairie\n    name: [1, 2]\n", "sites[0].name"),
        ("sites:\n  - id: X1\n    kind: mairie\n    name: A\n    name: B\n", "name"),
        ("sites:\n\t- id: X1\n", "tabulation"),
    ],
)
def test_a_refusal_is_the_same_with_a_child_and_names_the_line(
    tmp_path: Path, text: str, words: str
) -> None:
    path = _large(tmp_path, text)
    with pytest.raises(InvalidData) as alone:
        seed.load(path, exact=False, defer=False)
    with reading(path, seed.read_fast, force=True) as ahead, pytest.raises(InvalidData) as read:
        seed.load(path, exact=False, defer=False, ahead=ahead)
    assert str(read.value) == str(alone.value)
    assert words in str(read.value) and "700" in str(read.value)  # its line, past the heading


def _sleeps(path: Path) -> Any:
    time.sleep(60)


def test_a_child_not_waited_for_is_stopped_and_reaped(tmp_path: Path) -> None:
    path = _large(tmp_path, "version: 1\n")
    with reading(path, _sleeps, force=True) as ahead:
        assert ahead is not None
        pid = ahead._pid
    assert pid is not None and _gone(pid)


def test_no_child_while_other_threads_run(tmp_path: Path) -> None:
    path = _large(tmp_path, "version: 1\n")
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        with reading(path, seed.read_fast) as ahead:
            assert ahead is None
    finally:
        stop.set()
        worker.join()
    with reading(path, seed.read_fast) as ahead:
        assert (ahead is not None) == (len(os.sched_getaffinity(0)) > 1)  # one core: none
        assert ahead is None or ahead.document() is not None


def test_no_child_for_a_small_file_a_pipe_or_nothing(tmp_path: Path) -> None:
    small = tmp_path / "small.yaml"
    small.write_text("version: 1\n", encoding="utf-8")
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    for path in (small, pipe, tmp_path / "missing.yaml", tmp_path):
        with reading(path, seed.read_fast) as ahead:
            assert ahead is None, path
    with reading(pipe, seed.read_fast, force=True) as ahead:
        assert ahead is None  # a pipe is read once: never by a child


def test_no_child_when_the_system_has_no_process_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _large(tmp_path, "version: 1\n")

    def refused() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    opened = len(os.listdir("/proc/self/fd"))
    with reading(path, seed.read_fast, force=True) as ahead:
        assert ahead is None
    assert len(os.listdir("/proc/self/fd")) == opened  # the pipe closed


def test_the_child_is_followed_though_its_pipe_is_numbered_past_1024(tmp_path: Path) -> None:
    """A process started with many open files (inherited) gets a pipe numbered after them,
    which `select` refuses: waiting for the child must not depend on the number."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1100:
        pytest.skip("the system allows fewer than 1100 open files")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 1100), hard))
    held: list[int] = []
    try:
        while not held or held[-1] < 1030:
            held.append(os.open(os.devnull, os.O_RDONLY))
        path = _large(tmp_path, SEED.read_text(encoding="utf-8"))
        with reading(path, seed.read_fast, force=True) as ahead:
            assert ahead is not None
            while ahead.busy():
                time.sleep(0.001)
            assert ahead.document() == seed.read_fast(path)
    finally:
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_no_child_with_one_core_to_run_on(tmp_path: Path) -> None:
    path = _large(tmp_path, "version: 1\n")
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})
    try:
        with reading(path, seed.read_fast) as ahead:
            assert ahead is None
    finally:
        os.sched_setaffinity(0, cores)
    if len(cores) > 1:
        with reading(path, seed.read_fast) as ahead:
            assert ahead is not None
            assert ahead.document() is not None
