/* obj.c -- construction, reference counting, growth and copying of K objects; the pending
 * error slot; the k.h constructors.  Layout and ownership rules: obj.h. */
#include "obj.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>


#define HEADER_BYTES 16 /* m a t u r n: the items start here */

/* ---- errors --------------------------------------------------------------------------- */

/* out of memory while reporting: the pending error is this text, never freed */
static const char wsfull_text[] = "wsfull";

static void pending_free(void) {
    if (RT->obj.pending_error != wsfull_text)
        mem_raw_free(RT->obj.pending_error);
    RT->obj.pending_error = NULL;
}

K kerrn(const char *msg, size_t n) {
    char *copy = mem_raw_strndup(msg, n); /* before the old text goes: msg may be it */
    pending_free();
    RT->obj.pending_error = copy ? copy : (char *)wsfull_text;
    runtime_on_free(RT_OBJ, obj_state_free);
    return NULL;
}

K kerr(const char *msg) { return kerrn(msg, strlen(msg)); }

const char *kerr_msg(void) { return RT->obj.pending_error; }

void kerr_clear(void) { pending_free(); }

void obj_state_free(void) {
    kerr_clear();
    sym_reset();
}

/* ---- allocation ----------------------------------------------------------------------- */

int obj_width(int t) {
    static const signed char widths[20] = {
        sizeof(K), 1, 16, 0, 1, 2, 4, 8, 4, 8, 1, sizeof(S), 8, 4, 4, 8, 8, 4, 4, 4};
    if (t < 0)
        t = -t;
    if (t < KENUM)
        return widths[t];
    if (t <= KENUM_LAST)
        return 8;
    if (t == XD || (t >= KLAMBDA && t <= KEACHL) || t == KVIEW)
        return sizeof(K);
    if (t == KFOREIGN)
        return sizeof(void *);
    return 0;
}

static K alloc_bytes(size_t bytes) {
    int m = mem_class(bytes);
    K x = m < 0 ? NULL : mem_alloc(m);
    if (!x)
        return kerr("wsfull");
    x->m = (signed char)m;
    x->a = 0;
    x->u = 0;
    x->r = 0;
    return x;
}

K obj_atom(int t) {
    K x = alloc_bytes(t == -UU ? HEADER_BYTES + 16 : HEADER_BYTES);
    if (!x)
        return NULL;
    x->t = (signed char)t;
    x->n = 0;
    if (t == -UU)
        x->n = 1;
    return x;
}

K obj_reserve(int t, J n) {
    if (n < 0)
        return kerr("wsfull");
    int w = obj_width(t);
    if ((uint64_t)n > ((uint64_t)1 << 46) / (w ? w : 1))
        return kerr("wsfull");
    K x = alloc_bytes(HEADER_BYTES + (size_t)n * w);
    if (!x)
        return NULL;
    x->t = (signed char)t;
    x->n = 0;
    return x;
}

K obj_vec(int t, J n) {
    K x = obj_reserve(t, n);
    if (x)
        x->n = n;
    return x;
}

/* the start and length of a mapped vector's mapping (see obj_mapped) */
static size_t mapping_head(const K x) { return (size_t)(unsigned char)x->a * 16; }
static size_t mapping_length(const K x) {
    return mapping_head(x) + HEADER_BYTES + (size_t)x->n * (size_t)obj_width(x->t);
}

K obj_mapped(void *map, size_t head, int t, int attr, J n) {
    K x = (K)((char *)map + head);
    x->m = 0;
    x->a = (signed char)(unsigned char)(head / 16);
    x->t = (signed char)t;
    x->u = (C)attr;
    x->r = 1; /* the mapping's own reference: see obj.h */
    x->n = n;
    return x;
}

static void obj_unmap(K x) {
    if ((x->u == ATTR_U || x->u == ATTR_G) && RT->svc.forget_index)
        RT->svc.forget_index(x);
    mem_unmap((char *)x - mapping_head(x), mapping_length(x));
}

J obj_capacity(const K x) {
    if (obj_is_mapped(x))
        return x->n;
    int w = obj_width(x->t);
    return w ? ((J)((size_t)1 << x->m) - HEADER_BYTES) / w : 0;
}

