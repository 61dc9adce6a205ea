/* decode.c -- q's -9!: a whole IPC message to a K object.
 *
 * Nothing in the input is trusted.  Every read is checked against the bytes that remain,
 * and a vector's count is checked against them before anything is allocated (n longs need
 * 8n bytes), so a hostile header cannot make us allocate more than a small multiple of the
 * message.  Nesting is capped.  Any violation is 'badmsg. */
#include "ipc.h"

#include "../prim/prims.h"

#define MAX_DEPTH 4096

typedef struct Reader {
    const G *p;   /* next byte */
    const G *end; /* one past the last byte */
    bool swap;    /* big-endian input */
    int depth;    /* current nesting */
} Reader;

static bool need(Reader *r, size_t n) { return (size_t)(r->end - r->p) >= n; }

static void get(Reader *r, void *dst, int width) {
    if (!r->swap || width == 1) {
        memcpy(dst, r->p, (size_t)width);
    } else {
        G *d = dst;
        for (int i = 0; i < width; i++)
            d[i] = r->p[width - 1 - i];
    }
    r->p += width;
}

static K bad(void) { return kerr("badmsg"); }

/* a NUL-terminated string within bounds, interned */
static bool get_sym(Reader *r, S *out) {
    const G *nul = memchr(r->p, 0, (size_t)(r->end - r->p));
    if (!nul)
        return false;
    *out = sym_intern((const char *)r->p, (size_t)(nul - r->p));
    r->p = nul + 1;
    return true;
}

/* A long symbol vector is mostly a few short names repeated (tickers, venues): symbols of
 * up to 8 bytes are looked up by their bytes as one word (zero-padded: a symbol holds no
 * NUL, so the word is the text) in a small direct-mapped memo before the symbol table, which
 * they then skip, hashing and comparing included. */
enum { SYM_MEMO_MIN = 64, SYM_MEMO_BITS = 8 };

static bool get_syms_memo(Reader *r, S *out, J n) {
    struct { uint64_t w; S s; } memo[1 << SYM_MEMO_BITS];
    memset(memo, 0, sizeof memo);
    for (J i = 0; i < n; i++) {
        const G *nul = memchr(r->p, 0, (size_t)(r->end - r->p));
        if (!nul)
            return false;
        size_t len = (size_t)(nul - r->p);
        if (len == 0 || len > 8) {
            out[i] = sym_intern((const char *)r->p, len);
        } else {
            uint64_t w = 0;
            memcpy(&w, r->p, len);
            size_t k = (size_t)((w * 0x9e3779b97f4a7c15ULL) >> (64 - SYM_MEMO_BITS));
            if (!memo[k].s || memo[k].w != w) {
                memo[k].w = w;
                memo[k].s = sym_intern((const char *)r->p, len);
            }
            out[i] = memo[k].s;
        }
        r->p = nul + 1;
    }
    return true;
}

static bool get_count(Reader *r, G attr, J *n) {
    if (attr & 0x80) {
        if (!need(r, 8))
            return false;
        uint64_t c;
        get(r, &c, 8);
        if (c > ((uint64_t)1 << 40))
            return false;
        *n = (J)c;
        return true;
    }
    if (!need(r, 4))
        return false;
    uint32_t c;
    get(r, &c, 4);
    *n = (J)c;
    return true;
}

static K read_obj(Reader *r);

