"""Entry points: :func:`parse`, :func:`parse_file`, :func:`iter_records`.

Orchestration only: decode and normalise the input, pick the format, run its parser,
collect diagnostics. No parsing happens here.
"""

from __future__ import annotations

import gc
import glob
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import IO

from pqparse.errors import ParseError, UnknownFormatError
from pqparse.formats import FORMATS, Format, best_format
from pqparse.models import Diagnostic, Document, WrittenQuestion
from pqparse.report import Report
from pqparse.text.decode import prepare_text

__all__ = [
    "MAX_INPUT_SIZE",
    "iter_parse_many",
    "iter_records",
    "parse",
    "parse_file",
    "parse_many",
]

#: ``parse`` refuses inputs larger than this many characters/bytes (streaming has no limit).
MAX_INPUT_SIZE = 200 * 1024 * 1024

UNKNOWN_FORMAT = "unknown"


def _format_named(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormatError(
            f"no format named {name!r} (supported: {', '.join(FORMATS)})", code="PQ101"
        ) from None


def parse(
    source: str | bytes,
    *,
    format: str | None = None,
    strict: bool = False,
    url: str | None = None,
    max_size: int = MAX_INPUT_SIZE,
) -> Document:
    """Parse one document (page text, HTML, JSON or XML) into a :class:`Document`.

    Lenient (default): always returns, with diagnostics for what could not be read.
    Strict: raises :class:`ParseError` at the first error.
    """
    if not isinstance(source, str | bytes):
        raise TypeError(f"parse() needs str or bytes, not {type(source).__name__}")
    fmt = _format_named(format) if format is not None else None
    report = Report(strict=strict)
    if len(source) > max_size:
        report.add(
            "PQ500", f"input of {len(source):,} exceeds max_size={max_size:,}; use iter_records"
        )
        return Document(
            format=fmt.name if fmt else UNKNOWN_FORMAT,
            diagnostics=tuple(report.diagnostics),
            url=url,
        )
    text, notes = prepare_text(source)
    report.text = text
    for note in notes:
        report.add("PQ400", note)
    if fmt is None:
        name, _score = best_format(text)
        if name is None:
            report.add(
                "PQ101", f"the input matches no known format (supported: {', '.join(FORMATS)})"
            )
            return Document(
                format=UNKNOWN_FORMAT, diagnostics=tuple(report.diagnostics), text=text, url=url
            )
        fmt = FORMATS[name]
    return _run(fmt, text, report, url)


def _run(fmt: Format, text: str, report: Report, url: str | None) -> Document:
    try:
        parsed = fmt.parse(text, report)
    except ParseError:
        raise
    except Exception as exc:  # a parser bug must not take the caller down
        report.add(
            "PQ199", f"internal parser error ({type(exc).__name__}: {exc}); please report it"
        )
        return Document(format=fmt.name, diagnostics=tuple(report.diagnostics), text=text, url=url)
    # PQ107: a superseded version of a day holds no records by design; that is no error
    if not parsed.records and not any(
        d.level == "error" or d.code == "PQ107" for d in report.diagnostics
    ):
        report.add("PQ100", f"no {fmt.name} records found")
    return Document(
        format=fmt.name,
        records=parsed.records,
        diagnostics=tuple(report.diagnostics),
        text=parsed.text,
        url=url,
    )


def parse_file(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    strict: bool = False,
) -> Document:
    """Read and parse one file (bytes are decoded as :func:`parse` describes).

    ``Document.url`` is the file's ``file://`` URI, so every record knows its source.
    """
    return _parse_path(Path(path), format, strict, None)


#: Resolved directories of one batch, keyed by (working directory, directory as given).
_ResolvedDirectories = dict[tuple[str, str], Path]


def _parse_path(
    file: Path, format_name: str | None, strict: bool, directories: _ResolvedDirectories | None
) -> Document:
    data = file.read_bytes()
    return parse(data, format=format_name, strict=strict, url=_file_uri(file, directories))


def _file_uri(file: Path, directories: _ResolvedDirectories | None) -> str:
    """``file.resolve().as_uri()``; with ``directories``, each directory is resolved once.

    A batch of files in one folder then costs one ``lstat`` per file instead of one per
    path component. Exact: a file that is no symbolic link resolves to its resolved folder
    plus its name.
    """
    if directories is None or file.name in ("", "..") or file.is_symlink():
        return file.resolve().as_uri()
    parent = file.parent
    key = (os.getcwd(), str(parent))
    folder = directories.get(key)
    if folder is None:
        folder = directories[key] = parent.resolve()
    return (folder / file.name).as_uri()


def _paths(pattern: str | os.PathLike[str]) -> list[Path]:
    path = Path(pattern)
    if path.is_dir():
        return sorted(
            p for p in path.rglob("*") if p.is_file() and not p.name.endswith(".expected.json")
        )
    if path.exists():
        return [path]
    return sorted(Path(p) for p in glob.glob(str(pattern), recursive=True) if Path(p).is_file())


def iter_records(
    path_or_file: str | os.PathLike[str] | IO[bytes] | Iterable[str | os.PathLike[str]],
    *,
    format: str | None = None,
) -> Iterator[WrittenQuestion]:
    """Stream records from a file, an open binary file, a directory or a glob.

    Structured formats (API JSON / JSON Lines, XML) are read incrementally in constant
    memory; page formats are parsed one file at a time.
    """
    if hasattr(path_or_file, "read"):
        yield from _stream(path_or_file, format)  # type: ignore[arg-type]
        return
    if isinstance(path_or_file, str | os.PathLike):
        paths = _paths(path_or_file)
    else:
        paths = [Path(p) for p in path_or_file]
    for path in paths:
        with open(path, "rb") as handle:
            yield from _stream(handle, format)


_SNIFF = 64 * 1024


def _stream(handle: IO[bytes], format_name: str | None) -> Iterator[WrittenQuestion]:
    head = handle.read(_SNIFF)
    fmt = _format_named(format_name) if format_name else None
    if fmt is None:
        name, _ = best_format(prepare_text(head)[0])
        fmt = FORMATS[name] if name else None
    if fmt is not None and fmt.stream is not None:
        handle.seek(0)
        yield from fmt.stream(handle, Report())
        return
    data = head + handle.read()
    yield from parse(data, format=fmt.name if fmt else None).records


Source = str | os.PathLike[str] | bytes


def _failed(code: str, message: str, format_name: str | None) -> Document:
    diagnostic = Diagnostic(level="error", code=code, message=message, span=None)
    return Document(format=format_name or UNKNOWN_FORMAT, diagnostics=(diagnostic,))


def _parse_one(
    item: Source,
    format_name: str | None,
    strict: bool,
    directories: _ResolvedDirectories | None = None,
) -> Document:
    """Parse one batch item; every failure becomes a Document with an error diagnostic."""
    try:
        if isinstance(item, bytes):
            return parse(item, format=format_name, strict=strict)
        return _parse_path(Path(item), format_name, strict, directories)
    except ParseError as exc:
        return _failed(exc.code, f"{item!s:.200}: {exc}", format_name)
    except OSError as exc:
        return _failed("PQ501", f"cannot read {item!s:.200}: {exc.strerror or exc}", format_name)


#: Upper and lower bounds of a batch sent to a pool process in one round trip.
_MAX_CHUNK = 256
_MIN_CHUNK = 8
#: Batches queued per pool process, so that none waits for the next while the caller is busy.
_QUEUED_PER_PROCESS = 2


def _parse_chunk(items: list[Source], format_name: str | None, strict: bool) -> list[Document]:
    """Parse one batch (in a pool process or in the caller)."""
    directories: _ResolvedDirectories = {}
    return [_parse_one(item, format_name, strict, directories) for item in items]


def _parse_serially(
    items: list[Source], format_name: str | None, strict: bool
) -> Iterator[Document]:
    """Parse one item at a time in this process; folders are resolved once per batch."""
    directories: _ResolvedDirectories = {}
    for count, item in enumerate(items, 1):
        yield _parse_one(item, format_name, strict, directories)
        if count % _MAX_CHUNK == 0:
            directories = {}


def _chunk_bounds(count: int, workers: int, chunksize: int | None) -> list[tuple[int, int]]:
    """``[start, stop)`` of each batch: ``chunksize`` items, or guided sizes.

    Guided: large batches while much is left (few round trips), shrinking towards the end,
    so that no process sits idle while another finishes a long batch.
    """
    if chunksize is not None and chunksize < 1:
        raise ValueError("chunksize must be >= 1")
    bounds = []
    start = 0
    while start < count:
        size = chunksize or max(_MIN_CHUNK, min(_MAX_CHUNK, (count - start) // (workers * 4)))
        bounds.append((start, min(count, start + size)))
        start += size
    return bounds


def _portable(item: Source) -> Source:
    """A path as its string (cheap to pickle); :func:`parse_file` reads it the same way."""
    return str(item) if isinstance(item, Path) else item


def _parse_here(
    items: list[Source], format_name: str | None, strict: bool
) -> Future[list[Document]]:
    """Parse a batch in this process; an exception surfaces when the batch's turn comes."""
    future: Future[list[Document]] = Future()
    try:
        future.set_result(_parse_chunk(items, format_name, strict))
    except Exception as exc:  # e.g. a TypeError for an item that is no source at all
        future.set_exception(exc)
    return future


def _parse_shared(
    items: list[Source], workers: int, format_name: str | None, strict: bool, chunksize: int | None
) -> Iterator[Document]:
    """Parse ``items`` in this process and ``workers - 1`` pool processes, yielding in order.

    Batches go out in input order to whichever side is free: the pool keeps a few queued,
    the caller parses the next one itself instead of waiting. Only the pool's share is pickled.
    """
    bounds = _chunk_bounds(len(items), workers, chunksize)
    done: dict[int, Future[list[Document]]] = {}
    queued: set[Future[list[Document]]] = set()
    depth = _QUEUED_PER_PROCESS * (workers - 1)
    taken = 0  # batches handed out so far, to the pool or to this process
    # gc.freeze: a forked pool process never scans the heap it inherited, so it neither
    # spends time on it nor copies its pages
    pool = ProcessPoolExecutor(max_workers=workers - 1, initializer=gc.freeze)
    try:
        for index in range(len(bounds)):
            while True:
                queued = {f for f in queued if not f.done()}
                while taken < len(bounds) and len(queued) < depth:
                    start, stop = bounds[taken]
                    chunk = [_portable(item) for item in items[start:stop]]
                    future = pool.submit(_parse_chunk, chunk, format_name, strict)
                    done[taken] = future
                    queued.add(future)
                    taken += 1
                result = done[index]
                if result.done() or taken == len(bounds):
                    break
                start, stop = bounds[taken]  # the next batch is ours while the pool works
                done[taken] = _parse_here(items[start:stop], format_name, strict)
                taken += 1
            yield from done.pop(index).result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def iter_parse_many(
    sources: Iterable[Source],
    *,
    workers: int | None = None,
    format: str | None = None,
    strict: bool = False,
    chunksize: int | None = None,
) -> Iterator[Document]:
    """Like :func:`parse_many`, yielding documents in input order as they are ready."""
    items = list(sources)
    workers = (os.cpu_count() or 1) if workers is None else max(1, workers)
    if workers == 1 or len(items) < 2:
        yield from _parse_serially(items, format, strict)
        return
    yield from _parse_shared(items, workers, format, strict, chunksize)


def parse_many(
    sources: Iterable[Source],
    *,
    workers: int | None = None,
    format: str | None = None,
    strict: bool = False,
    chunksize: int | None = None,
) -> list[Document]:
    """Parse many files (paths) or byte strings over ``workers`` processes.

    Results come back in input order. A failure (unreadable file, strict-mode error) never
    stops the batch: that item's Document carries the error diagnostic and no records.
    ``workers=None`` uses every core. The calling process is one of the ``workers``: it
    parses batches itself next to a pool of ``workers - 1`` processes (``workers=1``: no pool).
    ``chunksize`` fixes the batch size (default: large batches, shrinking towards the end).
    """
    return list(
        iter_parse_many(sources, workers=workers, format=format, strict=strict, chunksize=chunksize)
    )
