-- Run by NeovimIT: open a script in a headless Neovim, start `natlint lsp` from the built jar as its
-- language server, wait for the diagnostics, write them to a file, quit. Works on Neovim 0.7 (Debian 12)
-- and later: vim.lsp.start only exists from 0.8, so start_client + buf_attach_client is the fallback.
local jar = os.getenv("NATLINT_JAR")
local file = os.getenv("NATLINT_FILE")
local out = os.getenv("NATLINT_OUT")
local timeout = tonumber(os.getenv("NATLINT_TIMEOUT_MS") or "60000")

local function write(lines)
  local f = assert(io.open(out, "w"))
  f:write(table.concat(lines, "\n"), "\n")
  f:close()
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local config = {
    name = "natlint",
    cmd = { "java", "-jar", jar, "lsp" },
    root_dir = vim.fn.fnamemodify(file, ":p:h"),
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, client_id)
  end
  local arrived = vim.wait(timeout, function()
    return #vim.diagnostic.get(buf) > 0
  end, 100)
  local lines = { arrived and "diagnostics" or "timeout" }
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
    table.insert(lines, string.format("%d:%d-%d:%d severity=%d code=%s source=%s %s",
      d.lnum, d.col, d.end_lnum, d.end_col, d.severity, code, d.source or "", d.message))
  end
  write(lines)
  vim.lsp.stop_client(client_id)
end)
if not ok then
  write({ "error", tostring(err) })
end
vim.cmd("qa!")
