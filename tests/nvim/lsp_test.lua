-- `connlint lsp` in a real editor: Neovim 0.7's built-in LSP client
-- (vim.lsp.start_client, vim.lsp.buf_attach_client), no plugin, no user
-- configuration. Run by tests/nvim-lsp.sh, which sets:
--
--   CONNLINT          the connlint binary (absolute path)
--   NVIM_LSP_FILE     the copy of tests/nvim/connector.xml to open
--   NVIM_LSP_ENCODING utf-16 (offer nothing: the protocol's default) or
--                     utf-8 (offer general.positionEncodings
--                     {"utf-8", "utf-16"}: the server must pick utf-8)
--   NVIM_LSP_RESULT   file that receives the number of checks passed
--
-- The truth is the command line on the same text: `connlint --format gcc
-- --no-config` gives the 1-based byte column of each finding, which must be
-- vim.diagnostic's 0-based byte `col` + 1 (after Neovim converted the
-- server's position from the negotiated encoding), and `--format json` the
-- end and the fix of each. The fixture puts é, CJK and emoji (outside the
-- BMP, two UTF-16 units) before every finding, so bytes, characters and
-- UTF-16 units differ on each of those lines.

local CONNLINT = assert(os.getenv('CONNLINT'), 'CONNLINT not set')
local FILE = assert(os.getenv('NVIM_LSP_FILE'), 'NVIM_LSP_FILE not set')
local ENCODING = os.getenv('NVIM_LSP_ENCODING') or 'utf-16'
local RESULT = os.getenv('NVIM_LSP_RESULT')
local TAG = 'nvim-lsp [' .. ENCODING .. ']'
local DIR = vim.fn.fnamemodify(FILE, ':h')
local TIMEOUT = 10000 -- ms to wait for one answer or publication

local checks = 0
local finished = false

local function out(s)
  io.stdout:write(s .. '\n')
  io.stdout:flush()
end

local function fail(msg)
  if finished then
    return
  end
  finished = true
  io.stderr:write(TAG .. ': FAIL: ' .. msg .. '\n')
  io.stderr:write(TAG .. ': the client log is ' .. vim.lsp.get_log_path() .. '\n')
  io.stderr:flush()
  vim.cmd('cquit 1')
end

-- Raised by check() inside the protected main(), so that a failure stops
-- the run at once wherever it happens.
local Failure = {}

local function check(cond, msg, ...)
  if not cond then
    error(setmetatable({ msg = string.format(msg, ...) }, Failure), 0)
  end
  checks = checks + 1
end

local function step(msg)
  out(TAG .. ': ok: ' .. msg)
end

-- Never hang: whatever is waited for, the whole run ends within 60 s.
vim.defer_fn(function()
  fail('global timeout (60 s): the server stopped answering?')
end, 60000)

vim.lsp.set_log_level('debug')

---------------------------------------------------------------------------
-- The truth: the command line on a text

local truth_n = 0

local function write_file(path, text)
  local f = assert(io.open(path, 'wb'))
  f:write(text)
  f:close()
end

local function buf_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\n') .. '\n'
end

local function split_lines(text)
  local lines = vim.split(text, '\n', true)
  if lines[#lines] == '' then
    table.remove(lines)
  end
  return lines
end

-- Byte offset (0-based) of 1-based LINE, 1-based character COLUMN in LINES.
local function char_to_byte(lines, line, column)
  return vim.str_byteindex(lines[line], column - 1)
end

-- The findings of `connlint --no-config` on TEXT, sorted, each
-- {lnum, col, end_lnum, end_col (0-based, bytes), severity, code, message,
-- fix = the JSON fix or nil}.
local function cli_findings(text)
  truth_n = truth_n + 1
  local path = string.format('%s/truth-%d.xml', DIR, truth_n)
  write_file(path, text)
  local lines = split_lines(text)
  local gcc = vim.fn.system({ CONNLINT, '--format', 'gcc', '--no-config', path })
  check(vim.v.shell_error == 0 or vim.v.shell_error == 1, 'connlint --format gcc exited %d: %s', vim.v.shell_error, gcc)
  local json = vim.fn.system({ CONNLINT, '--format', 'json', '--no-config', path })
  check(vim.v.shell_error == 0 or vim.v.shell_error == 1, 'connlint --format json exited %d: %s', vim.v.shell_error, json)
  local doc = vim.json.decode(json)
  local sev = { error = 1, warning = 2, info = 3 }
  local list = {}
  for l in gcc:gmatch('[^\n]+') do
    check(l:sub(1, #path + 1) == path .. ':', 'unexpected gcc line %q', l)
    local lnum, col, severity, message, code = l:sub(#path + 2):match('^(%d+):(%d+): (%a+): (.*) %[(CL%d+)%]$')
    check(lnum ~= nil, 'unparsable gcc line %q', l)
    list[#list + 1] = {
      lnum = tonumber(lnum) - 1,
      col = tonumber(col) - 1,
      severity = sev[severity],
      code = code,
      message = message,
    }
  end
  check(#list == #doc.diagnostics, 'gcc gave %d findings, json %d', #list, #doc.diagnostics)
  -- Both formats list the findings in the same order.
  for i, d in ipairs(doc.diagnostics) do
    local f = list[i]
    check(d.rule == f.code and d.line - 1 == f.lnum, 'gcc and json disagree at finding %d', i)
    check(char_to_byte(lines, d.line, d.column) == f.col, 'gcc byte column and json character column disagree at finding %d', i)
    f.end_lnum = d.end_line - 1
    f.end_col = char_to_byte(lines, d.end_line, d.end_column)
    f.fix = d.fix
  end
  return list
end

-- TEXT with the edits of a JSON fix applied (byte offsets, 0-based).
local function apply_cli_fix(text, fix)
  local edits = vim.deepcopy(fix.edits)
  table.sort(edits, function(a, b)
    return a.byte_start > b.byte_start
  end)
  for _, e in ipairs(edits) do
    text = text:sub(1, e.byte_start) .. e.content .. text:sub(e.byte_end + 1)
  end
  return text
end

local function sort_diags(list)
  table.sort(list, function(a, b)
    if a.lnum ~= b.lnum then
      return a.lnum < b.lnum
    end
    if a.col ~= b.col then
      return a.col < b.col
    end
    return tostring(a.code) < tostring(b.code)
  end)
  return list
end

local function describe(list)
  local s = {}
  for _, d in ipairs(list) do
    s[#s + 1] = string.format('%d:%d-%s:%s %s', d.lnum + 1, d.col + 1, tostring(d.end_lnum and d.end_lnum + 1), tostring(d.end_col and d.end_col + 1), tostring(d.code))
  end
  return '{' .. table.concat(s, ', ') .. '}'
end

---------------------------------------------------------------------------
-- The client

local publications = {} -- every publishDiagnostics params, in order
local exit_code, exit_signal
local init_result

local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']

local capabilities = vim.lsp.protocol.make_client_capabilities()
if ENCODING == 'utf-8' then
  capabilities.general = capabilities.general or {}
  capabilities.general.positionEncodings = { 'utf-8', 'utf-16' }
end

vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(FILE))
local bufnr = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(bufnr)

local client_id = vim.lsp.start_client({
  name = 'connlint',
  cmd = { CONNLINT, 'lsp' },
  root_dir = DIR,
  capabilities = capabilities,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.uri and vim.uri_to_fname(result.uri) == FILE then
        publications[#publications + 1] = vim.deepcopy(result)
      end
      return default_publish(err, result, ctx, config)
    end,
  },
  on_init = function(client, result)
    init_result = result
    if ENCODING == 'utf-8' and result.capabilities and result.capabilities.positionEncoding == 'utf-8' then
      client.offset_encoding = 'utf-8'
    end
  end,
  on_exit = function(code, signal)
    exit_code, exit_signal = code, signal
  end,
})

local function client()
  return vim.lsp.get_client_by_id(client_id)
end

-- Waits for a publication for the buffer's current version (or, from a
-- server that sends no version, for one after the N-th) and returns its
-- raw diagnostics.
local function wait_publication(after, what)
  local version = vim.lsp.util.buf_versions[bufnr]
  local function current()
    local p = publications[#publications]
    if #publications <= after or not p then
      return false
    end
    return p.version == nil or p.version == version
  end
  check(vim.wait(TIMEOUT, current, 10), 'no publishDiagnostics for version %s %s within %d ms (%d received)', tostring(version), what, TIMEOUT, #publications)
  local p = publications[#publications]
  if p.version == nil then
    -- No version to tell a stale publication from the current one: let
    -- the server settle.
    local n = #publications
    vim.wait(300, function()
      return #publications > n
    end, 10)
    p = publications[#publications]
  end
  return p.diagnostics
end

-- The server's diagnostics, as Neovim stores them and as sent, checked
-- against the command line on the buffer's text. Returns the raw LSP
-- items, sorted like the CLI's findings, and those findings.
local function compare_with_cli(raw, what)
  local text = buf_text(bufnr)
  local lines = split_lines(text)
  local want = cli_findings(text)
  local ns = vim.lsp.diagnostic.get_namespace(client_id)
  local got = sort_diags(vim.deepcopy(vim.diagnostic.get(bufnr, { namespace = ns })))
  check(#got == #want, '%s: Neovim holds %d diagnostics %s, the CLI finds %d %s', what, #got, describe(got), #want, describe(want))
  check(#raw == #want, '%s: the server published %d diagnostics, the CLI finds %d', what, #raw, #want)
  -- The raw items, in the same order as Neovim's (sorted by byte position).
  local items = {}
  for _, r in ipairs(raw) do
    local line = lines[r.range.start.line + 1] or ''
    local col = r.range.start.character
    if client().offset_encoding == 'utf-16' then
      local ok, b = pcall(vim.str_byteindex, line, col, true)
      col = ok and b or -1
    end
    items[#items + 1] = { lnum = r.range.start.line, col = col, code = r.code, raw = r }
  end
  sort_diags(items)
  for i, w in ipairs(want) do
    local g, r = got[i], items[i].raw
    local where = string.format('%s: finding %d (%s at %d:%d)', what, i, w.code, w.lnum + 1, w.col + 1)
    check(g.code == w.code, '%s: Neovim has code %s', where, tostring(g.code))
    check(g.lnum == w.lnum and g.col == w.col, '%s: Neovim puts it at line %d byte column %d (1-based)', where, g.lnum + 1, g.col + 1)
    check(g.end_lnum == w.end_lnum and g.end_col == w.end_col, '%s: Neovim ends it at %d:%d, the CLI at %d:%d (1-based bytes)', where, g.end_lnum + 1, g.end_col + 1, w.end_lnum + 1, w.end_col + 1)
    check(g.severity == w.severity, '%s: severity %s, the CLI says %s', where, tostring(g.severity), tostring(w.severity))
    check(g.message == w.message, '%s: message %q, the CLI says %q', where, tostring(g.message), w.message)
    check(g.source == 'connlint', '%s: source %q', where, tostring(g.source))
    -- What went over the wire, in the negotiated encoding.
    local wline = lines[w.lnum + 1]
    local want_char = w.col
    if client().offset_encoding == 'utf-16' then
      want_char = select(2, vim.str_utfindex(wline, w.col))
    end
    check(r.code == w.code and r.range.start.line == w.lnum and r.range.start.character == want_char, '%s: sent as %s at %d:%d, want %d:%d (0-based, %s)', where, tostring(r.code), r.range.start.line, r.range.start.character, w.lnum, want_char, client().offset_encoding)
    check(type(r.codeDescription) == 'table' and type(r.codeDescription.href) == 'string' and r.codeDescription.href:match('^https?://') ~= nil, '%s: no codeDescription.href', where)
    check((w.fix ~= nil) == (r.data ~= nil), '%s: the CLI %s a fix, the item %s data', where, w.fix and 'has' or 'has no', r.data and 'has' or 'has no')
  end
  return items, want
end

---------------------------------------------------------------------------
-- The scenario

local function find(list, pred)
  for _, x in ipairs(list) do
    if pred(x) then
      return x
    end
  end
end

local function code_actions(params, what)
  local answers, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, TIMEOUT)
  check(answers ~= nil, '%s: no answer to textDocument/codeAction: %s', what, tostring(err))
  local a = answers[client_id]
  check(a ~= nil and a.err == nil, '%s: textDocument/codeAction failed: %s', what, vim.inspect(a and a.err))
  check(type(a.result) == 'table' and vim.tbl_islist(a.result), '%s: textDocument/codeAction did not return CodeAction[]: %s', what, vim.inspect(a.result))
  return a.result
end

-- The one client's answer to a request.
local function request(method, params, what)
  local answers, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  check(answers ~= nil, '%s: no answer to %s: %s', what, method, tostring(err))
  local a = answers[client_id]
  check(a ~= nil and a.err == nil, '%s: %s failed: %s', what, method, vim.inspect(a and a.err))
  return a.result
end

-- The protocol position of 0-based byte column COL of 0-based line LNUM.
local function position(lnum, col)
  local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, true)[1]
  local character = col
  if client().offset_encoding == 'utf-16' then
    character = select(2, vim.str_utfindex(line, col))
  end
  return { line = lnum, character = character }
end

-- 0-based line and byte column of the first PLAIN text in the buffer.
local function locate(plain)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)) do
    local c = line:find(plain, 1, true)
    if c then
      return i - 1, c - 1
    end
  end
  check(false, '%q is not in the buffer', plain)
end

-- Applies ACTION's edit the way Neovim's code action handler does, and
-- checks that it edited this buffer and nothing else.
local function apply(action, what)
  check(type(action.edit) == 'table' and type(action.edit.changes) == 'table', '%s: action %q has no WorkspaceEdit with changes', what, tostring(action.title))
  for u in pairs(action.edit.changes) do
    check(vim.uri_to_fname(u) == FILE, '%s: the edit is for %s, not %s', what, u, uri)
  end
  local nbufs = #vim.api.nvim_list_bufs()
  vim.lsp.util.apply_workspace_edit(action.edit, client().offset_encoding)
  check(#vim.api.nvim_list_bufs() == nbufs, '%s: applying the edit opened another buffer', what)
end

local function main()
  check(client_id ~= nil, 'vim.lsp.start_client failed to start %s lsp', CONNLINT)
  check(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')

  -- 1. initialize
  check(vim.wait(TIMEOUT, function()
    return init_result ~= nil or exit_code ~= nil
  end, 10), 'no answer to initialize within %d ms', TIMEOUT)
  check(init_result ~= nil, 'the server exited (code %s, signal %s) before answering initialize', tostring(exit_code), tostring(exit_signal))
  local caps = init_result.capabilities
  local want_enc = ENCODING == 'utf-8' and 'utf-8' or 'utf-16'
  check((caps.positionEncoding or 'utf-16') == want_enc, 'positionEncoding %s, want %s', tostring(caps.positionEncoding), want_enc)
  check(client().offset_encoding == want_enc, 'the client uses %s', client().offset_encoding)
  local sync = caps.textDocumentSync
  check(type(sync) == 'table' and sync.openClose == true and sync.change == 2, 'textDocumentSync %s: want openClose and incremental change', vim.inspect(sync))
  check(sync.save ~= nil, 'textDocumentSync.save missing')
  local kinds = type(caps.codeActionProvider) == 'table' and caps.codeActionProvider.codeActionKinds or {}
  check(vim.tbl_contains(kinds, 'quickfix') and vim.tbl_contains(kinds, 'source.fixAll.connlint'), 'codeActionKinds %s', vim.inspect(kinds))
  for _, cap in ipairs({ 'hoverProvider', 'completionProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'documentSymbolProvider' }) do
    check(caps[cap], 'capability %s missing', cap)
  end
  step(string.format('initialize: capabilities as documented, positions in %s', want_enc))

  -- 2. didOpen → diagnostics where the CLI puts them
  local raw = wait_publication(0, 'after didOpen')
  local items, want = compare_with_cli(raw, 'didOpen')
  check(#want == 5, 'the fixture should give 5 findings, the CLI gives %d', #want)
  step(string.format('didOpen: %d diagnostics at the CLI\'s lines and byte columns', #items))

  -- 3. two edits in one didChange (Neovim batches them for 150 ms): rename
  -- `smile` to `grin` after the emoji on line 17, and insert a new unused
  -- variable above line 15, which moves every later finding down a line.
  local l17 = vim.api.nvim_buf_get_lines(bufnr, 16, 17, true)[1]
  local renamed, n = l17:gsub('key="smile"', 'key="grin"')
  check(n == 1, 'line 17 of the fixture changed: %q', l17)
  local n_before = #publications
  vim.api.nvim_buf_set_lines(bufnr, 16, 17, true, { renamed })
  vim.api.nvim_buf_set_lines(bufnr, 14, 14, true, { '    <variable label="Ölçü 📏 ÿ" key="unit" default="cm" configurable="true"/>' })
  raw = wait_publication(n_before, 'after didChange')
  items, want = compare_with_cli(raw, 'didChange')
  local keys = {}
  for _, it in ipairs(items) do
    local k = it.raw.message:match('connector variable `([^`]+)`')
    if k then
      keys[#keys + 1] = k
    end
  end
  table.sort(keys)
  check(table.concat(keys, ',') == 'grin,launch_code,region,unit,warehouse', 'unused variables after the change: %s', table.concat(keys, ','))
  step('didChange (incremental, 2 changes): diagnostics follow the new text')

  -- 4. the quick fix of one CL101 (`launch_code`, which shares its line
  -- with `grin`): the buffer becomes what the CLI's fix makes.
  local target_i
  for i, it in ipairs(items) do
    if it.code == 'CL101' and it.raw.message:find('`launch_code`', 1, true) then
      target_i = i
    end
  end
  check(target_i ~= nil, 'no CL101 for launch_code')
  local target = items[target_i].raw
  local actions = code_actions({
    textDocument = { uri = uri },
    range = target.range,
    context = { diagnostics = { target } },
  }, 'quick fix')
  local fix = find(actions, function(a)
    return a.kind == 'quickfix' and not tostring(a.title):lower():find('disable')
  end)
  check(fix ~= nil, 'no quickfix among %s', vim.inspect(vim.tbl_map(function(a)
    return a.title
  end, actions)))
  local disable = find(actions, function(a)
    return a.kind == 'quickfix' and tostring(a.title):find('CL101') and tostring(a.title):lower():find('disable')
  end)
  check(disable ~= nil, 'no "Disable CL101 for this element" action among the quick fixes')
  local before = buf_text(bufnr)
  local expect = apply_cli_fix(before, want[target_i].fix)
  n_before = #publications
  apply(fix, 'quick fix')
  check(buf_text(bufnr) == expect, 'the quick fix %q made\n%s\nthe CLI\'s fix makes\n%s', fix.title, buf_text(bufnr), expect)
  raw = wait_publication(n_before, 'after the quick fix')
  items, want = compare_with_cli(raw, 'quick fix')
  check(#want == 5 and not find(items, function(it)
    return it.raw.message:find('`launch_code`', 1, true)
  end), 'after the quick fix: %s', describe(items))
  step(string.format('quick fix %q: same edit as the CLI, its diagnostic gone, the others moved', fix.title))

  -- 5. "Disable CL101 for this element" on `warehouse`: a suppression
  -- comment above it, which the CLI honours too.
  local wh
  for _, it in ipairs(items) do
    if it.code == 'CL101' and it.raw.message:find('`warehouse`', 1, true) then
      wh = it
    end
  end
  check(wh ~= nil, 'no CL101 for warehouse')
  actions = code_actions({
    textDocument = { uri = uri },
    range = wh.raw.range,
    context = { diagnostics = { wh.raw } },
  }, 'disable')
  disable = find(actions, function(a)
    return a.kind == 'quickfix' and tostring(a.title):find('CL101') and tostring(a.title):lower():find('disable')
  end)
  check(disable ~= nil, 'no "Disable CL101 for this element" action')
  n_before = #publications
  apply(disable, 'disable')
  local above = vim.api.nvim_buf_get_lines(bufnr, wh.lnum, wh.lnum + 1, true)[1]
  check(above:find('<!%-%- connlint%-disable%-next%-line CL101') ~= nil, 'the line above the element is %q', above)
  check(vim.api.nvim_buf_get_lines(bufnr, wh.lnum + 1, wh.lnum + 2, true)[1]:find('key="warehouse"', 1, true), 'the element did not stay below the comment')
  raw = wait_publication(n_before, 'after disabling')
  items, want = compare_with_cli(raw, 'disable')
  check(#want == 4 and not find(items, function(it)
    return it.raw.message:find('`warehouse`', 1, true)
  end), 'after disabling: %s', describe(items))
  step(string.format('%q: comment inserted, diagnostic gone', disable.title))

  -- 6. hover, definition, rename and symbols, at positions after
  -- non-ASCII text where there is some.
  local l, c = locate('connlint-disable-next-line CL101')
  c = c + #'connlint-disable-next-line C'
  local hover = request('textDocument/hover', { textDocument = { uri = uri }, position = position(l, c) }, 'hover')
  local hover_text = vim.inspect(hover and hover.contents)
  check(hover ~= nil and hover_text:find('unused%-connector%-variable') ~= nil, 'hover on CL101 in the suppression comment: %s', hover_text)
  step('hover on a rule ID in a suppression comment')

  l, c = locate('/admin/api/{{api_version}}/shop.json')
  local def = request('textDocument/definition', { textDocument = { uri = uri }, position = position(l, c + #'/admin/api/{{api_') }, 'definition')
  if type(def) == 'table' and vim.tbl_islist(def) then
    check(#def == 1, 'definition of {{api_version}}: %s', vim.inspect(def))
    def = def[1]
  end
  local dl, dc = locate('key="api_version"')
  dc = dc + #'key="'
  local drange = def and (def.range or def.targetSelectionRange)
  check(drange ~= nil and vim.uri_to_fname(def.uri or def.targetUri) == FILE, 'definition of {{api_version}}: %s', vim.inspect(def))
  check(drange.start.line == dl and drange.start.character == position(dl, dc).character, 'definition of {{api_version}} at %s, want the key at %d:%d', vim.inspect(drange), dl, position(dl, dc).character)
  step('definition of a placeholder: the variable\'s key')

  -- `grin` is the second element of its line, after `🚀` and `ça 😀`.
  l, c = locate('key="grin"')
  c = c + #'key="'
  local pos = position(l, c + 1)
  local prep = request('textDocument/prepareRename', { textDocument = { uri = uri }, position = pos }, 'prepareRename')
  local prange = prep and (prep.range or prep.start and prep)
  check(prange ~= nil, 'prepareRename on `grin`: %s', vim.inspect(prep))
  check(prange.start.line == l and prange.start.character == position(l, c).character and prange['end'].character == position(l, c + 4).character, 'prepareRename on `grin` gives %s, want %d:%d-%d', vim.inspect(prange), l, position(l, c).character, position(l, c + 4).character)
  local redit = request('textDocument/rename', { textDocument = { uri = uri }, position = pos, newName = 'beam' }, 'rename')
  before = buf_text(bufnr)
  expect = before:gsub('key="grin"', 'key="beam"')
  n_before = #publications
  apply({ title = 'rename', edit = redit }, 'rename')
  check(buf_text(bufnr) == expect, 'rename `grin` to `beam` made\n%s', buf_text(bufnr))
  raw = wait_publication(n_before, 'after the rename')
  items, want = compare_with_cli(raw, 'rename')
  check(#want == 4 and find(items, function(it)
    return it.raw.message:find('`beam`', 1, true)
  end), 'after the rename: %s', describe(items))
  step('prepareRename and rename of a variable key after an emoji')

  local symbols = request('textDocument/documentSymbol', { textDocument = { uri = uri } }, 'documentSymbol')
  local names = {}
  local function walk(list)
    for _, sym in ipairs(list or {}) do
      names[sym.name] = true
      walk(sym.children)
    end
  end
  walk(symbols)
  check(names['shopify-token'] and names['list-orders'] and names['region'], 'document symbols lack the auth method, the endpoint or a variable: %s', vim.inspect(vim.tbl_keys(names)))
  step('document symbols')

  -- 7. source.fixAll.connlint: the safe fixes only, as `connlint --fix`.
  local last = vim.api.nvim_buf_line_count(bufnr)
  local all_raw = vim.tbl_map(function(it)
    return it.raw
  end, items)
  actions = code_actions({
    textDocument = { uri = uri },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = last, character = 0 } },
    context = { diagnostics = all_raw, only = { 'source.fixAll.connlint' } },
  }, 'fix all')
  check(#actions == 1 and actions[1].kind == 'source.fixAll.connlint', 'fix all: want one source.fixAll.connlint action, got %s', vim.inspect(actions))
  before = buf_text(bufnr)
  expect = vim.fn.system(string.format('%s --fix --no-config --stdin-filename %s - 2>/dev/null', vim.fn.shellescape(CONNLINT), vim.fn.shellescape(DIR .. '/stdin.xml')), before)
  check(expect ~= before, 'connlint --fix changed nothing: the fixture needs a safe fix')
  n_before = #publications
  apply(actions[1], 'fix all')
  check(buf_text(bufnr) == expect, 'fix all made\n%s\nconnlint --fix makes\n%s', buf_text(bufnr), expect)
  raw = wait_publication(n_before, 'after fix all')
  items, want = compare_with_cli(raw, 'fix all')
  check(#want == 3 and not find(items, function(it)
    return it.code == 'CL105'
  end), 'after fix all: %s', describe(items))
  step(string.format('%q: the text connlint --fix makes, %d diagnostics left', actions[1].title, #items))

  -- 8. shutdown, exit: the server ends with status 0.
  vim.lsp.stop_client(client_id)
  check(vim.wait(TIMEOUT, function()
    return exit_code ~= nil
  end, 10), 'the server did not exit within %d ms of shutdown', TIMEOUT)
  check(exit_code == 0 and (exit_signal or 0) == 0, 'the server exited with code %s, signal %s', tostring(exit_code), tostring(exit_signal))
  step('shutdown and exit: status 0')
end

local ok, err = xpcall(main, function(e)
  if getmetatable(e) == Failure then
    return e.msg
  end
  return debug.traceback(tostring(e), 2)
end)
if not ok then
  fail(err)
  return
end
finished = true
out(string.format('%s: %d checks passed', TAG, checks))
if RESULT then
  write_file(RESULT, tostring(checks) .. '\n')
end
vim.cmd('qall!')
