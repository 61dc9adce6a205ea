/* obj.h -- THE value model: every q value is a K (include/k.h) and this header says how each
 * type is laid out, who owns what, and how errors travel.  Read it top to bottom once.
 *
 * Ownership (stated once, then only exceptions are marked):
 *   - A function that takes K arguments CONSUMES them (it owns one reference of each and must
 *     give each back, by returning it, storing it, or r0).  It returns a NEW reference.
 *   - Borrowers only look: they say so with "borrows" in their comment or take `const K`.
 *   - An object whose r == 0 has exactly one owner, who may modify it in place (cheap append
 *     and amend).  obj_own() gives you such an object, copying only when shared.
 *
 * Errors: a function that fails returns NULL after kerr("type") set the pending error.
 * Callers pass the NULL up (after releasing what they own) until one protected boundary
 * (REPL line, IPC message, Python call, trap) reads kerr_msg() and clears it.  No longjmp.
 *
 * Layout by type (t):
 *   -19..-1   atoms; value in the union (guid: 16 bytes at kG(x), n = 1)
 *   0         general list: n items of K at kK(x)
 *   1..19     simple vectors: n items at kG(x), width obj_width(t); symbols are interned S
 *   20..76    enumerations: n longs (indices) at kJ(x); the domain's name is enum_domain(t)
 *   -20..-76  enumerated atom: index in x->j
 *   98        table: x->k is a dict (symbol vector of names ! general list of columns)
 *   99        dict: n = 2, kK(x)[0] keys, kK(x)[1] values (a keyed table is a dict of two
 *             tables).  A sorted dict (wire type 127) is a dict whose keys carry `s#.
 *   100       lambda: n = LAMBDA_N items, see LAMBDA_* slots
 *   101, 102  primitive used monadically / dyadic primitive: x->g is the primitive's id
 *             (prims.def); 101 with g = PRIM_IDENTITY is (::), g = PRIM_ELIDED marks an
 *             elided argument in a projection
 *   103       an iterator on its own: x->g = ITER_* below
 *   104       projection: n items, kK(x)[0] the function, then the arguments (elided = 101/ff)
 *   105       composition: n functions, applied right to left
 *   106..111  derived: n = 1, kK(x)[0] the operand; 106 f' 107 f/ 108 f\ 109 f': 110 f/: 111 f\:
 *   112       foreign: an external object (a Python object, say); see obj_foreign
 *   -128      error value (only at the k.h boundary, krr): x->s is the message
 */
#ifndef OPENQ_OBJ_H
#define OPENQ_OBJ_H

#include <stdbool.h>
#include <string.h>

#include "../../include/k.h"
#include "../base/defs.h"
#include "../base/mem.h"
#include "../base/runtime.h"
#include "../base/stack.h"

/* Type codes beyond k.h's (KB..KT, XT, XD).  Code compares types by these names only
 * (tests/contracts/types.py); `t > 0 && t < KENUM` is a simple vector type. */
enum {
    KUNUSED = 3,     /* the one code in 1..19 that names no type */
    KENUM = 20,      /* first enumeration type */
    KENUM_LAST = 76, /* last enumeration type */
    KLAMBDA = 100,
    KUNARY = 101,
    KBINARY = 102,
    KITER = 103,
    KPROJ = 104,
    KCOMP = 105,
    KEACH = 106,
    KOVER = 107,
    KSCAN = 108,
    KPRIOR = 109,
    KEACHR = 110,
    KEACHL = 111,
    KFOREIGN = 112,
    KVIEW = 113,       /* openq's own: a view as `. holds it (learn/views.md); items: its value
                          or (::) while pending, parse tree, dependencies, text */
    KSORTEDDICT = 127, /* wire only */
    KERROR = -128,
};

/* attributes (x->u) */
enum { ATTR_NONE = 0, ATTR_S = 1, ATTR_U = 2, ATTR_P = 3, ATTR_G = 4 };