K obj_grow(K x, J more) {
    ASSERT(x->r == 0 || (obj_is_mapped(x) && x->r == 1)); /* only an owner grows a list */
    ASSERT(x->n >= 0 && x->n <= obj_capacity(x));
    J need = x->n + more;
    if (need <= obj_capacity(x))
        return x;
    J cap = obj_capacity(x);
    if (cap < need)
        cap = need > 2 * cap ? need : 2 * cap;
    K y = obj_reserve(x->t, cap);
    if (!y) {
        r0(x);
        return NULL;
    }
    y->u = x->u;
    y->n = x->n;
    memcpy(kG(y), kG(x), (size_t)x->n * obj_width(x->t));
    if (obj_is_mapped(x))
        obj_unmap(x);
    else
        mem_free(x, x->m); /* children moved to y, so free only the block */
    return y;
}

/* ---- reference counting ---------------------------------------------------------------- */

K r1(K x) {
    ASSERT(x->r >= 0); /* a live object: r0 has not freed it */
    x->r++;
    return x;
}

typedef struct Foreign {
    void *ptr;              /* the external object */
    void (*fin)(void *);    /* releases it, or NULL */
    ForeignCall call;       /* applies it, or NULL when it is not callable */
    intptr_t arity;         /* valence for the evaluator; 0 = any */
} Foreign;
#define FOREIGN_ITEMS (sizeof(Foreign) / sizeof(void *))

/* free one dead object that has no K children pending (its foreign or index goes too) */
static void free_leaf(K x) {
    if (x->t == KFOREIGN) {
        Foreign *f = (Foreign *)kG(x);
        if (f->fin)
            f->fin(f->ptr);
    } else if ((x->u == ATTR_U || x->u == ATTR_G) && x->t > 0 && x->t < KENUM && RT->svc.forget_index) {
        RT->svc.forget_index(x); /* its lookup index goes with it */
    }
    mem_free(x, x->m);
}

/* r0 cannot fail, so it must not recurse over the depth of what it frees: dead parents wait
 * on a stack threaded through their own items.  A dead parent p with children left gives up
 * its last child kK(p)[n-1] (n decremented) and that vacated slot, kK(p)[p->n], holds the
 * link to the parent below it; a table gives up its dict and is freed at once. */
void r0(K x) {
    K pending = NULL; /* dead parents whose remaining children are still to be released */
    for (;;) {
        while (x) { /* release x; descend into its last child when it dies with children */
            ASSERT(x->r >= 0); /* a negative count: released more often than referenced */
            if (x->r > 0 && !(x->r == 1 && obj_is_mapped(x))) {
                x->r--;
                break;
            }
            if (obj_is_mapped(x)) { /* the last owner of a mapped vector (its extra reference
                                     * keeps it shared, so nothing writes into the mapping) */
                obj_unmap(x);
                break;
            }
            if (x->t == XT) {
                K d = x->k;
                mem_free(x, x->m);
                x = d;
                continue;
            }
            if (!obj_has_children(x->t) || x->n == 0) {
                free_leaf(x);
                break;
            }
            K child = kK(x)[--x->n];
            kK(x)[x->n] = pending;
            pending = x;
            x = child;
        }
        x = NULL;
        if (!pending)
            return;
        K p = pending;
        K below = kK(p)[p->n];
        if (p->n == 0) {
            pending = below;
            mem_free(p, p->m);
        } else {
            x = kK(p)[--p->n];
            kK(p)[p->n] = below;
        }
    }
}

/* ---- copying ----------------------------------------------------------------------------- */

K obj_copy(const K x) {
    if (x->t == XT) {
        K y = obj_atom(0);
        if (!y)
            return NULL;
        y->t = XT;
        y->u = x->u;
        y->k = r1(x->k);
        return y;
    }
    if (x->t < 0 || x->t == KUNARY || x->t == KBINARY || x->t == KITER) {
        K y = obj_atom(x->t);
        if (!y)
            return NULL;
        memcpy(&y->n, &x->n, x->t == -UU ? 24 : 8);
        return y;
    }
    K y = obj_vec(x->t, x->n);
    if (!y)
        return NULL;
    y->u = x->u;
    memcpy(kG(y), kG(x), (size_t)x->n * obj_width(x->t));
    if (obj_has_children(x->t))
        for (J i = 0; i < x->n; i++)
            r1(kK(y)[i]);
    if (x->t == KFOREIGN) /* a foreign is shared, never duplicated */
        return r0(y), r1(x);
    return y;
}

