/* literal.h -- q's literal words: a number or temporal written in q (42 3.5e2 0x1f 12:30
 * 2024.01.31D09:30 0Wj 1b ...) as a typed value.  The lexer reads vector literals with it and
 * Tok ("D"$...) parses text with it. */
#ifndef OPENQ_LITERAL_H
#define OPENQ_LITERAL_H

#include "../obj/obj.h"

typedef struct Num {
    int type; /* atom type (negative) */
    union { J j; F f; } v;
    bool has_point; /* written with . or e (a float unless suffixed) */
    bool suffixed;  /* the type letter was written */
    bool bare_int;  /* a plain integer with no suffix (can join a float vector) */
} Num;

/* one word (s, n: no blanks) as a number: true when it is one, *out filled */
bool lit_parse_word(const char *s, size_t n, Num *out);
/* convert *num to atom type `to` (negative); false when q would not */
bool lit_coerce(Num *num, int to);
/* item i of vector v, or atom a, set from *num */
void lit_store(K v, J i, const Num *num);
void lit_store_atom(K a, const Num *num);
/* one literal word as an atom of type `type` when the word allows it, else of the type the
 * word has; NULL + kerr when it is no literal */
K lit_parse_atom(const char *s, size_t n, int type);

#endif
