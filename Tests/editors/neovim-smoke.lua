-- A real editor drives `profilelint lsp`: headless Neovim (0.7 and later) opens the profile
-- given on its command line, waits for diagnostics, hovers the title-length finding, asks for
-- the quick fixes and applies the first, then writes what it saw as JSON to $NVIM_SMOKE_OUT.
-- Run by ProfileLintServerTests/NeovimSmokeTests.swift when `nvim` is installed.
local result = {}
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'profilelint',
  cmd = { os.getenv('PROFILELINT_BIN'), 'lsp' },
  root_dir = vim.fn.getcwd(),
})
vim.lsp.buf_attach_client(bufnr, client_id)
vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
local diagnostics = vim.diagnostic.get(bufnr)
result.diagnostics = #diagnostics
result.codes = {}
for _, d in ipairs(diagnostics) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(result.codes, tostring(lsp.code or d.code))
end

local client = vim.lsp.get_client_by_id(client_id)
local uri = vim.uri_from_bufnr(bufnr)
for _, d in ipairs(diagnostics) do
  local lsp = d.user_data and d.user_data.lsp or {}
  if (lsp.code or d.code) == 'title-length' then
    local hover = client.request_sync('textDocument/hover',
      { textDocument = { uri = uri }, position = { line = d.lnum, character = d.col } }, 10000, bufnr)
    result.hover = hover and hover.result and hover.result.contents and hover.result.contents.value or ''
  end
end

local lsp_diagnostics = {}
for _, d in ipairs(diagnostics) do
  if d.user_data and d.user_data.lsp then table.insert(lsp_diagnostics, d.user_data.lsp) end
end
local last = vim.api.nvim_buf_line_count(bufnr)
local actions = client.request_sync('textDocument/codeAction', {
  textDocument = { uri = uri },
  range = { start = { line = 0, character = 0 }, ['end'] = { line = last, character = 0 } },
  context = { diagnostics = lsp_diagnostics },
}, 10000, bufnr)
actions = actions and actions.result or {}
result.actions = {}
for _, action in ipairs(actions) do table.insert(result.actions, action.title) end
if actions[1] and actions[1].edit then
  local before = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  vim.lsp.util.apply_workspace_edit(actions[1].edit, client.offset_encoding)
  result.lines_removed = #before - vim.api.nvim_buf_line_count(bufnr)
  -- The edit reaches the server as didChange; wait for the re-lint's diagnostics.
  vim.wait(30000, function() return #vim.diagnostic.get(bufnr) == #diagnostics - 1 end, 50)
  result.diagnostics_after_fix = #vim.diagnostic.get(bufnr)
end
result.offset_encoding = client.offset_encoding
vim.fn.writefile({ vim.fn.json_encode(result) }, os.getenv('NVIM_SMOKE_OUT'))
vim.lsp.stop_client(client_id)
vim.cmd('qa!')