/* iterators (type 103, and the order of 106..111) */
enum { ITER_EACH = 0, ITER_OVER, ITER_SCAN, ITER_PRIOR, ITER_EACHR, ITER_EACHL };

/* lambda slots (type 100, n = LAMBDA_N) */
enum {
    LAMBDA_SRC = 0,    /* char vector: the source text as written, e.g. "{x+y}" */
    LAMBDA_PARAMS = 1, /* symbol vector of parameter names (implicit x y z made explicit) */
    LAMBDA_LOCALS = 2, /* symbol vector of local names, parameters first */
    LAMBDA_BODY = 3,   /* the parsed body (owned by src/lang; opaque to other layers) */
    LAMBDA_CTX = 4,    /* symbol atom: the context it was defined in (` for root) */
    LAMBDA_N = 5
};

/* the primitive ids for (::) and for an elided projection argument */
#define PRIM_IDENTITY 0
#define PRIM_ELIDED 0xff

/* ---- errors --------------------------------------------------------------------------- */

/* set the pending error (text is copied) and return NULL, so `return kerr("type");` */
K kerr(const char *msg);
/* same, from a buffer of n bytes */
K kerrn(const char *msg, size_t n);
/* the pending error's text, or NULL when none is pending (borrowed, valid until cleared) */
const char *kerr_msg(void);
void kerr_clear(void);
/* The depth rule (src/base/stack.h): true when the calling thread may descend one more
 * level; false with 'stack pending.  Every recursion over user-controlled depth calls it. */
static inline bool obj_stack_ok(void) { return stack_ok() || (kerr("stack"), false); }

/* ---- symbols (sym.c) ------------------------------------------------------------------- */

/* intern n bytes; symbols live until sym_reset, so S pointers compare by identity */
S sym_intern(const char *s, size_t n);
/* the null symbol ` (the empty string) */
extern S const sym_null;
size_t sym_count(void);
size_t sym_bytes(void); /* the bytes of symbol text interned */
void sym_reset(void);
/* release what src/obj holds in the runtime (the symbol table, the pending error): the
 * layer's teardown at runtime_free (base/runtime.h) */
void obj_state_free(void);

/* ---- construction and reference counting (obj.c) -------------------------------------- */

/* bytes per item of a vector of type t (0: a K pointer; enums: 8) */
int obj_width(int t);
/* a vector of type t with room for n items, count set to n, items uninitialised */
K obj_vec(int t, J n);
/* an atom of type t (t < 0); value uninitialised */
K obj_atom(int t);
/* an empty list of type t with capacity for at least n items (count 0) */
K obj_reserve(int t, J n);
/* guarantee room for `more` further items, reallocating (moving) the object if needed;
 * x must be owned (r == 0).  Returns the possibly moved object, or NULL (x then freed). */
K obj_grow(K x, J more);
/* number of items x can hold without moving (borrows) */
J obj_capacity(const K x);
/* Building a list item by item.  The list under construction is owned (r == 0) and grows in
 * place, doubling when full; each call consumes the list and what it appends and returns the
 * list, perhaps moved.  A NULL list or item (a step that failed) releases the other and gives
 * NULL, so steps chain without a check each; out of memory gives NULL + 'wsfull with the list
 * and the item released.  Start from ktn(0, 0) or obj_reserve(t, expected count). */
K obj_push(K list, K item);                       /* general list: item appended */
K obj_push_items(K list, const void *items, J n); /* simple vector: n items of its width */
static inline K obj_push_atom(K list, const void *item) { return obj_push_items(list, item, 1); }
/* A mapped vector (m == 0) lives in a file mapping made by mem_map rather than in a pool
 * block: the K header sits `head` bytes into the mapping (over the file's own header) and
 * the items follow it, so nothing is copied.  It is created with one reference more than
 * its owners hold (r = 1 for one owner), so it always looks shared: whatever would modify
 * it in place copies it first (obj_own), and the owner's last r0 unmaps it.  head is a
 * multiple of 16 below 4096; the mapping is exactly head + 16 + n * width bytes. */
