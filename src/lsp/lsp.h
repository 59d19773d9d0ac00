/*
 * The language server's shared types (connlint lsp, docs/editors.md): an
 * open document, positions in the client's encoding, the document's parse
 * and model for the editor features, and the features themselves.
 *
 * The server (server.c) owns the documents and speaks JSON-RPC; the
 * feature modules (hover.c, complete.c, navigate.c, actions.c) work on
 * one document and byte offsets, and build their JSON answers with json-c.
 * Positions cross the protocol only through position.c, so that the
 * UTF-16/UTF-8 conversion and the clamping of positions past an end are
 * done in one place.
 */
#ifndef CL_LSP_H
#define CL_LSP_H

#include <json-c/json.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "connlint.h"
#include "ctx.h"

/* How the client counts characters in a line (positionEncoding). */
enum cl_lsp_encoding {
	CL_LSP_UTF16, /* the protocol's default: UTF-16 code units */
	CL_LSP_UTF8   /* bytes */
};

/* The parse and model of a document's text, for the editor features. */
struct cl_lsp_analysis {
	/* ctx.doc.root: the tree, NULL when the text is not well-formed;
	 * ctx.model: NULL when the root is not a <connector>. The context's
	 * sink holds the model builder's findings, which nothing reads. */
	struct cl_ctx ctx;
};

/* One document the client has opened. */
struct cl_lsp_doc {
	char *uri;  /* as the client sent it */
	char *path; /* the local path a file: URI names (for the
	             * configuration), else the URI itself */
	char *text; /* the client's text, NUL-terminated */
	size_t len;
	long version;
	enum cl_lsp_encoding enc;
	/* Byte offset where each line starts (after "\n", "\r\n" or a lone
	 * "\r", the protocol's line ends); built on first use. */
	uint32_t *lines;
	size_t nlines;
	/* Built on first use after each change; NULL until then. */
	struct cl_lsp_analysis *analysis;
	/* The lint of this text (NULL until the server has linted it). */
	cl_result *result;
	bool dirty;             /* changed since the last lint */
	long published_version; /* the version last published, or -1 */
	struct cl_lsp_doc *next;
};

/* ---- documents (document.c) ---- */

/* The rules D was last linted with (its result's registry: the built-in
 * rules and the custom ones of the session and its configuration), or
 * the built-in ones before its first lint. */
const struct cl_registry *cl_lsp_doc_registry(const struct cl_lsp_doc *d);

/* A document of LEN bytes of TEXT (copied). Caller frees with
 * cl_lsp_doc_free. */
struct cl_lsp_doc *cl_lsp_doc_new(const char *uri, const char *text, size_t len,
                                  long version, enum cl_lsp_encoding enc);
void cl_lsp_doc_free(struct cl_lsp_doc *doc);
/* Replaces bytes [START, END) with LEN bytes of TEXT (START <= END <=
 * doc->len, which the caller has clamped). Drops the line index, the
 * analysis and marks the document dirty. */
void cl_lsp_doc_replace(struct cl_lsp_doc *doc, size_t start, size_t end,
                        const char *text, size_t len);
/* The local path of a file: URI ("file:///a%20b/c.xml" → "/a b/c.xml"),
 * malloc'd (caller frees with free()), or NULL for another scheme or a
 * malformed one. */
char *cl_lsp_uri_to_path(const char *uri);
/* The file: URI of the absolute PATH, percent-encoded. Malloc'd; caller
 * frees with free(). */
char *cl_lsp_path_to_uri(const char *path);

/* ---- positions (position.c) ---- */

/* The byte offset of the protocol position (LINE, CHARACTER) in DOC, in
 * DOC's encoding. A character past the end of its line is the line's end
 * (before its line break), a line past the last is the document's end,
 * a negative number 0; a position inside a UTF-8 sequence (a UTF-16 unit
 * between a surrogate pair's halves) moves to the sequence's start. */
size_t cl_lsp_offset(struct cl_lsp_doc *doc, int64_t line, int64_t character);
/* The protocol position of byte OFFSET (clamped to the text). */
void cl_lsp_position(struct cl_lsp_doc *doc, size_t offset, unsigned *line,
                     unsigned *character);
