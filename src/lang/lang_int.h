/* lang_int.h -- what the files of src/lang share: parse-tree conventions, the environment,
 * the evaluator's internal entry points.  Not for other layers (they use lang.h).
 *
 * Parse trees are q values, as `parse` shows them:
 *   a non-symbol atom, a simple vector, a lambda ...   a constant
 *   a symbol atom                                      a name to look up
 *   a one-item general list (,x) or 1-item sym vector  quoted constant x
 *   a general list (f;a;b)                             f applied to a and b
 *   (::) in an argument position, from f[;1]           an elided argument (PRIM_ELIDED)
 * Special forms are applications whose head is a 101 object with a reserved id (SF_*): they
 * get their arguments unevaluated.
 */
#ifndef OPENQ_LANG_INT_H
#define OPENQ_LANG_INT_H

#include "../prim/primint.h"
#include "../prim/prims.h"
#include "lang.h"

/* the special forms' reserved ids (SF_*) are in prims.h, whose display names them */
static inline bool is_special(const K x, int sf) { return x->t == KUNARY && x->g == sf; }

/* ---- parse.c -------------------------------------------------------------------------- */

/* Parse q source into one parse tree (statements joined with SF_SEQ when more than one).
 * k_mode: the text is k (after a "k)" prefix).  NULL + kerr on a syntax error. */
K parse_text(const char *src, size_t n, bool k_mode);
/* Parse a lambda's source "{...}" into a type-100 object (used for lambdas arriving over
 * IPC, whose body is parsed on first use). */
K parse_lambda_source(const char *src, size_t n, S ctx);
/* note where applications start while parsing (the console's error caret) */
void parse_track_positions(bool on);
/* the source offset of an application head noted while tracking, or -1 */
long parse_position_of(const void *node);
/* RT->lang.error_node: the head of the application that failed first at top level (eval.c),
 * or NULL */
/* the script file and line of the text parse_text reads next (NULL: not a script); lambdas
 * parsed then remember it for their error frames */
void parse_set_origin(const char *file, long line);
/* an error frame for lambda f (borrowed) failing at node: *text gets "[file:line: ][name:]src"
 * (the source line holding the node) and *caret its column in text, or -1 */
bool parse_lambda_frame(const K f, const void *node, K *text, long *caret);
/* a backtrace frame's (name;file;line;source) for lambda f (borrowed) at node, as .Q.trp
 * gives it (ref/dotq.md#trp): strings, the line -1 outside a script; *pos the node's offset in
 * the source, or -1.  NULL + kerr when out of memory */
K parse_frame_info(const K f, const void *node, long *pos);
/* release the parser's side tables (lambda origins, noted positions) */
void parse_free(void);
/* forget the origins of lambdas no longer alive (the table holds their bodies) */
void parse_origins_sweep(void);
/* the frames of the last error where q's debugger breaks, innermost first: "  [n]  text\n
 * ^\n" each (owned by eval.c; NULL when none, or when the input itself is where it breaks);
 * eval_trace_clear forgets them */
const char *eval_trace_text(void);
void eval_trace_clear(void);
/* .Q.trp[f;x;h] (dot false: f@x) and .Q.trpd[f;x;h] (dot: f . x), all consumed: h[msg;bt] when
 * f fails, bt the backtrace object (ref/dotq.md#trp), innermost frame first, each
 * (function;(name;file;line;source);position) */
K eval_trp(K f, K x, K h, bool dot);
/* a primitive that q.k defines as a k lambda (til, cut) failed: its frame for .Q.trp */
void eval_trace_prim(const K f);
/* value of lambda f (borrowed, parsed), as q 3.5+ gives it (ref/value.md): (bytecode;params;
 * locals;(namespace,globals);constants..;positions;name;file;line;source); openq has no
 * bytecode, so that and its map to the source are empty */
