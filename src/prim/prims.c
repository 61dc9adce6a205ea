/* prims.c -- the primitive table built from prims.def, and generic dispatch by arity. */
#include "prims.h"

#include <stdio.h>

/* Every implementation is a weak reference: defined in its family file, or NULL until
 * written (then applying it signals 'nyi).  The core is linked as object files, so weak
 * references resolve to the definitions whenever those exist. */
#define PRIM(id, text, u, b, m, d, n)                                                          \
    extern K m(K) OQ_WEAK;                                                                     \
    extern K d(K, K) OQ_WEAK;                                                                  \
    extern K n(K *, int) OQ_WEAK;
#define ALIAS(name, type, id)
#include "prims.def"
#undef PRIM
#undef ALIAS

const PrimInfo prim_table[PRIM_COUNT] = {
#define PRIM(id, text, u, b, m, d, n) {text, u, b, m, d, n},
#define ALIAS(name, type, id)
#include "prims.def"
#undef PRIM
#undef ALIAS
};

const PrimAlias prim_aliases[] = {
#define PRIM(id, text, u, b, m, d, n)
#define ALIAS(name, type, id) {name, type, P_##id},
#include "prims.def"
#undef PRIM
#undef ALIAS
};
const int prim_alias_count = (int)ARRAY_LEN(prim_aliases);

K prim_lookup(const char *text, size_t n) {
    for (int i = 0; i < prim_alias_count; i++)
        if (strlen(prim_aliases[i].name) == n && memcmp(prim_aliases[i].name, text, n) == 0)
            return obj_prim(prim_aliases[i].type, prim_aliases[i].id);
    for (int id = 0; id < PRIM_COUNT; id++)
        if (strlen(prim_table[id].text) == n && memcmp(prim_table[id].text, text, n) == 0)
            return obj_prim(prim_default_type(id), id);
    return NULL;
}

int prim_default_type(int id) {
    const PrimInfo *p = &prim_table[id];
    if (id == P_ENLIST) /* enlist is monadic (101) but takes any number of arguments */
        return KUNARY;
    /* glyphs and dyadic keywords are infix verbs; a keyword with a monadic form is applied by
     * juxtaposition (deltas x), and may still take more arguments in brackets */
    if (id < P_AVG)
        return KBINARY;
    return prim_table[id].monad == NULL && (p->dyad || p->nary) ? KBINARY : KUNARY;
}

static K release_all(K *args, int n, const char *err) {
    for (int i = 0; i < n; i++)
        r0(args[i]);
    return kerr(err);
}

K prim_apply(const K f, K *args, int n) {
    if (f->g == PRIM_ELIDED || f->g >= PRIM_COUNT)
        return release_all(args, n, "type");
    const PrimInfo *p = &prim_table[f->g];
    if (n == 1 && f->t == KUNARY)
        return p->monad ? p->monad(args[0]) : release_all(args, n, "nyi");
    if (n == 2 && p->dyad)
        return p->dyad(args[0], args[1]);
    if (n >= 2 && p->nary)
        return p->nary(args, n);
    bool unbuilt = (n == 2 && f->t == KBINARY) || (n > 2 && f->g < P_AVG);
    return release_all(args, n, unbuilt ? "nyi" : "rank");
}

const char *prim_display(const K f, char buf[8]) {
    if (f->g == PRIM_IDENTITY && f->t == KUNARY)
        return "::";
    if (f->g >= PRIM_COUNT)
        return "";
    const char *text = prim_table[f->g].text;
    /* a glyph used monadically shows its colon form: #: */
    if (f->t == KUNARY && f->g < P_LE && strlen(text) <= 2) {
        snprintf(buf, 8, "%s:", text);
        return buf;
    }
    return text;
}

int prim_from_code(int type, int code) {
    for (int id = 0; id < PRIM_COUNT; id++)
        if ((type == KUNARY ? prim_table[id].u_code : prim_table[id].b_code) == code)
            return id;
    return -1;
}

int prims_missing(const char **out, int max) {
    int count = 0;
    const char *names[PRIM_COUNT * 3]; /* each row's three C names and functions */
    const void *fns[PRIM_COUNT * 3];
    int k = 0;
#define PRIM(id, text, u, b, m, d, n)                                                          \
    names[k] = #m; fns[k++] = (const void *)m;                                                 \
    names[k] = #d; fns[k++] = (const void *)d;                                                 \
    names[k] = #n; fns[k++] = (const void *)n;
#define ALIAS(name, type, id)
#include "prims.def"
#undef PRIM
#undef ALIAS
    for (int i = 0; i < k; i++) {
        if (fns[i] || strncmp(names[i], "no_", 3) == 0)
            continue;
        if (count < max)
            out[count] = names[i];
        count++;
    }
    return count;
}