/* {"line":…,"character":…}; a new object. */
json_object *cl_lsp_position_json(struct cl_lsp_doc *doc, size_t offset);
/* {"start":…,"end":…} of bytes [START, END); a new object. */
json_object *
cl_lsp_range_json(struct cl_lsp_doc *doc, size_t start, size_t end);
/* {"uri":…,"range":…}; a new object. */
json_object *
cl_lsp_location_json(struct cl_lsp_doc *doc, size_t start, size_t end);
/* The byte offset of PARAMS' "position" (or the member NAME's value when
 * NAME is not NULL: a Position or a Range's "start"/"end"). Returns 0 and
 * sets *OFFSET, or -1 when it is missing or not a position. */
int
cl_lsp_json_offset(struct cl_lsp_doc *doc, json_object *pos, size_t *offset);
/* Bytes [*START, *END) of a Range object; 0, or -1 when malformed. */
int cl_lsp_json_range(struct cl_lsp_doc *doc, json_object *range, size_t *start,
                      size_t *end);

/* ---- analysis (analysis.c) ---- */

/* DOC's parse and model, built on first use after a change (owned by
 * DOC; never NULL). */
const struct cl_lsp_analysis *cl_lsp_doc_analysis(struct cl_lsp_doc *doc);
void cl_lsp_analysis_free(struct cl_lsp_analysis *a);

/* ---- json helpers (json.c) ---- */

/* Member KEY of OBJ when it has json type TYPE, else NULL (borrowed). */
json_object *cl_lsp_get(json_object *obj, const char *key, json_type type);
/* Member KEY as a string, or NULL. */
const char *cl_lsp_get_string(json_object *obj, const char *key);
/* obj[key] = a string of LEN bytes at S (NULL: null). */
void cl_lsp_add_string(json_object *obj, const char *key, const char *s);
void cl_lsp_add_int(json_object *obj, const char *key, int64_t v);
/* A TextEdit {"range", "newText"} replacing bytes [START, END) of DOC. */
json_object *cl_lsp_text_edit(struct cl_lsp_doc *doc, size_t start, size_t end,
                              const char *text);
/* {"changes": {DOC's uri: EDITS}} (takes EDITS, an array). */
json_object *cl_lsp_workspace_edit(struct cl_lsp_doc *doc, json_object *edits);

/* ---- features: each returns a new JSON value for the response's
 * "result" (NULL for the JSON null), never NULL on a protocol error —
 * those go through *ERROR (a static message, the server answers
 * InvalidParams or RequestFailed). ---- */

/* textDocument/hover at OFFSET: a Hover, or NULL. */
json_object *cl_lsp_hover(struct cl_lsp_doc *doc, size_t offset);
/* textDocument/completion at OFFSET: a CompletionList. */
json_object *cl_lsp_completion(struct cl_lsp_doc *doc, size_t offset);
/* textDocument/definition: a Location, or NULL. */
json_object *cl_lsp_definition(struct cl_lsp_doc *doc, size_t offset);
/* textDocument/references: Location[], or NULL when nothing is there. */
json_object *
cl_lsp_references(struct cl_lsp_doc *doc, size_t offset, bool include_decl);
/* textDocument/prepareRename: a Range and placeholder, or NULL. */
json_object *cl_lsp_prepare_rename(struct cl_lsp_doc *doc, size_t offset);
/* textDocument/rename to NEW_NAME: a WorkspaceEdit; NULL and *ERROR set
 * when nothing renamable is there or NEW_NAME is invalid or taken. */
json_object *cl_lsp_rename(struct cl_lsp_doc *doc, size_t offset,
                           const char *new_name, const char **error);
/* textDocument/documentSymbol: DocumentSymbol[]. */
json_object *cl_lsp_document_symbols(struct cl_lsp_doc *doc);
/* textDocument/codeAction for bytes [START, END) with the context's
 * "only" kinds (NULL: all): CodeAction[]. Uses doc->result. */
json_object *cl_lsp_code_actions(struct cl_lsp_doc *doc, size_t start,
                                 size_t end, json_object *only);
/* The diagnostics of doc->result as LSP Diagnostic[] (fix edits in each
 * one's "data"). */
json_object *cl_lsp_diagnostics(struct cl_lsp_doc *doc);
/* The "data" member of a diagnostic with a fix, as cl_lsp_diagnostics
 * writes it, and the code actions read it back. */
json_object *cl_lsp_diag_data(struct cl_lsp_doc *doc, const cl_diag *d);

#endif /* CL_LSP_H */
