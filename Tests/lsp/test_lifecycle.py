"""Process-level behaviour pytest-lsp's client cannot provoke: raw malformed input, exit
codes, and a client that disappears. Speaks the base protocol directly."""

from __future__ import annotations

import json
import os
import subprocess
import time

import pytest

from conftest import ROOT, server_binary

WAIT = 10


class RawServer:
    def __init__(self):
        env = dict(os.environ)
        env.setdefault("PROFILELINT_RULES", str(ROOT / "rules"))
        env.setdefault("PROFILELINT_NO_BUILTIN_RULES", "1")  # the checkout's rules in place of the built-in copy
        self.process = subprocess.Popen(
            [server_binary(), "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
        )

    def send_bytes(self, data: bytes):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: dict):
        body = json.dumps(message).encode()
        self.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def receive(self) -> dict:
        length = None
        while True:
            line = self.process.stdout.readline()
            assert line, "the server closed its output"
            line = line.strip()
            if not line:
                break
            name, value = line.split(b":", 1)
            if name.strip().lower() == b"content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def receive_answer(self) -> dict:
        """The next response, skipping notifications (log messages, diagnostics)."""
        while True:
            message = self.receive()
            if "method" not in message:
                return message

    def initialize(self, **params):
        self.send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}, **params}})
        assert "result" in self.receive_answer()
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def wait(self) -> int:
        return self.process.wait(timeout=WAIT)

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def server():
    raw = RawServer()
    yield raw
    raw.close()


def test_requests_before_initialize_get_server_not_initialized(server):
    server.send({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}})
    assert server.receive() == {
        "jsonrpc": "2.0", "id": 1,
        "error": {"code": -32002, "message": "the server has not been initialized; send 'initialize' first"},
    }
    # A notification before initialize is dropped silently; initialize still works.
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {}})
    server.initialize()


def test_malformed_messages_get_json_rpc_errors(server):
    server.initialize()
    server.send_bytes(b"Content-Length: 9\r\n\r\n{not json")
    assert server.receive_answer()["error"]["code"] == -32700
    # A header without Content-Length: a parse error, then the next message is read normally.
    server.send_bytes(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}")
    answer = server.receive_answer()
    assert answer["id"] is None and answer["error"]["code"] == -32700
    server.send({"jsonrpc": "2.0", "id": 2, "method": "no/such/method", "params": {}})
    assert server.receive_answer() == {
        "jsonrpc": "2.0", "id": 2, "error": {"code": -32601, "message": "unsupported method 'no/such/method'"},
    }
    server.send({"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"position": {"line": 0}}})
    answer = server.receive_answer()
    assert answer["id"] == 3 and answer["error"]["code"] == -32602
    server.send({"jsonrpc": "1.0", "id": 4, "method": "shutdown"})
    assert server.receive_answer()["error"]["code"] == -32600
    server.send_bytes(b"Content-Length: 2\r\n\r\n[]")
    assert server.receive_answer()["error"]["code"] == -32600
    # Unknown notifications are ignored; the server still answers afterwards.
    server.send({"jsonrpc": "2.0", "method": "$/unknownNotification", "params": {}})
    server.send({"jsonrpc": "2.0", "id": 5, "method": "shutdown"})
    assert server.receive_answer() == {"jsonrpc": "2.0", "id": 5, "result": None}
    server.send({"jsonrpc": "2.0", "id": 6, "method": "textDocument/hover", "params": {}})
    assert server.receive_answer()["error"]["code"] == -32600
    server.send({"jsonrpc": "2.0", "method": "exit"})
    assert server.wait() == 0


def test_exit_without_shutdown_exits_one(server):
    server.initialize()
    server.send({"jsonrpc": "2.0", "method": "exit"})
    assert server.wait() == 1


def test_client_that_disappears(server):
    server.initialize()
    server.send_bytes(b"Content-Length: 500\r\n\r\n{\"jsonrpc\"")  # cut mid-message
    server.process.stdin.close()
    assert server.wait() == 1


def test_server_exits_when_the_client_process_dies():
    parent = subprocess.Popen(["sleep", "60"])
    server = RawServer()
    try:
        server.initialize(processId=parent.pid)
        parent.kill()
        parent.wait()
        started = time.monotonic()
        assert server.wait() == 1  # stdin is still open: only the process check can end it
        assert time.monotonic() - started < WAIT
    finally:
        server.close()
