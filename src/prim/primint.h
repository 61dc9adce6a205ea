/* primint.h -- helpers shared by the primitive families (and the evaluator). */
#ifndef OPENQ_PRIMINT_H
#define OPENQ_PRIMINT_H

#include "../obj/obj.h"

/* A primitive handed a failed result (NULL, its error pending) passes the failure on, so
 * that compositions like prim_sub(prim_avg(x), y) need no check at every step. */
#define PRIM_ARGS1(x)                                                                          \
    do {                                                                                       \
        if (!(x))                                                                              \
            return NULL;                                                                       \
    } while (0)
#define PRIM_ARGS2(x, y)                                                                       \
    do {                                                                                       \
        if (!(x) || !(y)) {                                                                    \
            r0(x);                                                                             \
            r0(y);                                                                             \
            return NULL;                                                                       \
        }                                                                                      \
    } while (0)

/* The depth rule (src/base/stack.h) for a primitive that recurses over nested lists, dicts
 * or tables: when the stack is too deep, releases x and y (either may be NULL) and answers
 * true with 'stack pending, so `if (prim_too_deep(x, y)) return NULL;`. */
static inline bool prim_too_deep(K x, K y) {
    if (LIKELY(stack_ok()))
        return false;
    r0(x);
    r0(y);
    kerr("stack");
    return true;
}

/* a general list (consumed) whose items were filled by calls that may fail: the list when
 * every item was made, else NULL (the failed call's error stays pending) */
K prim_all_made(K list);
/* the typed null of type t (atom or vector type) */
K prim_null_of(int t);
/* y (consumed) as rows of unkeyed table t (borrowed): a table of t's columns in t's order from
 * a table (missing columns null), a record or a list of values (one row), a list of rows;
 * NULL + 'length, 'mismatch or 'type, t untouched, when y is none of these */
K prim_table_rows(const K t, K y);
/* the prototype of x (borrowed): x with every atom made its type's null, the same shape (a
 * vector keeps its length, a dict its keys, a table its rows); what a general list or a dict of
 * general values gives for an index or key it lacks, from its first item; NULL + 'stack */
K prim_proto(const K x);
/* item i of list v as an atom, or the item of a general list (borrows v) */
K prim_item(const K v, J i);
/* n results (consumed) as a simple vector when they are atoms of one type, else a list */
K prim_collect(K *items, J n);
/* f(item, ctx) over the items of list x (consumed), results collected */
K prim_map(K x, K (*f)(K item, const void *ctx), const void *ctx);
/* f over a dict's values, a table's columns, a keyed table's values (x consumed); else f x */
K prim_uniform(K x, K (*f)(K));
/* ?[c;x;y], the vector conditional (all consumed) */
K prim_vector_cond(K c, K x, K y);
/* are the items of list x (borrowed) in ascending order (sort.c)? */
bool prim_in_order(const K x);
/* a general list (consumed) of atoms of one simple type as that type's vector; others unchanged */
K prim_squash(K x);
/* at a keyword's entry, after PRIM_ARGS: its general-list arguments squashed */
#define PRIM_SQUASH1(x)                                                                        \
    do {                                                                                       \
        if (!((x) = prim_squash(x)))                                                           \
            return NULL;                                                                       \
    } while (0)
#define PRIM_SQUASH2(x, y)                                                                     \
    do {                                                                                       \
        (x) = prim_squash(x);                                                                  \
        (y) = prim_squash(y);                                                                  \
        if (!(x) || !(y)) {                                                                    \
            if (x)                                                                             \
                r0(x);                                                                         \
            if (y)                                                                             \
                r0(y);                                                                         \
            return NULL;                                                                       \
        }                                                                                      \
    } while (0)
/* a list (consumed) of dictionaries with the same symbol keys as a table; others unchanged */
K prim_rows_table(K x);
/* q's match (~), floats within the comparison tolerance, borrowing both */
bool prim_match_borrow(const K a, const K b);
/* exact match (Find, distinct, group: no tolerance), borrowing both */
bool prim_match_exact(const K a, const K b);
/* x = y for floats within q's comparison tolerance (2^-43 relative) */
bool prim_float_eq(F x, F y);
/* an enumeration (vector or atom) as its symbols; anything else unchanged (consumes x) */
K prim_unenum(K x);
/* ---- index.c: hash indexes --------------------------------------------------------------- */
/* the hash of item i of x, and whether a[i] and b[j] are the same item (floats bit for bit;
 * general lists by shape); an atom hashes and matches as the same item of a vector */
uint64_t prim_item_hash(const K x, J i);
bool prim_items_match(const K a, J i, const K b, J j);
/* the position in x of each item of y (count x when absent); both borrowed */
K prim_find_all(const K x, const K y);
/* rows [*lo, *hi) of s# list x whose items are within from and to (atoms of x's type) by
 * binary search; false when x is not s# or its type has no exact order here (floats, whose
 * = is tolerant; guids) */
bool prim_sorted_range(const K x, const K from, const K to, J *lo, J *hi);
/* x = y where both are enumerations over one domain, or one is and the other a symbol atom:
 * their indexes compared, no symbols made (both consumed); NULL without error, both kept,
 * for any other pair */
K prim_enum_eq(K x, K y);
/* x in y for a vector x of an enumeration and y of it or symbols: by a mark per domain item
 * (both consumed); NULL without error, both kept, for any other pair */
