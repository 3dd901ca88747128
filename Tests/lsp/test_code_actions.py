"""open -> diagnostics -> edit -> diagnostics -> code action -> apply -> diagnostics gone,
with an emoji before the flagged span (UTF-16 columns), driven by a real LSP client."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import ROOT, next_diagnostics, open_document, utf16_length

# The default rule that reports a repeated skill tag with a fix deleting it (`kind: unique`).
FIX_RULES = [path.stem for path in (ROOT / "rules").glob("*.yml") if "kind: unique" in path.read_text()]

pytestmark = pytest.mark.skipif(
    not FIX_RULES, reason="no fix-producing rule (kind: unique) in rules/ yet; the Swift CodeActionTests cover the loop meanwhile"
)

SKILLS = "skills: [📱 Flutter, Dart, Firebase, 📱 Flutter]"
PROFILE = 'title: "Flutter Developer 📱 for Startups"\n' + SKILLS + "\n"


def duplicate_findings(params):
    return [d for d in params.diagnostics if d.code in FIX_RULES]


async def test_quick_fix_removes_a_duplicate_skill_tag(client: LanguageClient, tmp_path):
    uri = (tmp_path / "profile.yaml").as_uri()
    opened = await next_diagnostics(client, uri, lambda: open_document(client, uri, PROFILE), version=1)
    [finding] = duplicate_findings(opened)
    second = SKILLS.rindex("📱 Flutter")
    # The span of the second tag, counted in UTF-16 units: the first 📱 is two of them.
    assert finding.range.start == types.Position(line=1, character=utf16_length(SKILLS[:second]))

    # Edit: a comment line on top moves the finding down one line.
    top = types.Position(line=0, character=0)
    edited = await next_diagnostics(
        client, uri,
        lambda: client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=top, end=top), text="# my profile\n")])),
        version=2,
    )
    [moved] = duplicate_findings(edited)
    assert moved.range.start == types.Position(line=2, character=finding.range.start.character)

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=moved.range,
        context=types.CodeActionContext(diagnostics=[moved])))
    fixes = [a for a in actions if a.kind == types.CodeActionKind.QuickFix and any(d.code == moved.code for d in a.diagnostics)]
    assert fixes, actions
    [document_edit] = fixes[0].edit.document_changes  # the VS Code client asks for versioned edits
    assert document_edit.text_document.version == 2

    # Apply the edits the way an editor does (last first, so earlier ranges stay valid).
    edits = sorted(document_edit.edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True)
    fixed = await next_diagnostics(
        client, uri,
        lambda: client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[types.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in edits])),
        version=3,
    )
    assert duplicate_findings(fixed) == []