K obj_own(K x) {
    if (x->r == 0)
        return x;
    K y = obj_copy(x);
    r0(x);
    return y;
}

J obj_count(K x) {
    while (x->t == XD) /* keys may be a dict again: a loop, not a recursion (stack.h) */
        x = DICT_KEYS(x);
    if (x->t < 0 || x->t >= KLAMBDA)
        return 1;
    if (x->t == XT) {
        K cols = TABLE_DATA(x);
        return cols->n ? obj_count(kK(cols)[0]) : 0;
    }
    return x->n;
}

/* ---- convenience constructors ------------------------------------------------------------ */

K obj_list(int n, ...) {
    va_list ap;
    va_start(ap, n);
    K x = obj_vec(0, n);
    for (int i = 0; i < n; i++) {
        K item = va_arg(ap, K);
        if (x)
            kK(x)[i] = item;
        else
            r0(item);
    }
    va_end(ap);
    return x;
}

K obj_prim(int t, int id) {
    K x = obj_atom(t);
    if (x)
        x->g = (G)id;
    return x;
}

K obj_identity(void) { return obj_prim(KUNARY, PRIM_IDENTITY); }

K obj_foreign_fn(void *ptr, void (*fin)(void *), ForeignCall call, int arity) {
    K x = obj_reserve(KFOREIGN, FOREIGN_ITEMS);
    if (!x) {
        if (fin)
            fin(ptr);
        return NULL;
    }
    x->n = FOREIGN_ITEMS;
    Foreign *f = (Foreign *)kG(x);
    f->ptr = ptr;
    f->fin = fin;
    f->call = call;
    f->arity = arity;
    return x;
}

K obj_foreign(void *ptr, void (*fin)(void *)) { return obj_foreign_fn(ptr, fin, NULL, 0); }

void *obj_foreign_ptr(const K x) { return ((Foreign *)kG(x))->ptr; }
ForeignCall obj_foreign_call(const K x) { return ((Foreign *)kG(x))->call; }
int obj_foreign_arity(const K x) { return (int)((Foreign *)kG(x))->arity; }

K obj_strn(const char *s, size_t n) {
    K x = obj_vec(KC, (J)n);
    if (x && n)
        memcpy(kC(x), s, n);
    return x;
}

K obj_str(const char *s) { return obj_strn(s, strlen(s)); }

/* ---- nulls ------------------------------------------------------------------------------- */

const U null_guid;

bool obj_is_null_at(const K x, J i) {
    int t = x->t < 0 ? -x->t : x->t;
    const void *p = x->t < 0 ? (t == UU ? (const void *)kG(x) : (const void *)&x->g)
                             : (const void *)(kG(x) + (size_t)i * obj_width(t));
    switch (t) {
    case UU: return memcmp(p, &null_guid, 16) == 0;
    case KH: return *(const H *)p == nh;
    case KI: case KM: case KD: case KU: case KV: case KT: return *(const I *)p == ni;
    case KJ: case KP: case KN: return *(const J *)p == nj;
    case KE: { E e = *(const E *)p; return e != e; }
    case KF: case KZ: { F f = *(const F *)p; return f != f; }
    case KC: return *(const C *)p == ' ';
    case KS: return **(const S *)p == 0;
    default: return false;
    }
}

/* ---- enumerations ------------------------------------------------------------------------ */

_Static_assert(RT_ENUM_DOMAINS == KENUM_LAST - KENUM + 1, "runtime.h: one domain per enumeration type");

int enum_type_for(S name) {
    for (int i = 0; i <= KENUM_LAST - KENUM; i++) {
        if (RT->obj.enum_domains[i] == name)
            return KENUM + i;
        if (!RT->obj.enum_domains[i]) {
            RT->obj.enum_domains[i] = name;
            return KENUM + i;
        }
    }
    return 0;
}

S enum_domain(int t) { return obj_is_enum(t) ? RT->obj.enum_domains[t - KENUM] : sym_null; }

/* ---- k.h constructors -------------------------------------------------------------------- */

K ka(I t) { return obj_atom(t); }
#define ATOM_CTOR(name, ctype, type, field)                                                    \
    K name(ctype v) {                                                                          \
        K x = obj_atom(type);                                                                  \
        if (x)                                                                                 \
            x->field = v;                                                                      \
        return x;                                                                              \
    }
