-- Drives Neovim's own LSP client (0.7: vim.lsp.start_client + vim.lsp.buf_attach_client) against
-- clausemark-language-server and writes what it saw to a JSON file for test/lsp/neovim.test.ts to judge.
local out = os.getenv('CLAUSEMARK_NVIM_OUT')
local root = os.getenv('CLAUSEMARK_ROOT')
local server = os.getenv('CLAUSEMARK_SERVER')
local file = os.getenv('CLAUSEMARK_FILE')
local results = { published = {} }

local function finish(message)
  if message then results.error = message end
  local handle = io.open(out, 'w')
  handle:write(vim.fn.json_encode(results))
  handle:close()
  vim.cmd('qall!')
end

local ok, failure = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local latest = nil
  local client_id = vim.lsp.start_client({
    name = 'clausemark',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'example' } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        if result.uri == uri then
          latest = result
          table.insert(results.published, { version = result.version or vim.NIL, count = #result.diagnostics })
        end
      end,
    },
  })
  if not client_id then return finish('the client did not start') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function unknown_related(diagnostics)
    for _, diagnostic in ipairs(diagnostics) do
      if diagnostic.code == 'trace.unknown-related' then return diagnostic end
    end
    return nil
  end

  if not vim.wait(30000, function() return latest ~= nil and unknown_related(latest.diagnostics) ~= nil end, 50) then
    return finish('no diagnostics with trace.unknown-related arrived')
  end
  local diagnostic = unknown_related(latest.diagnostics)
  results.diagnostic = diagnostic
  -- What Neovim itself made of them (0-based lnum/col).
  results.neovim_diagnostics = {}
  for _, item in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(results.neovim_diagnostics, { lnum = item.lnum, col = item.col, end_col = item.end_col, message = item.message, source = item.source })
  end

  local position = { textDocument = { uri = uri }, position = { line = 11, character = 14 } }
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', position, 10000)
  results.hover = hover and hover[client_id] and hover[client_id].result or vim.NIL

  local completion = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', position, 10000)
  local items = completion and completion[client_id] and completion[client_id].result or {}
  if items.items then items = items.items end
  results.completion = {}
  for _, item in ipairs(items) do table.insert(results.completion, item.label) end

  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = diagnostic.range,
    context = { diagnostics = { diagnostic } },
  }, 10000)
  results.actions = {}
  local chosen = nil
  for _, action in ipairs(actions and actions[client_id] and actions[client_id].result or {}) do
    table.insert(results.actions, action.title)
    if action.title == 'Change to PRC-INC' then chosen = action end
  end
  if not chosen then return finish('no quick fix "Change to PRC-INC"') end
  local before = #results.published
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  results.fixed_line = vim.api.nvim_buf_get_lines(bufnr, 27, 28, false)[1]
  results.buffer_version = vim.lsp.util.buf_versions[bufnr]

  -- The edit goes to the server as didChange; it answers with the new version and without the finding.
  if not vim.wait(30000, function() return #results.published > before and latest.version == vim.lsp.util.buf_versions[bufnr] end, 50) then
    return finish('no diagnostics for the edited version arrived')
  end
  results.after_fix = {}
  for _, item in ipairs(latest.diagnostics) do table.insert(results.after_fix, item.code) end
  results.after_fix_version = latest.version
  vim.lsp.stop_client(client_id)
  finish(nil)
end)
if not ok then finish('Lua error: ' .. tostring(failure)) end
