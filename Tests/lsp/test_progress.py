"""Work-done progress while the corpus loads, only for clients that declare support."""

from __future__ import annotations

import asyncio

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

from conftest import next_diagnostics, open_document, server_config

PROFILE = "title: Bookkeeper\nskills: [Xero]\n"

# Job posts written for this test.
POSTS = "".join(
    f"- title: Monthly bookkeeping for shop {n}\n"
    f"  description: Reconcile card payments and supplier bills in Xero every month, batch {n}.\n"
    f"  skills: [Xero, Bookkeeping]\n"
    for n in range(30)
)


async def start(client: LanguageClient, tmp_path, work_done_progress: bool):
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    (jobs / "posts.yaml").write_text(POSTS)
    capabilities = client_capabilities("visual-studio-code")
    capabilities.window.work_done_progress = work_done_progress
    await client.initialize_session(
        types.InitializeParams(capabilities=capabilities, root_uri=tmp_path.as_uri(),
                               initialization_options={"corpus": [str(jobs)]})
    )


async def finished_progress(client: LanguageClient):
    """The reports of the first progress that has ended (waits up to 20 s)."""
    for _ in range(200):
        for values in client.progress_reports.values():
            if values and isinstance(values[-1], types.WorkDoneProgressEnd):
                return values
        await asyncio.sleep(0.1)
    return None


@pytest_lsp.fixture(config=server_config())
async def bare_client(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


async def test_progress_begins_reports_and_ends_while_the_corpus_loads(bare_client: LanguageClient, tmp_path):
    client = bare_client
    await start(client, tmp_path, work_done_progress=True)
    uri = (tmp_path / "profile.yaml").as_uri()
    await next_diagnostics(client, uri, lambda: open_document(client, uri, PROFILE), version=1)
    values = await finished_progress(client)
    assert values, client.progress_reports
    begin, *reports, end = values
    assert isinstance(begin, types.WorkDoneProgressBegin) and begin.title == "Loading rules and job posts"
    assert begin.cancellable is False
    assert all(isinstance(r, types.WorkDoneProgressReport) and 0 <= r.percentage <= 100 for r in reports)
    assert "30 job posts" in end.message, end.message


async def test_no_progress_without_the_capability(bare_client: LanguageClient, tmp_path):
    client = bare_client
    await start(client, tmp_path, work_done_progress=False)
    uri = (tmp_path / "profile.yaml").as_uri()
    await next_diagnostics(client, uri, lambda: open_document(client, uri, PROFILE), version=1)
    await asyncio.sleep(0.5)
    assert client.progress_reports == {}
