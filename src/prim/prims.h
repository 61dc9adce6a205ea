/* prims.h -- the primitive table (prims.def) as C: ids, the row type, dispatch entry points.
 *
 * A primitive object is a 101 (monadic use) or 102 (dyadic) K whose x->g is the row id.
 * prim_apply runs it on n consumed arguments, choosing monad, dyad or nary by n; the
 * evaluator makes projections itself (a 102 given one argument never reaches prim_apply). */
#ifndef OPENQ_PRIMS_H
#define OPENQ_PRIMS_H

#include "../obj/obj.h"

/* reserved 101 ids for the parser's special forms (src/lang/lang_int.h), beyond the primitive
 * table; prim_display names those q shows in parse trees */
enum {
    SF_IF = 0xf0,     /* if[c;e;...] */
    SF_DO = 0xf1,     /* do[n;e;...] */
    SF_WHILE = 0xf2,  /* while[c;e;...] */
    SF_COND = 0xf3,   /* $[c;a;c;b;...;z] */
    SF_RETURN = 0xf4, /* :x inside a lambda */
    SF_SIGNAL = 0xf5, /* 'x */
    SF_TABLE = 0xf6,  /* ([k..] c..): args are (keynames;keyexprs;names;exprs) */
    SF_SEQ = 0xf7,    /* e1;e2;... evaluated in order, value of the last */
    SF_ASSIGN_G = 0xf8, /* a::v global assignment inside a lambda */
    SF_VIEW = 0xf9,     /* a::e at top level: a view, e re-evaluated when a is read */
    SF_COMPOSE = 0xfa,  /* '[f;g;...]: the composition f g ... */
    SF_DICT = 0xfb,     /* ([k:v;...]): args are (,keynames; (exprs)) */
    SF_PMATCH = 0xfc,   /* :[v;p1;r1;...;rd]: the pattern conditional */
    SF_QSQL_COND = 0xfd, /* $[..] inside a qSQL phrase, which q does not support: 'rank */
    SF_FIRST_RESERVED = 0xf0
};

typedef K (*PrimMonad)(K x);
typedef K (*PrimDyad)(K x, K y);
typedef K (*PrimNary)(K *args, int n);

enum PrimId {
#define PRIM(id, text, u, b, m, d, n, files) P_##id,
#define ALIAS(name, type, id)
#include "prims.def"
#undef PRIM
#undef ALIAS
    PRIM_COUNT
};

/* every implementation, so families can call each other (prims.c re-declares them weak) */
#define PRIM(id, text, u, b, m, d, n, files) K m(K); K d(K, K); K n(K *, int);
#define ALIAS(name, type, id)
#include "prims.def"
#undef PRIM
#undef ALIAS

typedef struct PrimInfo {
    const char *text; /* glyph or keyword */
    int u_code;       /* q's opcode as a 101 object, -1 if none */
    int b_code;       /* q's opcode as a 102 object, -1 if none */
} PrimInfo;

typedef struct PrimAlias {
    const char *name; /* keyword */
    int type;         /* KUNARY or KBINARY */
    int id;           /* the primitive it names */
} PrimAlias;

extern const PrimInfo prim_table[PRIM_COUNT];
extern const PrimAlias prim_aliases[];
extern const int prim_alias_count;

/* the text q displays for primitive object f (borrows): "+", "#:", "til", "::" */
const char *prim_display(const K f, char buf[8]);
/* the values of enumeration x (consumed) from its domain's global; x itself otherwise */
K prim_unenum(K x);
/* the keyword whose q.k definition is the text src (n bytes: "k){x*y div ..}", "&\\"), or NULL */
const char *prim_keyword_of(const char *src, size_t n);
/* id of the primitive that q's wire opcode `code` names as a 101 / 102 object, or -1 */
int prim_from_code(int type, int code);
/* x upsert y of a table value or a table by name (table.c; file handles: file.c's
 * prim_upsert_file) */
K prim_upsert(K x, K y);
/* x,y where prim_appends_in_place(x, y): y's items written after x's in x's own memory,
 * (a general y's items referenced, not moved),
 * which doubles when full.  x (owned: r == 0) is consumed unless the result is NULL
 * ('wsfull), when x is left as it was; y is consumed */
K prim_append_in_place(K x, K y);
/* can x take y in place: x an owned list not mapped from a file, y a list of its type (or an
 * atom of a simple x's) */
bool prim_appends_in_place(const K x, const K y);
/* x xasc y and x xdesc y of a table value (the lang layer adds file handles) */
K prim_xasc(K x, K y);
K prim_xdesc(K x, K y);
/* the prim layer's part of src/base/services.h (lang_init calls it) */
void prim_init(void);

#endif