static K read_vector(Reader *r, int t) {
    if (!need(r, 1))
        return bad();
    G attr = *r->p++;
    J n;
    if (!get_count(r, attr, &n))
        return bad();
    attr &= 0x7f;
    if (attr > ATTR_G)
        return bad();
    if (t == KS) {
        /* each symbol needs at least its NUL */
        if ((uint64_t)n > (uint64_t)(r->end - r->p))
            return bad();
        K v = obj_vec(KS, n);
        if (!v)
            return NULL;
        bool ok = n >= SYM_MEMO_MIN ? get_syms_memo(r, kS(v), n) : true;
        for (J i = 0; ok && i < n && n < SYM_MEMO_MIN; i++)
            ok = get_sym(r, &kS(v)[i]);
        if (!ok) {
            r0(v);
            return bad();
        }
        v->u = (C)attr;
        return v;
    }
    if (t == 0) {
        /* each item needs at least one byte */
        if ((uint64_t)n > (uint64_t)(r->end - r->p))
            return bad();
        K v = obj_vec(0, n);
        if (!v)
            return NULL;
        for (J i = 0; i < n; i++) {
            K item = read_obj(r);
            if (!item) {
                v->n = i; /* free only what was read */
                r0(v);
                return NULL;
            }
            kK(v)[i] = item;
        }
        v->u = (C)attr;
        return v;
    }
    int w = obj_width(t);
    if ((uint64_t)n > (uint64_t)(r->end - r->p) / (uint64_t)w)
        return bad();
    K v = obj_vec(t, n);
    if (!v)
        return NULL;
    if (!r->swap || w == 1 || t == UU) {
        memcpy(kG(v), r->p, (size_t)n * w);
        r->p += (size_t)n * w;
    } else {
        for (J i = 0; i < n; i++)
            get(r, kG(v) + (size_t)i * w, w);
    }
    v->u = (C)attr;
    return v;
}

static K read_prim(Reader *r, int t) {
    if (!need(r, 1))
        return bad();
    G code = *r->p++;
    if (t == KITER)
        return code <= ITER_EACHL ? obj_prim(KITER, code) : bad();
    if (t == KUNARY && code == 0xff)
        return obj_prim(KUNARY, PRIM_ELIDED);
    int id = prim_from_code(t, code);
    if (id < 0)
        return bad();
    return obj_prim(t, id);
}

/* a lambda of context q whose text is a keyword's q.k definition (`cut`'s k){..}) or the
 * keyword or glyph itself (as openq sends a primitive with no opcode it knows: `>=`): that
 * primitive, or NULL (no error) for any other lambda */
static K q_keyword(const K src) {
    if (!RT->svc.keyword || src->n == 0 || src->n > 200)
        return NULL;
    const char *name = prim_keyword_of(kC(src), (size_t)src->n);
    return RT->svc.keyword(name ? name : kC(src), name ? strlen(name) : (size_t)src->n);
}

static K read_obj(Reader *r) {
    if (!need(r, 1))
        return bad();
    if (r->depth + 1 > MAX_DEPTH)
        return kerr("limit");
    if (!obj_stack_ok()) /* small thread stacks run out before MAX_DEPTH */
        return NULL;
    r->depth++;
    int t = (signed char)*r->p++;
    K x = NULL;
    if (t < 0 && t >= -KT && t != -KUNUSED) {
        if (t == -KS) {
            S s;
            if (!get_sym(r, &s)) {
                r->depth--;
                return bad();
            }
            x = obj_atom(-KS);
            if (x)
                x->s = s;
        } else {
            int w = obj_width(t);
            if (!need(r, (size_t)w)) {
                r->depth--;
                return bad();
            }
            x = obj_atom(t);
            if (x) {
                if (t == -UU) {
                    memcpy(kG(x), r->p, 16);
                    r->p += 16;
                } else {
                    get(r, &x->g, w);
                }
            }
        }
    } else if ((t >= 0 && t <= KT && t != KUNUSED)) {
        x = read_vector(r, t);
    } else {
        switch (t) {
        case XD: case KSORTEDDICT: {
            K k = read_obj(r);
            K v = k ? read_obj(r) : NULL;
            if (!k || !v) {
                r0(k);
                x = NULL;
                break;
            }
            if (obj_count(k) != obj_count(v) || k->t < 0) {
                r0(k);
                r0(v);
                x = bad();
                break;
            }
            x = xD(k, v);
            break;
        }
        case XT: {
            if (!need(r, 2)) {
                x = bad();
                break;
            }
            G attr = *r->p++;
            K d = read_obj(r);
            if (!d)
                break;
            if (d->t != XD || DICT_KEYS(d)->t != KS || DICT_VALS(d)->t != 0) {
                r0(d);
                x = bad();
                break;
            }
            x = xT(d);
            if (!x) {
                kerr_clear();
                x = bad();
            } else {
                x->u = (C)(attr & 0x7f);
            }
            break;
        }
        case KLAMBDA: {
            S ctx;
            if (!get_sym(r, &ctx)) {
                x = bad();
                break;
            }
            K src = read_obj(r);
            if (!src)
                break;
            if (src->t != KC) {
                r0(src);
                x = bad();
                break;
            }
            if (strcmp(ctx, "q") == 0 && (x = q_keyword(src)) != NULL) {
                r0(src);
                break;
            }
            x = ktn(KLAMBDA, LAMBDA_N);
            if (!x) {
                r0(src);
                break;
            }
            kK(x)[LAMBDA_SRC] = src;
            kK(x)[LAMBDA_PARAMS] = ktn(0, 0); /* parsed on first use */
            kK(x)[LAMBDA_LOCALS] = ktn(0, 0);
            kK(x)[LAMBDA_BODY] = obj_identity();
            K c = obj_atom(-KS);
            if (c) {
                char dotted[256];
                if (ctx[0] && ctx[0] != '.' && strlen(ctx) < sizeof dotted - 1) {
                    dotted[0] = '.';
                    strcpy(dotted + 1, ctx);
                    c->s = ss(dotted);
                } else {
                    c->s = ctx;
                }
            }
            kK(x)[LAMBDA_CTX] = c;
            break;
        }
        case KUNARY: case KBINARY: case KITER:
            x = read_prim(r, t);
            break;
        case KPROJ: case KCOMP: {
            if (!need(r, 4)) {
                x = bad();
                break;
            }
            uint32_t n;
            get(r, &n, 4);
            if (n == 0 || n > (uint64_t)(r->end - r->p)) {
                x = bad();
                break;
            }
            x = ktn(t, n);
            if (!x)
                break;
            for (uint32_t i = 0; i < n; i++) {
                K item = read_obj(r);
                if (!item) {
                    x->n = i;
                    r0(x);
                    x = NULL;
                    break;
                }
                kK(x)[i] = item;
            }
            break;
        }
        case KEACH: case KOVER: case KSCAN: case KPRIOR: case KEACHR: case KEACHL: {
            K f = read_obj(r);
            if (!f)
                break;
            x = ktn(t, 1);
            if (x)
                kK(x)[0] = f;
            else
                r0(f);
            break;
        }
        case KERROR: {
            S s;
            if (!get_sym(r, &s)) {
                x = bad();
                break;
            }
            x = obj_atom(KERROR);
            if (x)
                x->s = s;
            break;
        }
        default:
            x = bad(); /* enumerations, mapped and unknown types are refused */
        }
    }
    r->depth--;
    return x;
}

