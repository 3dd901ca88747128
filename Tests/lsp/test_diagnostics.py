"""Open -> diagnostics -> edit -> diagnostics, in UTF-16 and UTF-8 position encodings."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import FIXTURES, next_diagnostics, open_document, utf16_length

# 16 skill tags on one line, an astral emoji (two UTF-16 code units, four UTF-8 bytes)
# before the 16th tag, which is what `skills-limit` points at.
SKILLS_LINE = "skills: [🚀 Launch Strategy, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p]"
PROFILE = 'title: "Growth Marketer 📈"\n' + SKILLS_LINE + "\n"
FLAGGED = SKILLS_LINE.index("p]")


def change(client: LanguageClient, uri: str, version: int, changes):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=changes,
        )
    )


def limit_diagnostics(params):
    return [d for d in params.diagnostics if d.code == "skills-limit"]


async def test_server_announces_capabilities(client: LanguageClient):
    capabilities = client.initialize_result.capabilities
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf16
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert capabilities.text_document_sync.open_close is True
    assert capabilities.hover_provider is True
    assert list(capabilities.code_action_provider.code_action_kinds) == [types.CodeActionKind.QuickFix]


async def test_utf16_columns_and_incremental_edits(client: LanguageClient, tmp_path):
    uri = (tmp_path / "profile.yaml").as_uri()
    opened = await next_diagnostics(client, uri, lambda: open_document(client, uri, PROFILE), version=1)
    [diagnostic] = limit_diagnostics(opened)
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.source == "profilelint"
    assert "16 skill tags" in diagnostic.message
    # UTF-16 columns: the rocket counts as two code units.
    assert diagnostic.range.start == types.Position(line=1, character=utf16_length(SKILLS_LINE[:FLAGGED]))
    assert diagnostic.range.end == types.Position(line=1, character=utf16_length(SKILLS_LINE[:FLAGGED + 1]))
    assert utf16_length(SKILLS_LINE[:FLAGGED]) == FLAGGED + 1

    # Incremental edit: delete ", p" (its range given in UTF-16 columns).
    removal = types.Range(
        start=types.Position(line=1, character=utf16_length(SKILLS_LINE[: FLAGGED - 2])),
        end=types.Position(line=1, character=utf16_length(SKILLS_LINE[: FLAGGED + 1])),
    )
    edited = await next_diagnostics(
        client, uri, lambda: change(client, uri, 2, [types.TextDocumentContentChangePartial(range=removal, text="")]), version=2
    )
    assert limit_diagnostics(edited) == []

    # Insert it back after the 15th tag: the diagnostic returns at the same place.
    after_o = types.Position(line=1, character=utf16_length(SKILLS_LINE[: FLAGGED - 2]))
    restored = await next_diagnostics(
        client, uri,
        lambda: change(client, uri, 3, [types.TextDocumentContentChangePartial(range=types.Range(start=after_o, end=after_o), text=", p")]),
        version=3,
    )
    [again] = limit_diagnostics(restored)
    assert again.range == diagnostic.range

    # A whole-text change is accepted too.
    whole = await next_diagnostics(
        client, uri, lambda: change(client, uri, 4, [types.TextDocumentContentChangeWholeDocument(text="skills: [a]\n")]), version=4
    )
    assert limit_diagnostics(whole) == []


async def test_utf8_position_encoding(utf8_client: LanguageClient, tmp_path):
    assert utf8_client.initialize_result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    uri = (tmp_path / "profile.yaml").as_uri()
    opened = await next_diagnostics(utf8_client, uri, lambda: open_document(utf8_client, uri, PROFILE), version=1)
    [diagnostic] = limit_diagnostics(opened)
    byte_column = len(SKILLS_LINE[:FLAGGED].encode("utf-8"))
    assert diagnostic.range.start == types.Position(line=1, character=byte_column)
    assert byte_column == FLAGGED + 3  # the rocket is four bytes

    # An incremental edit counted in bytes.
    removal = types.Range(
        start=types.Position(line=1, character=len(SKILLS_LINE[: FLAGGED - 2].encode())),
        end=types.Position(line=1, character=len(SKILLS_LINE[: FLAGGED + 1].encode())),
    )
    edited = await next_diagnostics(
        utf8_client, uri,
        lambda: change(utf8_client, uri, 2, [types.TextDocumentContentChangePartial(range=removal, text="")]),
        version=2,
    )
    assert limit_diagnostics(edited) == []


async def test_close_clears_diagnostics(client: LanguageClient, tmp_path):
    uri = (tmp_path / "profile.yaml").as_uri()
    await next_diagnostics(client, uri, lambda: open_document(client, uri, PROFILE), version=1)
    closed = await next_diagnostics(
        client, uri,
        lambda: client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))),
    )
    assert list(closed.diagnostics) == []


async def test_documents_that_are_not_profiles(client: LanguageClient, tmp_path):
    # Another language: no diagnostics, no hover, no actions.
    notes = (tmp_path / "notes.md").as_uri()
    published = await next_diagnostics(client, notes, lambda: open_document(client, notes, "# skills: [a]\n", language="markdown"))
    assert list(published.diagnostics) == []
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=notes), position=types.Position(line=0, character=3))
    )
    assert hover is None

    # YAML that is not a map of profile fields: one located error, no crash.
    listing = (tmp_path / "list.yaml").as_uri()
    published = await next_diagnostics(client, listing, lambda: open_document(client, listing, "- a\n- b\n"))
    [problem] = published.diagnostics
    assert problem.severity == types.DiagnosticSeverity.Error
    assert problem.range.start == types.Position(line=0, character=0)

    # Broken JSON: a parse error diagnostic, and the server keeps serving.
    broken = (tmp_path / "broken.json").as_uri()
    published = await next_diagnostics(client, broken, lambda: open_document(client, broken, '{"title": ', language="json"))
    assert [d.severity for d in published.diagnostics] == [types.DiagnosticSeverity.Error]


async def test_hover_shows_rationale_and_configuration_reload(client: LanguageClient, tmp_path):
    uri = (tmp_path / "profile.yaml").as_uri()
    text = "title: Data Analyst\nskills: [SQL]\n"
    opened = await next_diagnostics(client, uri, lambda: open_document(client, uri, text), version=1)
    assert [d.code for d in opened.diagnostics if d.code == "test-skills-minimum"] == []

    # Point the server at an extra rule directory: it reloads and re-lints open documents.
    rules = FIXTURES / "extra-rules"
    reloaded = await next_diagnostics(
        client, uri,
        lambda: client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings={"profilelint": {"rules": [str(rules)]}})
        ),
    )
    [diagnostic] = [d for d in reloaded.diagnostics if d.code == "test-skills-minimum"]
    assert diagnostic.severity == types.DiagnosticSeverity.Warning
    assert diagnostic.code_description.href == "https://example.com/profilelint/rules/test-skills-minimum"
    assert diagnostic.message == "1 skill tags; list at least 3"

    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=diagnostic.range.start)
    )
    assert hover is not None
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert "**test-skills-minimum**" in hover.contents.value
    rationale = (rules / "test-skills-minimum.yml").read_text().split("rationale: >\n", 1)[1].split("help_uri")[0]
    assert " ".join(rationale.split()) in " ".join(hover.contents.value.split())
    assert hover.range == diagnostic.range

    # Off the diagnostic: no hover.
    nothing = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=2))
    )
    assert nothing is None


class CountingDiagnostics(dict):
    """Stands in for the client's diagnostics store to count publishes per document."""

    def __init__(self):
        super().__init__()
        self.publishes: dict[str, int] = {}

    def __setitem__(self, uri, diagnostics):
        self.publishes[uri] = self.publishes.get(uri, 0) + 1
        super().__setitem__(uri, diagnostics)


