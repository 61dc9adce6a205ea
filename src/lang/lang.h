/* lang.h -- the interpreter's entry points for the other layers (server, Python, console).
 * Each returns NULL with the pending error set (obj.h) when evaluation fails. */
#ifndef OPENQ_LANG_H
#define OPENQ_LANG_H

#include "../obj/obj.h"

int lang_init(void);
void lang_free(void);

/* evaluate q source text (one or more lines, as a script would) in the current context */
K lang_eval(const char *src, size_t n);
/* evaluate a script's text by q's rules for scripts (lang.c); file names it in the error
 * location of a failure */
K lang_eval_script(const char *src, size_t n, const char *file);
/* "file:line: statement" (and a caret line) for the script statement that failed last, or
 * NULL; the console shows and clears it */
const char *lang_error_where(void);
void lang_error_where_clear(void);
/* q's `value`: a string is evaluated, a parse tree evaluated, a symbol looked up, ... */
K lang_value(K x);
/* apply f (consumed) to n consumed arguments: functions, lists and dicts (indexing) alike */
K lang_apply(K f, K *args, int n);
/* a global by name (e.g. ".z.pg"), a new reference; NULL without error when undefined */
K lang_get(S name);
/* assign a global (v consumed); 0 on success, -1 with the error pending */
int lang_set(S name, K v);
/* `name set v: assign in the current context ('noupdate when read-only); v, or NULL */
K lang_assign_global(S name, K v);
/* The console's handling of one input (a q expression or a \command): evaluates it and
 * returns what the console prints (char vector, possibly empty), errors included as
 * "'msg" lines.  Sets *quit when the input was \\ or exit. */
K lang_console(const char *src, size_t n, int *quit);

#endif