int64_t ipc_message_length(const G *h) {
    if (h[0] > 1 || h[1] > 2 || h[2] > 2)
        return -1;
    uint32_t lo;
    memcpy(&lo, h + 4, 4);
    if (h[0] == 0)
        lo = __builtin_bswap32(lo);
    int64_t total = ((int64_t)h[3] << 32) | lo;
    return total < IPC_HEADER + 1 ? -1 : total;
}

K ipc_decode(const G *msg, size_t n) {
    if (n < IPC_HEADER + 1)
        return bad();
    int64_t total = ipc_message_length(msg);
    if (total < 0 || (uint64_t)total != n)
        return bad();
    if (msg[2]) {
        K plain = ipc_decompress(msg, n);
        if (!plain)
            return NULL;
        K x = ipc_decode(kG(plain), (size_t)plain->n);
        r0(plain);
        return x;
    }
    Reader r = {msg + IPC_HEADER, msg + n, msg[0] == 0, 0};
    /* an error response: 0x80 text NUL */
    K x = read_obj(&r);
    if (x && r.p != r.end) {
        r0(x);
        return bad();
    }
    return x;
}

K ipc_decode_body(const G *p, size_t n, size_t *used) {
    Reader r = {p, p + n, false, 0};
    K x = read_obj(&r);
    *used = x ? (size_t)(r.p - p) : 0;
    return x;
}

/* k.h: d9 deserialises a byte vector holding a whole message */
K d9(K x) {
    if (!x || x->t != KG)
        return krr("type");
    K r = ipc_decode(kG(x), (size_t)x->n);
    return r ? r : krr((S)(kerr_msg() ? kerr_msg() : "badmsg"));
}

/* k.h: okx: 1 when x holds a whole, well-formed message */
I okx(K x) {
    if (!x || x->t != KG)
        return 0;
    K r = ipc_decode(kG(x), (size_t)x->n);
    if (!r) {
        kerr_clear();
        return 0;
    }
    r0(r);
    return 1;
}