K parse_lambda_value(const K f);
/* make sure lambda f has its body parsed (after IPC decode); NULL + kerr on failure */
K lambda_ensure_parsed(K f);
/* the valence of a function value (borrows): lambdas their params, 101 1, 102 2, ... */
int func_valence(const K f);

/* ---- query.c ------------------------------------------------------------------------- */

/* ?[t;c;b;a]: select (b a dict or 0b) and exec (b a symbol list); all consumed */
K query_select(K t, K where, K b, K a);

/* ---- file.c: files and file handles --------------------------------------------------- */

/* files (file.c): key of a handle `:path (NULL without error when x is no handle); the bytes
 * a handle names (y consumed; y itself when it is no handle); `:file 0: lines */
K file_key(const K x);
bool file_is_dir(const char *path);
K file_contents(K y);
K file_write_lines(K x, K y);
/* file handles: hopen `:file (NULL without error when spec names a connection), h x
 * (NULL without error when h is no file), hclose (false when h is no file); -11! replay */
K file_hopen(const K spec);
/* does path (a handle symbol's text after its ':') name a connection rather than a file:
 * host:port, :port, unix://, tcps://, ws://, wss://? */
bool file_names_connection(const char *path);
K file_handle_call(J handle, K x);
K file_apply(const K h, K *args, int n);
bool file_hclose(J h);
K file_replay(K y);
/* splayed tables and their columns one at a time (part.c, sys.c) */
K file_splay_names(const char *dir);
K file_column(const char *dir, S name);
K file_column_proto(const char *dir, S name, J *count);
K file_splay_empty(const char *from, const char *to);
K file_load_dir(const char *path);
K file_load_splayed(const char *path);

/* ---- dispatch.c: the primitives' implementations ---------------------------------------- */

/* the object a keyword or glyph names (e.g. "count" -> #: ; "+" -> +), or NULL if none */
K prim_lookup(const char *text, size_t n);
/* the object type a bare glyph/keyword makes: KBINARY for glyphs and dyadic keywords */
int prim_default_type(int id);
/* does primitive id have a form for n arguments (1, 2, or 3 and more)? */
bool prim_has_form(int id, int n);
/* apply primitive object f (101/102, borrowed) to n consumed arguments */
K prim_apply(const K f, K *args, int n);

/* ---- internal.c ----------------------------------------------------------------------- */

/* n!y, an internal function (internal.c; x and y consumed) */
K lang_internal_bang(K x, K y);
/* zvals.c: the .z values kept between reads, released */
void zvals_free(void);

/* ---- zvals.c -------------------------------------------------------------------------- */

/* .z.x .z.X .z.f from the command line (x, raw consumed); the .z values computed when read
 * (new reference, or NULL when name is none of them); freeing what set_args kept */
void zvals_set_args(K x, K raw, const char *script);
K zvals_get(S name);
void zvals_free(void);

/* ---- query.c -------------------------------------------------------------------------- */

/* ?[t;c;b;a]: select/exec (arguments consumed) */
K query_select(K t, K where, K b, K a);

/* ---- boot.q, doth.q ------------------------------------------------------------------- */

/* q run at start-up (lang_init): the .q and .Q definitions, then the .h namespace; the files
 * are embedded at build time (cmake/embed.cmake) */
extern const char lang_boot_q[], lang_boot_h[];

/* ---- env.c ---------------------------------------------------------------------------- */

/* Globals live in namespaces: the root (`.`) and dotted ones (.z, .q, .Q, user .a).  A
 * variable's full name is interned once ("x", ".z.pg"). */
K env_all_namespaces(void);  /* the namespaces' names (key `) */
K env_get(S name);            /* new reference or NULL (no error) */
K env_take(S name, const K expect); /* the value (when it is expect, if given), the entry
                                     * left holding :: (RT->svc.global_take); else NULL */