K obj_mapped(void *map, size_t head, int t, int attr, J n);
static inline bool obj_is_mapped(const K x) { return x->m == 0; }
/* a shallow copy: same type and items, children with one more reference (borrows x) */
K obj_copy(const K x);
/* x if it has one owner, else a copy (and x released): the object you may modify */
K obj_own(K x);
/* q's count (borrows): atoms 1, lists n, dict its keys' count, table its rows */
J obj_count(const K x);
/* general list from n objects (consumed) */
K obj_list(int n, ...);
/* a 101/102/103 primitive object */
K obj_prim(int t, int id);
/* (::) */
K obj_identity(void);
static inline bool obj_is_identity(const K x) { return x->t == KUNARY && x->g == PRIM_IDENTITY; }
/* A foreign object (type 112) wraps something outside q: a Python object, a C function
 * loaded with 2:, a builtin of a namespace such as .pykx.  ptr is released with fin(ptr)
 * when the last reference goes (fin may be NULL).  A callable foreign also has call, which
 * the evaluator invokes with n consumed arguments; arity is its valence (0: variadic). */
typedef K (*ForeignCall)(void *ptr, K *args, int n);
K obj_foreign(void *ptr, void (*fin)(void *));
K obj_foreign_fn(void *ptr, void (*fin)(void *), ForeignCall call, int arity);
void *obj_foreign_ptr(const K x);
/* NULL when x cannot be called */
ForeignCall obj_foreign_call(const K x);
int obj_foreign_arity(const K x);
/* char vector from n bytes / from a C string */
K obj_strn(const char *s, size_t n);
K obj_str(const char *s);

/* true for types whose items are K children (0, 99, 100, 104..111, KVIEW) */
static inline bool obj_has_children(int t) {
    return t == 0 || t == XD || t == KLAMBDA || (t >= KPROJ && t <= KEACHL) || t == KVIEW;
}
static inline bool obj_is_enum(int t) { return t >= KENUM && t <= KENUM_LAST; }
static inline bool obj_is_func(int t) { return t >= KLAMBDA && t <= KFOREIGN; }
/* simple vector (1..19, enums excluded) */
static inline bool obj_is_simple(int t) { return t > 0 && t <= KT; }

/* ---- dictionaries and tables (dict.c) --------------------------------------------------- */

#define DICT_KEYS(d) (kK(d)[0])
#define DICT_VALS(d) (kK(d)[1])
#define TABLE_COLS(t) (DICT_KEYS((t)->k))
#define TABLE_DATA(t) (DICT_VALS((t)->k))

/* keyed table: a dict whose keys and values are tables (borrows) */
static inline bool obj_is_keyed(const K x) {
    return x->t == XD && DICT_KEYS(x)->t == XT && DICT_VALS(x)->t == XT;
}

/* ---- nulls and infinities -------------------------------------------------------------- */

extern const U null_guid;
/* is x[i] null, for a simple vector x, or x itself for an atom (i ignored) (borrows) */
bool obj_is_null_at(const K x, J i);

/* ---- enumerations ---------------------------------------------------------------------- */

/* the enumeration type (20..76) for the domain named `name`, registering it; 0 if full */
int enum_type_for(S name);
/* the domain name of enumeration type t */
S enum_domain(int t);

/* ---- temporal (temporal.c) ------------------------------------------------------------- */

/* days since 2000.01.01 from year, month, day and back (ymd and dj in k.h) */
void date_to_ymd(I days, I *y, I *m, I *d);
/* months since 2000.01 */
static inline I month_from_ym(I y, I m) { return (y - 2000) * 12 + (m - 1); }

#define NS_PER_DAY 86400000000000LL
#define MS_PER_DAY 86400000

#endif