async def test_rapid_changes_are_debounced_and_rules_load_once(client: LanguageClient, tmp_path):
    uri = (tmp_path / "profile.yaml").as_uri()
    await next_diagnostics(client, uri, lambda: open_document(client, uri, "skills: [a]\n"), version=1)
    client.diagnostics = CountingDiagnostics()

    def burst():
        # 20 keystroke-sized changes sent back to back; the last one has 16 tags.
        for version in range(2, 22):
            count = 16 if version == 21 else version % 10
            tags = ", ".join(f"t{n}" for n in range(count))
            change(client, uri, version, [types.TextDocumentContentChangeWholeDocument(text=f"skills: [{tags}]\n")])

    last = await next_diagnostics(client, uri, burst, version=21)
    assert len(limit_diagnostics(last)) == 1
    # Without debouncing every change would be linted and published (20 times).
    assert client.diagnostics.publishes[uri] <= 3, client.diagnostics.publishes
    # The rules were loaded once, at initialization, not per edit.
    loads = [m.message for m in client.log_messages if m.message.startswith("lint environment ready")]
    assert len(loads) == 1, loads


async def test_configuration_file_is_applied_and_reloaded(client: LanguageClient, tmp_path):
    config = tmp_path / ".profilelint.yml"

    def config_changed(kind: types.FileChangeType):
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=config.as_uri(), type=kind)])
        )

    config.write_text("rules:\n  skills-limit: {severity: warning}\n")
    config_changed(types.FileChangeType.Created)
    uri = (tmp_path / "profile.yaml").as_uri()
    opened = await next_diagnostics(client, uri, lambda: open_document(client, uri, PROFILE), version=1)
    [limit] = limit_diagnostics(opened)
    assert limit.severity == types.DiagnosticSeverity.Warning
    # The server asked the editor to watch configuration files (the request came before any diagnostics).
    watchers = [w for r in client.registrations for w in client.protocol._converter.unstructure(r.register_options)["watchers"]]
    assert {"globPattern": "**/.profilelint.yml"} in watchers, watchers

    # The file changes on disk: the server rebuilds the environment and re-lints.
    config.write_text("rules:\n  skills-limit: {severity: off}\n")
    reloaded = await next_diagnostics(client, uri, lambda: config_changed(types.FileChangeType.Changed), version=1)
    assert limit_diagnostics(reloaded) == []

    # A broken configuration is reported with its location; the previous rules stay in force.
    config.write_text("rules:\n  no-such-rule: {severity: error}\n")
    kept = await next_diagnostics(client, uri, lambda: config_changed(types.FileChangeType.Changed), version=1)
    assert limit_diagnostics(kept) == []
    assert any(".profilelint.yml:2:3" in m.message for m in client.messages), [m.message for m in client.messages]