K env_take_any(S name);
int env_set(S name, K value); /* consumes value; -1 + kerr on failure ('noupdate read-only) */
int env_set_runtime(S name, K value); /* env_set without the read-only guard (lang_set_runtime) */
K env_namespace_dict(S ns);   /* the namespace as a q dict, or NULL */
int env_set_view(S name, K tree, K text); /* define a view (tree, text consumed); -1 + kerr */
K env_view_dependencies(void);  /* .z.b: name!views that read it */
K env_view_text(S name);             /* a view's source text, or NULL */
K env_views(S ns);            /* the views of namespace ns (sym_null: the root), sorted (\\b, views) */
K env_views_pending(S ns);    /* those not computed since what they read changed (\\B) */
K env_names(S ns);            /* symbol vector of the names in a namespace */
bool env_is_namespace(S name);
S env_qualify(S name);        /* name as it resolves in the current context (\d) */
/* RT->lang.context: the current context, sym_null for root */
void env_init(void);
void env_free(void);
K env_all_namespaces(void);   /* the names of every namespace (key `) */

/* ---- eval.c --------------------------------------------------------------------------- */

typedef struct Frame Frame;
/* evaluate parse tree e (borrowed) in frame f (NULL at top level) */
K eval_node(const K e, Frame *f);
/* evaluate e (borrowed) with names bound to vals (borrowed): qSQL's column scope */
K eval_with_columns(const K e, K names, K *vals);
/* apply f (consumed) to n consumed args; projection when args are elided or too few */
K eval_apply(K f, K *args, int n);
/* -T: true, with 'stop pending, once the query's deadline has passed (loops check it) */
bool eval_past_deadline(void);
/* the frame the debug prompt suspended (RT->svc.suspend), NULL when none */
Frame *eval_suspended_frame(void);
/* a new console input: its error may be offered to RT->svc.suspend again */
void lang_suspend_reset(void);
/* .Q.bt: the running lambdas' frames, innermost first, then [0] the console input; in the
 * debugger the current frame is marked >> (a new char vector, owned) */
K eval_backtrace_text(void);
/* the debugger's current frame ('msg first when with_error), no final newline (owned) */
K eval_debug_frame_text(bool with_error);
/* the debugger's ` (up != 0) and . : move the current frame up or down the stack */
void eval_debug_move(int up);
/* 'err at q)): the suspended (innermost) frame is to unwind with err (n bytes) once the
 * prompt's level ends, and the frame it returns to suspends; false outside the debugger */
bool eval_debug_signal(const char *msg, size_t n);
bool eval_debug_signalled(void);
/* :e at q)): the level ends and the failed operation gives v (consumed); false when none is suspended */
bool eval_debug_resume(K v);
/* index x by i (both consumed): list/dict/table lookup with q's null fill */
K eval_index(K x, K i);
/* index at depth: x . (i;j;...) (x and idx consumed) */
K eval_index_deep(K x, K *idx, int n);
/* amend x at the index path idx[0..depth) with f[old;y] (or y when f is NULL); consumes x, y */
K eval_amend(K x, K *idx, int depth, K f, K y);
/* RT->lang.eval_depth: lambda calls in progress */

/* ---- iter.c --------------------------------------------------------------------------- */

/* apply a derived function (106..111) to n consumed arguments */
K iter_apply(K derived, K *args, int n);

/* ---- sys.c ---------------------------------------------------------------------------- */

/* partitioned databases (part.c) */
/* a database directory loaded, into it when cd, its scripts run when scripts (.Q.lo) */
K sys_load_database(const char *path, bool cd, bool scripts);
K part_load(const char *path, bool cd); /* \l of a partitioned root; NULL, no error, when not one */
int part_find(const K t);            /* index of partitioned table t in .Q.pt, or -1 */
K part_select(K t, K where, K b, K a); /* ?[t;c;b;a] over a partitioned table */
void part_init(void);
void part_free(void);
int env_delete(S ns, const K names);

/* ---- output helpers ------------------------------------------------------------------- */

/* write text to stdout/stderr followed by newline (used by show, 0N!, -1) */
void lang_print(int fd, const char *s, size_t n, bool newline);

#endif
