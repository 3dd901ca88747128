"""Shared fixtures for the Language Server suite: start `profilelint lsp` and drive it
with pytest-lsp's real LSP client (pygls), as an editor would."""

from __future__ import annotations

import asyncio
import atexit
import os
import pathlib
import shutil
import statistics
import tempfile
import time

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import make_test_lsp_client

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"


def server_binary() -> str:
    """The binary under test: $PROFILELINT_BIN (set by the Swift test), else the debug build."""
    binary = os.environ.get("PROFILELINT_BIN") or str(ROOT / ".build" / "debug" / "profilelint")
    if not os.path.exists(binary):
        pytest.exit(f"profilelint binary not found at {binary}; run `swift build` or set PROFILELINT_BIN", 2)
    return binary


def make_client() -> LanguageClient:
    """pytest-lsp's client, plus an answer to `client/registerCapability` (which the editors
    whose capabilities the tests announce support); registrations are recorded."""
    client = make_test_lsp_client()
    client.registrations = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams):
        client.registrations.extend(params.registrations)

    return client


def cache_directory() -> str:
    """One temporary corpus cache for the whole run, removed when it ends."""
    global _CACHE_DIRECTORY
    if _CACHE_DIRECTORY is None:
        _CACHE_DIRECTORY = tempfile.mkdtemp(prefix="profilelint-lsp-cache-")
        atexit.register(shutil.rmtree, _CACHE_DIRECTORY, True)
    return _CACHE_DIRECTORY


_CACHE_DIRECTORY: str | None = None


def server_config() -> ClientServerConfig:
    env = dict(os.environ)
    env.setdefault("PROFILELINT_RULES", str(ROOT / "rules"))
    env.setdefault("PROFILELINT_NO_BUILTIN_RULES", "1")  # the checkout's rules in place of the built-in copy
    env.setdefault("PROFILELINT_CACHE_DIR", cache_directory())  # not the user's own corpus cache
    return ClientServerConfig(server_command=[server_binary(), "lsp"], server_env=env, client_factory=make_client)


async def start_session(client: LanguageClient, editor: str, root: pathlib.Path, options=None):
    return await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(editor),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="workspace")],
            initialization_options=options,
        )
    )


@pytest_lsp.fixture(config=server_config())
async def client(lsp_client: LanguageClient, tmp_path):
    """A VS Code-like client: UTF-16 positions, versioned workspace edits."""
    lsp_client.initialize_result = await start_session(lsp_client, "visual-studio-code", tmp_path)
    lsp_client.workspace = tmp_path
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=server_config())
async def utf8_client(lsp_client: LanguageClient, tmp_path):
    """A Neovim 0.11-like client: offers UTF-8 positions first."""
    lsp_client.initialize_result = await start_session(lsp_client, "neovim@v0.11.0", tmp_path)
    lsp_client.workspace = tmp_path
    yield
    await lsp_client.shutdown_session()


PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
TIMEOUT = 20


async def next_diagnostics(client: LanguageClient, uri: str, action, version: int | None = None):
    """Runs `action` and returns the next publishDiagnostics for `uri` (of `version` when given)."""
    deadline = time.monotonic() + TIMEOUT
    waiter = client.protocol.wait_for_notification_async(PUBLISH)
    action()
    while True:
        params = await asyncio.wait_for(waiter, max(0.1, deadline - time.monotonic()))
        if params.uri == uri and (version is None or params.version == version):
            return params
        waiter = client.protocol.wait_for_notification_async(PUBLISH)


def open_document(client: LanguageClient, uri: str, text: str, language="yaml", version=1):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)
        )
    )


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# Latency samples (milliseconds) by setting, filled by test_latency.py, reported at the end of the run.
LATENCIES_MS: dict[str, list[float]] = {}


def pytest_terminal_summary(terminalreporter):
    for label, samples in LATENCIES_MS.items():
        terminalreporter.write_line(
            "didChange -> publishDiagnostics, %s: median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms over %d edits"
            % (label, statistics.median(samples), statistics.quantiles(samples, n=10)[-1],
               min(samples), max(samples), len(samples))
        )
