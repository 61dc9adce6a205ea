/* dispatch.c -- the primitives' implementations (prims.def's monad, dyad and nary columns),
 * and applying a primitive object by arity.  The table lives here, in the evaluator's layer,
 * because its rows name functions of every layer up to this one (src/prim, src/fmt,
 * src/lang); prims.c below keeps only the names and wire opcodes that fmt and ipc need. */
#include "../fmt/fmt.h"
#include "lang_int.h"

typedef struct PrimImpl {
    PrimMonad monad; /* NULL: no monadic form */
    PrimDyad dyad;   /* NULL: no dyadic form */
    PrimNary nary;   /* NULL: no form for 3+ arguments */
} PrimImpl;

#define no_monad NULL
#define no_dyad NULL
#define no_nary NULL
static const PrimImpl impl[PRIM_COUNT] = {
#define PRIM(id, text, u, b, m, d, n, files) {m, d, n},
#define ALIAS(name, type, id)
#include "../prim/prims.def"
#undef PRIM
#undef ALIAS
};
#undef no_monad
#undef no_dyad
#undef no_nary

bool prim_has_form(int id, int n) {
    if (id < 0 || id >= PRIM_COUNT)
        return false;
    return n == 1 ? impl[id].monad != NULL : n == 2 ? impl[id].dyad != NULL : impl[id].nary != NULL;
}

int prim_default_type(int id) {
    if (id == P_ENLIST) /* enlist is monadic (101) but takes any number of arguments */
        return KUNARY;
    /* glyphs and dyadic keywords are infix verbs; a keyword with a monadic form is applied by
     * juxtaposition (deltas x), and may still take more arguments in brackets */
    if (id < P_AVG)
        return KBINARY;
    return impl[id].monad == NULL && (impl[id].dyad || impl[id].nary) ? KBINARY : KUNARY;
}

K prim_lookup(const char *text, size_t n) {
    for (int i = 0; i < prim_alias_count; i++)
        if (strlen(prim_aliases[i].name) == n && memcmp(prim_aliases[i].name, text, n) == 0)
            return obj_prim(prim_aliases[i].type, prim_aliases[i].id);
    for (int id = 0; id < PRIM_COUNT; id++)
        if (strlen(prim_table[id].text) == n && memcmp(prim_table[id].text, text, n) == 0)
            return obj_prim(prim_default_type(id), id);
    return NULL;
}

static K release_all(K *args, int n, const char *err) {
    for (int i = 0; i < n; i++)
        r0(args[i]);
    return kerr(err);
}

static K apply_form(const K f, K *args, int n);

K prim_apply(const K f, K *args, int n) {
    if (f->g == PRIM_ELIDED || f->g >= PRIM_COUNT)
        return release_all(args, n, "type");
    K r = apply_form(f, args, n);
    if (!r)
        eval_trace_prim(f); /* til, cut...: q runs their q.k lambda, a frame of the backtrace */
    return r;
}

static K apply_form(const K f, K *args, int n) {
    const PrimImpl *p = &impl[f->g];
    if (n == 1 && f->t == KUNARY)
        return p->monad ? p->monad(args[0]) : release_all(args, n, "nyi");
    if (n == 2 && p->dyad)
        return p->dyad(args[0], args[1]);
    if (n >= 2 && p->nary)
        return p->nary(args, n);
    bool unbuilt = (n == 2 && f->t == KBINARY) || (n > 2 && f->g < P_AVG);
    return release_all(args, n, unbuilt ? "nyi" : "rank");
}