K prim_enum_in(K x, K y);
/* the marks of x in y for x of enumeration type t and y (borrowed) of it or symbols: mem_raw
 * bytes, [k] whether domain item k is in y and [*nd] (the domain's count) whether a position
 * outside the domain (a null) is; NULL without error for any other y or a missing domain */
G *prim_enum_marks(int t, const K y, J *nd);
/* A set of symbols that many symbols are tested against (syms in syms, qSQL's sym in ..):
 * a filter of 4096 bits over the pointers' hashes answers most absent symbols without a
 * probe, an open-addressed table of the pointers the rest (interned: one pointer a text). */
#define SYMSET_FEW 8
typedef struct SymSet {
    uint64_t bits[64]; /* bit h of a member's hash h set */
    S *slots;          /* mask+1 slots, the members and NULLs (mem_raw) */
    J mask;
    int shift;         /* a slot is the hash's top 64-shift bits */
    int few;           /* the members when at most SYMSET_FEW (else 0): compared directly */
    S members[SYMSET_FEW];
} SymSet;
/* the set of syms[0..n) (borrowed); false + 'wsfull */
bool prim_symset_make(SymSet *set, const S *syms, J n);
void prim_symset_free(SymSet *set);
/* out[i] = whether x[i] is in set, for i < n */
void prim_symset_mark(const SymSet *set, const S *x, J n, G *out);
static inline bool prim_symset_has(const SymSet *set, S s) {
    uint64_t h = (uint64_t)(uintptr_t)s * 0x9E3779B97F4A7C15ULL;
    unsigned b = (unsigned)(h >> 40) & 4095;
    if (LIKELY(!((set->bits[b >> 6] >> (b & 63)) & 1)))
        return false;
    J j = (J)(h >> set->shift);
    while (set->slots[j] && set->slots[j] != s)
        j = (j + 1) & set->mask;
    return set->slots[j] != NULL;
}
/* an atom as a one-item list of its type, anything else enlisted, for probing (x consumed) */
K prim_probe_list(K x);
/* A hash index over the rows of key columns (the joins): each row's group (rows with equal
 * keys share one, numbered in order of first appearance) and each group's first row.
 * rows_index_new borrows keys (a general list of equal-length columns) and returns non-NULL
 * on success; rows_index_find gives, for each row of probe (columns in the same order), its
 * group or -1. */
typedef struct RowIndex {
    K keys;      /* the key columns, enumerations resolved (owned) */
    J *slot;     /* hash slots: group + 1, 0 = empty */
    J mask;
    J *group;    /* group of each row */
    J *first;    /* first row of each group */
    J ngroups, n;
} RowIndex;
K rows_index_new(const K keys, RowIndex *ix);
K rows_index_find(const RowIndex *ix, const K probe);
void rows_index_free(RowIndex *ix);
/* group the items of x (borrowed): the first position of each group (numbered in order of
 * first appearance), and in *gid each item's group */
K prim_group_ids(const K x, K *gid);
/* codes (borrowed, a long vector with one owner) regrouped in place: each code replaced by
 * its group (numbered in order of first appearance); the groups' first positions, or NULL
 * + kerr (codes then undefined) */
K prim_regroup(K codes);
/* x f t for the global table named by y (consumed, like x), stored back: y, or NULL */
K prim_in_place(K (*f)(K, K), K x, K y);
/* columns names (borrowed symbols) of table t (borrowed) as a list, or NULL + 'mismatch */
K prim_columns_named(const K t, const K names);
/* meta of a table or keyed table, or of the name of one (ref/meta.md) */
K table_meta(K x);
/* dictionaries (and keyed tables) x and y (consumed) merged by key: x's keys then y's new
 * ones; combine(xv, yv) (consumed; NULL: y's value) where a key is in both */
K prim_dict_merge(K x, K y, K (*combine)(K, K));
/* a u# or g# list's kept lookup index is dropped (the list is freed or changed) */
void prim_attr_forget(const K x);
/* Tok of temporal and address text beyond q's literals (tok.c): the atom, or NULL, no error,
 * when the text is none of those forms */
K tok_parse(int to, const char *s, size_t n);
/* the text s (n bytes, spaces around it ignored) parsed as type t, as `"T"$` parses one
 * string (cast.c): a new atom; for 0: (csv.c), which parses fields where they lie */
K prim_parse_text(int t, const char *s, size_t n);
/* the items of simple or general list x (borrowed) at positions pos (borrowed longs, in range) */
K prim_gather(const K x, const K pos);
/* n?y: Roll (n > 0), Deal (n < 0), Permute (n null), y consumed (rand.c); \S's seed */
K prim_roll(J n, K y);
void prim_seed(J seed);
J prim_seed_get(void);
/* byte codecs (codec.c): SHA-1 digest, base64 encode and decode, of strings or bytes */
K prim_sha1(K x);
K prim_btoa(K x);
K prim_atob(K x);
/* x?y: Find (find.c); lang's prim_query adds the forms on files */
K prim_find(K x, K y);
/* `dom?syms: enumeration, extending the domain (cast.c) */
K prim_enum_extend(K x, K y);
/* timestamp, month, date, datetime, timespan, minute, second, time */
bool prim_is_temporal(int t);
/* float v against a finite float c as = < > do (arith.c): outside c +- prim_cmp_f_band(c)
 * the plain comparison decides (a null is below c); inside it, prim_cmp_f_near(rel, v, c)
 * with rel -1 (v<c), 0 (v=c), 1 (v>c) is the tolerant answer */
F prim_cmp_f_band(F c);
bool prim_cmp_f_near(int rel, F x, F c);

#endif
