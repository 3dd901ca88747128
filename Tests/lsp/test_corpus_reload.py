"""The server watches the configured corpus and re-lints open profiles when a job-post file changes."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import next_diagnostics, open_document

PROFILE = "title: Data Analyst\nskills: [LookerStudio, SQL]\n"

# Three small job posts written for this test; two of them tag the skill 'Looker Studio',
# so the profile's 'LookerStudio' reads as a misspelling of the posts' tag.
POSTS = """\
- title: Weekly sales charts for a bakery chain
  description: A data analyst to chart till exports by shop and by week.
  skills: [{tool}, SQL, Dashboard]
- title: Data analyst for marketing reports
  description: Join ad spend sheets and chart the cost of each lead.
  skills: [{tool}, Google Sheets, Data Visualization]
- title: Data analyst to study churn in a gym app
  description: Query member visits in SQL and find out who stops coming.
  skills: [SQL, Data Analysis]
"""


def spelling(params):
    return [d for d in params.diagnostics if d.code == "corpus-skill-spelling"]


async def test_corpus_change_rebuilds_the_corpus_and_relints(client: LanguageClient, tmp_path):
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    posts = jobs / "posts.yaml"
    posts.write_text(POSTS.format(tool="Looker Studio"))
    config = tmp_path / ".profilelint.yml"
    config.write_text("corpus: [jobs/]\n")
    # The configuration appeared after initialization: the server rebuilds with the corpus.
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)])
    )

    uri = (tmp_path / "profile.yaml").as_uri()
    opened = await next_diagnostics(client, uri, lambda: open_document(client, uri, PROFILE), version=1)
    [finding] = spelling(opened)
    assert "'Looker Studio'" in finding.message, finding.message

    # The server asked the editor to watch the corpus directory.
    registered = [client.protocol._converter.unstructure(r.register_options)["watchers"] for r in client.registrations]
    corpus_watchers = [w for watchers in registered for w in watchers if str(jobs) in str(w["globPattern"])]
    assert corpus_watchers, registered

    # No post tags 'Looker Studio' any more: the finding goes once the change is reported.
    posts.write_text(POSTS.format(tool="Tableau"))
    reloaded = await next_diagnostics(
        client, uri,
        lambda: client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=posts.as_uri(), type=types.FileChangeType.Changed)])
        ),
        version=1,
    )
    assert spelling(reloaded) == [], reloaded.diagnostics

    # A new post file under the corpus directory brings the spelling back.
    added = jobs / "more.yaml"
    added.write_text(POSTS.format(tool="Looker Studio"))
    grown = await next_diagnostics(
        client, uri,
        lambda: client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=added.as_uri(), type=types.FileChangeType.Created)])
        ),
        version=1,
    )
    assert len(spelling(grown)) == 1, grown.diagnostics

    # Deleting it is a change too.
    added.unlink()
    shrunk = await next_diagnostics(
        client, uri,
        lambda: client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=added.as_uri(), type=types.FileChangeType.Deleted)])
        ),
        version=1,
    )
    assert spelling(shrunk) == [], shrunk.diagnostics
