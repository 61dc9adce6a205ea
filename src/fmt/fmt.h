/* fmt.h -- how values print: the console display (q's default output, with \c and \P) and
 * the one-line form of -3! / 0N! / .Q.s1.  Rules: ../shared/conformance/DISPLAY.md. */
#ifndef OPENQ_FMT_H
#define OPENQ_FMT_H

#include "../obj/obj.h"

/* the display settings (\P \c): RT->fmt.settings, laid out in base/runtime.h */
typedef struct FmtSettings FmtSettings;

/* The console display of x (borrowed) as a char vector: lines joined by "\n", without a
 * final newline; empty for (::) when the console would print nothing. */
K fmt_console(const K x);
/* The one-line form (-3!x), as a char vector (borrows x). */
K fmt_oneline(const K x);
/* `string x` for an atom: the text q's string gives (borrows x) */
K fmt_atom_string(const K x);

/* JSON (json.c): x (borrowed) as JSON text, infinities as null when null0w (.j.j, .j.jd);
 * JSON text (consumed) as q (.j.k, -29!) */
K prim_json_text(const K x, bool null0w);
K prim_json_parse(K x);

#endif