ATOM_CTOR(kb, I, -KB, g)
ATOM_CTOR(kg, I, -KG, g)
ATOM_CTOR(kh, I, -KH, h)
ATOM_CTOR(ki, I, -KI, i)
ATOM_CTOR(kj, J, -KJ, j)
ATOM_CTOR(ke, F, -KE, e)
ATOM_CTOR(kf, F, -KF, f)
ATOM_CTOR(kc, I, -KC, g)
ATOM_CTOR(kd, I, -KD, i)
ATOM_CTOR(kz, F, -KZ, f)
ATOM_CTOR(kt, I, -KT, i)
#undef ATOM_CTOR

K ks(S s) {
    K x = obj_atom(-KS);
    if (x)
        x->s = sym_intern(s, strlen(s));
    return x;
}

K ku(U u) {
    K x = obj_atom(-UU);
    if (x)
        kU(x)[0] = u;
    return x;
}

K ktj(I t, J v) {
    K x = obj_atom(t);
    if (x)
        x->j = v;
    return x;
}

K ktn(I t, J n) {
    K x = obj_vec(t, n);
    if (x && (t == 0 || t == XD)) /* callers fill lists item by item: keep r0 safe */
        memset(kK(x), 0, (size_t)n * sizeof(K));
    return x;
}

K knk(I n, ...) {
    va_list ap;
    va_start(ap, n);
    K x = obj_vec(0, n);
    for (I i = 0; i < n; i++) {
        K item = va_arg(ap, K);
        if (x)
            kK(x)[i] = item;
        else
            r0(item);
    }
    va_end(ap);
    return x;
}

K kpn(S s, J n) { return obj_strn(s, (size_t)n); }
K kp(S s) { return obj_str(s); }

K obj_push(K x, K item) {
    if (!x || !item) {
        r0(x);
        r0(item);
        return NULL;
    }
    ASSERT(x->t == 0); /* obj_push_items adds to simple vectors */
    K v = obj_grow(x, 1);
    if (!v) {
        r0(item);
        return NULL;
    }
    kK(v)[v->n++] = item;
    return v;
}

K obj_push_items(K x, const void *items, J n) {
    if (!x)
        return NULL;
    K v = obj_grow(x, n);
    if (!v)
        return NULL;
    int w = obj_width(v->t);
    ASSERT(w > 0 && !obj_has_children(v->t)); /* a simple vector: obj_push adds K items */
    memcpy(kG(v) + (size_t)v->n * w, items, (size_t)n * w);
    v->n += n;
    ASSERT(v->n <= obj_capacity(v));
    return v;
}

K ja(K *x, V *y) {
    K v = obj_grow(obj_own(*x), 1);
    *x = v;
    if (!v)
        return NULL;
    int w = obj_width(v->t);
    memcpy(kG(v) + (size_t)v->n * w, y, w);
    v->n++;
    return v;
}

K js(K *x, S y) {
    S interned = sym_intern(y, strlen(y));
    return ja(x, &interned);
}

K jk(K *x, K y) { return ja(x, &y); }

K jv(K *x, K y) {
    K v = obj_own(*x);
    if (v && v->t == y->t && !obj_has_children(v->t))
        v = obj_grow(v, y->n);
    else if (v && v->t == 0)
        v = obj_grow(v, y->n);
    *x = v;
    if (!v) {
        r0(y);
        return NULL;
    }
    if (v->t == y->t && !obj_has_children(v->t)) {
        int w = obj_width(v->t);
        memcpy(kG(v) + (size_t)v->n * w, kG(y), (size_t)y->n * w);
        v->n += y->n;
    } else if (v->t == 0 && y->t == 0) {
        for (J i = 0; i < y->n; i++)
            kK(v)[v->n++] = r1(kK(y)[i]);
    } else {
        r0(y);
        return kerr("type");
    }
    r0(y);
    return v;
}

K krr(const S msg) {
    S s = sym_intern(msg, strlen(msg)); /* msg may be the pending error's own text */
    kerr(s);
    K x = obj_atom(KERROR);
    if (x)
        x->s = s;
    return x;
}

K orr(const S msg) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s: %s", msg, strerror(errno));
    return krr(buf);
}

K ee(K x) {
    if (x && x->t == KERROR) {
        K e = obj_str(x->s);
        r0(x);
        return e;
    }
    return x;
}

I setm(I on) { return on ? 1 : 0; }
I m9(V) { return 0; }
