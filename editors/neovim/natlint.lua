-- natlint for Neovim 0.8+: put this file in ~/.config/nvim/plugin/ (or paste it into init.lua) and set
-- NATLINT to the natlint launcher (or leave "natlint" when it is on PATH).
vim.filetype.add({ extension = { rsc = "routeros" } })
vim.api.nvim_create_autocmd("FileType", {
  pattern = "routeros",
  callback = function(args)
    vim.lsp.start({
      name = "natlint",
      cmd = { os.getenv("NATLINT") or "natlint", "lsp" },
      root_dir = vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf)),
    })
  end,
})
