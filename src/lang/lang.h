/* lang.h -- the interpreter's entry points for the other layers (server, Python, console).
 * Each returns NULL with the pending error set (obj.h) when evaluation fails. */
#ifndef OPENQ_LANG_H
#define OPENQ_LANG_H

#include "../obj/obj.h"

/* start the interpreter in the runtime (RT, base/runtime.h): namespaces, boot.q; 0, or -1
 * when boot failed.  Does nothing when it has run. */
int lang_init(void);
/* release everything the runtime holds (runtime_reset): what follows starts afresh */
void lang_free(void);

/* evaluate q source text (one or more lines, as a script would) in the current context */
K lang_eval(const char *src, size_t n);
/* evaluate a script's text by q's rules for scripts (script.c); file names it in the error
 * location of a failure */
K lang_eval_script(const char *src, size_t n, const char *file);
/* "file:line: statement" (and a caret line) for the script statement that failed last, or
 * NULL; the console shows and clears it */
const char *lang_error_where(void);
/* the frames of the last error where q's debugger breaks ("  [n]  f:{..}\n   ^\n" each), or
 * NULL when it breaks at the input (then lang_error_where says where) */
const char *lang_error_frames(void);
void lang_error_where_clear(void);
/* q's `value`: a string is evaluated, a parse tree evaluated, a symbol looked up, ... */
K lang_value(K x);
/* apply f (consumed) to n consumed arguments: functions, lists and dicts (indexing) alike */
K lang_apply(K f, K *args, int n);
/* a global by name (e.g. ".z.pg"), a new reference; NULL without error when undefined */
K lang_get(S name);
/* assign a global (v consumed); 0 on success, -1 with the error pending ('noupdate when
 * read-only) */
int lang_set(S name, K v);
/* assign a global that the runtime itself keeps (.z.w .z.u .z.a, set by the server before a
 * client's query runs): stored even in read-only mode, so never give it a name or a value
 * that a query chose.  v consumed; 0, or -1 with the error pending */
int lang_set_runtime(S name, K v);
/* `name set v: assign in the current context ('noupdate when read-only); v, or NULL */
K lang_assign_global(S name, K v);
/* Read-only mode: set for every client query of a -b server (src/net/auth.c) and for the
 * argument of reval.  Evaluation may then read anything but change nothing that outlives it
 * or lies outside q's own evaluation; each kind of change has one guard, and every guard
 * refuses with 'noupdate (docs/compat.md, "Read-only mode"):
 *   a store into a namespace   env_set, env_delete, env_set_view (src/lang/env.c): assignment,
 *                              amend/insert/upsert/update by name, set, views, delete, enum
 *                              extension -- a lambda's locals are no globals and stay free
 *   a file written or removed  write_refused (src/prim/file.c)
 *   the OS and the process     OS commands (\cmd, system), exit, setenv (src/lang/sys.c);
 *                              hclose of what the query did not open (src/net)
 *   a setting changed          \d \t \p \P \z \c \e \g \o \s \S \T \W with a value (sys.c)
 *   code outside q             .pykx: pyexec pyeval eval qeval import set get setdefault
 *                              (src/py/pyembed.c); the Python functions the server itself put
 *                              in q globals stay callable, like its q functions
 * The mode is RT->lang.read_only (base/runtime.h). */
/* the guards' one test: true, with 'noupdate pending, when read-only mode is on */
bool lang_refuse_update(void);
/* a system command (the text after the backslash): its value, or NULL + kerr (sys.c) */
K sys_command(const char *cmd, size_t n);
/* \l path: a script, a directory, a splayed table (sys.c) */
K sys_load(const char *path);
/* the names in namespace ns (` : the namespaces, `. : the root) */
K lang_names(S ns);

/* The console's handling of one input (a q expression or a \command): evaluates it and
 * returns what the console prints (char vector, possibly empty), errors included as
 * "'msg" lines.  Sets *quit when the input was \\ or exit. */
K lang_console(const char *src, size_t n, int *quit);

/* The console's debug prompt (q 4's q)), app/console.c: RT->svc.suspend).  When set, an
 * error leaving a lambda that no trap catches (not 'stop, not read-only) is handed to it at the
 * innermost frame before the frame unwinds, with .z.ex/.z.ey set; while the hook runs,
 * lang_console evaluates in that frame (its locals are visible).  When the hook returns the
 * error unwinds as before.  The console sets it only while it runs its own input: client
 * queries and hooks never suspend.  At the q)) prompt lang_console takes ` and . to move the
 * current frame up and down the stack, & to show it and 'err to cut the stack back a frame with
 * err (basics/debug.md). */
/* the suspended error and the debugger's current frame with its caret, as the q)) prompt
 * opens with (owned char vector, no final newline; empty outside the debugger) */
K lang_debug_where(void);
/* 'err was typed at q)): the console leaves the level, and the frame unwinds with err */
bool lang_debug_signalled(void);
/* RT->lang.trap_depth counts the traps running (@[f;x;h], .[f;x;h]): errors inside them are
 * theirs, never suspended */

#endif
