"""Latency from `didChange` to `publishDiagnostics` on the example profile with the example
corpus, one keystroke at a time (each edit waits for its diagnostics). The numbers are printed
at the end of the run."""

from __future__ import annotations

import statistics
import time

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

import conftest
from conftest import ROOT, next_diagnostics, open_document, server_config, start_session

EDITS = 60
EXAMPLES = ROOT / "examples"
EXAMPLE = EXAMPLES / "weak-profile.yaml"


@pytest_lsp.fixture(config=server_config())
async def corpus_client(lsp_client: LanguageClient):
    """An editor opened on examples/, whose .profilelint.yml names the example corpus."""
    await start_session(lsp_client, "visual-studio-code", EXAMPLES)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=server_config())
async def undebounced_client(lsp_client: LanguageClient):
    """The same, linting on every change at once (debounce 0)."""
    await start_session(lsp_client, "visual-studio-code", EXAMPLES, options={"debounceMilliseconds": 0})
    yield
    await lsp_client.shutdown_session()


async def measure(client: LanguageClient, label: str) -> list[float]:
    text = EXAMPLE.read_text()
    uri = EXAMPLE.as_uri()
    opened = await next_diagnostics(client, uri, lambda: open_document(client, uri, text), version=1)
    assert opened.diagnostics, "the weak example profile should have findings"
    corpus_lines = [m.message for m in client.log_messages if m.message.startswith("loaded a corpus of ")]
    assert len(corpus_lines) == 1 and not corpus_lines[0].startswith("loaded a corpus of 0 "), corpus_lines
    # Type and delete a character at the end of the first line, one keystroke per edit.
    end_of_line = len(text.splitlines()[0].encode("utf-16-le")) // 2
    samples = []
    for version in range(2, EDITS + 2):
        typing = version % 2 == 0
        start = types.Position(line=0, character=end_of_line)
        end = start if typing else types.Position(line=0, character=end_of_line + 1)
        edit = types.TextDocumentContentChangePartial(range=types.Range(start=start, end=end), text="x" if typing else "")
        sent = time.perf_counter()
        published = await next_diagnostics(
            client, uri,
            lambda: client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[edit])),
            version=version,
        )
        samples.append((time.perf_counter() - sent) * 1000)
        assert len(published.diagnostics) == len(opened.diagnostics)
    # The corpus was read once, when the session started, not per edit.
    assert len([m for m in client.log_messages if m.message.startswith("lint environment ready")]) == 1
    conftest.LATENCIES_MS[label] = samples
    return samples


async def test_latency_with_default_debounce(corpus_client: LanguageClient):
    samples = await measure(corpus_client, "example corpus, default debounce (50 ms)")
    # The debounce delay is the floor; linting and the round trip add little on top.
    assert 50 <= statistics.median(samples) < 1000


async def test_latency_without_debounce(undebounced_client: LanguageClient):
    samples = await measure(undebounced_client, "example corpus, no debounce")
    assert statistics.median(samples) < 1000
