/* encode.c -- q's -8!: a K object to a whole IPC message (header + body), little-endian.
 *
 * Two passes: ipc_size computes the body length (so one allocation suffices and large
 * messages are detected before writing), then write_obj fills the buffer.  Simple vectors
 * are copied with one memcpy, which is why encoding runs near memcpy speed. */
#include "ipc.h"

#include "../prim/prims.h"

#include <stdlib.h>

/* Nesting beyond MAX_DEPTH is refused ('limit), as is nesting past the stack (stack.h:
 * 'stack), so neither pass can overflow the C stack. */
#define MAX_DEPTH 4096

typedef struct Writer {
    G *p;        /* next byte */
    int cap;     /* the peer's capability byte */
    bool deep;   /* the stack ran out: the bytes are incomplete ('stack) */
    K parts;     /* ipc_encode_parts: the pieces so far (NULL: one buffer; out of memory) */
    G *seg;      /* ipc_encode_parts: where the bytes not yet a piece start */
    bool oom;
} Writer;

/* A vector sent from its own memory by ipc_encode_parts: numbers and temporals (not symbols,
 * strings or enumerations) of at least PART_MIN bytes.  obj_size and write_obj agree on it. */
#define PART_MIN ((J)1 << 16)
static bool part_vector(const K x) {
    return x->t > 0 && x->t <= KT && x->t != KS && x->t != KC && (J)x->n * obj_width(x->t) >= PART_MIN;
}

static bool big_count(J n) { return n > 0xffffffffLL; }

static int64_t count_bytes(J n, int cap) { return cap >= 6 && big_count(n) ? 8 : 4; }

static int wire_code(const K x) {
    if (x->g == PRIM_ELIDED && x->t == KUNARY)
        return 0xff;
    if (x->g >= PRIM_COUNT)
        return -1;
    return x->t == KUNARY ? prim_table[x->g].u_code : prim_table[x->g].b_code;
}

/* the opcode of glyph g (n bytes) as a 101 or 102 object, or -1 */
static int glyph_code(const char *g, size_t n, int type) {
    for (int id = 0; id < PRIM_COUNT; id++)
        if (strlen(prim_table[id].text) == n && memcmp(prim_table[id].text, g, n) == 0)
            return type == KUNARY ? prim_table[id].u_code : prim_table[id].b_code;
    return -1;
}

static G *put_lambda_text(G *p, const char *ctx, const char *text) {
    *p++ = KLAMBDA;
    size_t c = strlen(ctx) + 1;
    memcpy(p, ctx, c);
    p += c;
    *p++ = KC;
    *p++ = 0;
    uint32_t n = (uint32_t)strlen(text);
    memcpy(p, &n, 4);
    memcpy(p + 4, text, n);
    return p + 4 + n;
}

/* A keyword with no opcode of its own travels as q.k defines it (PROTOCOL.md 4.8): a k lambda
 * in context q (`cut` is k){..}), a derived function of a glyph (`mins` is &\ : 6c 6605), a
 * glyph's unary or binary form (`get` is .:), an internal function (`md5` is -15! : the
 * projection 68 02000000 6610 f9 f1ff..); a keyword natively in q whose opcode openq does not
 * know goes as a lambda whose text is the keyword, in context q, which -9! reads back as the
 * keyword.  Writes the bytes to out (room for 24 + the text) and answers their count. */
static size_t keyword_form(const K x, G *out) {
    G buf[256];
    G *p = out ? out : buf;
    G *start = p;
    char pb[8];
    const char *d = prim_display(x, pb);
    size_t n = strlen(d);
    static const struct { const char *s; int t; } iters[] = {
        {"':", KPRIOR}, {"/:", KEACHR}, {"\\:", KEACHL}, {"'", KEACH}, {"/", KOVER}, {"\\", KSCAN}};
    if (n >= 2 && d[0] == 'k' && d[1] == ')')
        return (size_t)(put_lambda_text(p, "q", d) - start);
    if (n >= 3 && d[0] == '-' && d[n - 1] == '!' && strspn(d + 1, "0123456789") == n - 2) {
        J j = -strtoll(d + 1, NULL, 10);
        *p++ = KPROJ;
        uint32_t two = 2;
        memcpy(p, &two, 4);
        p += 4;
        *p++ = KBINARY;
        *p++ = (G)glyph_code("!", 1, KBINARY);
        *p++ = (G)(signed char)-KJ;
        memcpy(p, &j, 8);
        return (size_t)(p + 8 - start);
    }
    for (size_t i = 0; n <= 3 && i < ARRAY_LEN(iters); i++) {
        size_t m = strlen(iters[i].s);
        int code = n > m && memcmp(d + n - m, iters[i].s, m) == 0 ? glyph_code(d, n - m, KBINARY) : -1;
        if (code >= 0) {
            *p++ = (G)iters[i].t;
            *p++ = KBINARY;
            *p++ = (G)code;
            return (size_t)(p - start);
        }
    }
    int code = n == 2 && d[1] == ':' ? glyph_code(d, 1, KUNARY) : -1;
    if (code >= 0) {
        *p++ = KUNARY;
        *p++ = (G)code;
        return (size_t)(p - start);
    }
    code = n <= 2 ? glyph_code(d, n, KBINARY) : -1;
    if (code >= 0) {
        *p++ = KBINARY;
        *p++ = (G)code;
        return (size_t)(p - start);
    }
    return (size_t)(put_lambda_text(p, "q", x->g < PRIM_COUNT ? prim_table[x->g].text : "") - start);
}

/* body size of x, or -1 + kerr for what cannot be sent; *big (when given) adds the bytes of
 * the part_vector items */
static int64_t obj_size(const K x, int cap, int depth, int64_t *big) {
    if (depth > MAX_DEPTH) {
        kerr("limit");
        return -1;
    }
    if (!obj_stack_ok())
        return -1;
    int t = x->t;
    if (t < 0) {
        if (t == -KS)
            return 1 + (int64_t)strlen(x->s) + 1;
        if (t == -UU)
            return cap < 3 ? (kerr("type"), -1) : 17;
        if (t >= -KT)
            return 1 + obj_width(t);
        if (t >= -KENUM_LAST)
            return 1 + 8; /* enumerated atom: sent as its long index */
        if (t == KERROR)
            return 1 + (int64_t)strlen(x->s) + 1;
        kerr("type");
        return -1;
    }
    if (t > 0 && t <= KT) {
        if (t == UU && cap < 3) {
            kerr("type");
            return -1;
        }
        int64_t head = 2 + count_bytes(x->n, cap);
        if (t == KS) {
            int64_t s = head;
            for (J i = 0; i < x->n; i++)
                s += (int64_t)strlen(kS(x)[i]) + 1;
            return s;
        }
        if (big && part_vector(x))
            *big += (int64_t)x->n * obj_width(t);
        return head + (int64_t)x->n * obj_width(t);
    }
    if (obj_is_enum(t))
        return 2 + count_bytes(x->n, cap) + (int64_t)x->n * 8;
    switch (t) {
    case 0: {
        int64_t s = 2 + count_bytes(x->n, cap);
        for (J i = 0; i < x->n; i++) {
            int64_t e = obj_size(kK(x)[i], cap, depth + 1, big);
            if (e < 0)
                return -1;
            s += e;
        }
        return s;
    }
    case XD: {
        int64_t a = obj_size(DICT_KEYS(x), cap, depth + 1, big);
        int64_t b = a < 0 ? -1 : obj_size(DICT_VALS(x), cap, depth + 1, big);
        return b < 0 ? -1 : 1 + a + b;
    }
    case XT: {
        int64_t d = obj_size(x->k, cap, depth + 1, big);
        return d < 0 ? -1 : 2 + d;
    }
    case KLAMBDA: {
        K ctx = kK(x)[LAMBDA_CTX];
        S c = ctx && ctx->t == -KS ? ctx->s : sym_null;
        if (c[0] == '.')
            c++;
        return 1 + (int64_t)strlen(c) + 1 + 6 + kK(x)[LAMBDA_SRC]->n;
    }
    case KUNARY: case KBINARY:
        return wire_code(x) < 0 ? (int64_t)keyword_form(x, NULL) : 2;
    case KITER:
        return 2;
    case KPROJ: case KCOMP: {
        int64_t s = 1 + 4;
        for (J i = 0; i < x->n; i++) {
            int64_t e = obj_size(kK(x)[i], cap, depth + 1, big);
            if (e < 0)
                return -1;
            s += e;
        }
        return s;
    }
    case KEACH: case KOVER: case KSCAN: case KPRIOR: case KEACHR: case KEACHL: {
        int64_t e = obj_size(kK(x)[0], cap, depth + 1, big);
        return e < 0 ? -1 : 1 + e;
    }
    }
    kerr("type");
    return -1;
}

static void put_count(Writer *w, J n) {
    if (w->cap >= 6 && big_count(n)) {
        w->p[-1] |= 0x80; /* the attribute byte just written */
        memcpy(w->p, &n, 8);
        w->p += 8;
    } else {
        uint32_t c = (uint32_t)n;
        memcpy(w->p, &c, 4);
        w->p += 4;
    }
}

static void put_str(Writer *w, const char *s) {
    size_t n = strlen(s) + 1;
    memcpy(w->p, s, n);
    w->p += n;
}

/* the bytes written since the last piece, as a piece of their own */
static void cut(Writer *w) {
    if (w->oom || w->p == w->seg)
        return;
    K b = obj_vec(KG, (J)(w->p - w->seg));
    if (b)
        memcpy(kG(b), w->seg, (size_t)b->n);
    if (!b || !(w->parts = obj_push(w->parts, b)))
        w->oom = true;
    w->seg = w->p;
}

static void write_obj(Writer *w, const K x) {
    if (w->oom)
        return;
    if (w->deep || !stack_ok()) { /* the size pass passed, but its frames may be smaller */
        w->deep = true;
        return;
    }
    int t = x->t;
    if (t < 0) {
        if (t < -KT && t >= -KENUM_LAST) {
            *w->p++ = (G)(signed char)-KJ;
            memcpy(w->p, &x->j, 8);
            w->p += 8;
            return;
        }
        *w->p++ = (G)(signed char)t;
        if (t == -KS || t == KERROR)
            put_str(w, x->s);
        else if (t == -UU) {
            memcpy(w->p, kG(x), 16);
            w->p += 16;
        } else {
            int n = obj_width(t);
            memcpy(w->p, &x->g, (size_t)n);
            w->p += n;
        }
        return;
    }
    if ((t > 0 && t <= KT) || obj_is_enum(t)) {
        *w->p++ = obj_is_enum(t) ? KJ : (G)t;
        *w->p++ = (G)x->u;
        put_count(w, x->n);
        if (t == KS) {
            for (J i = 0; i < x->n; i++)
                put_str(w, kS(x)[i]);
        } else if (w->parts && part_vector(x)) { /* the bytes so far, then the vector itself */
            cut(w);
            K v = r1(x);
            if (!(w->parts = obj_push(w->parts, v)))
                w->oom = true;
        } else {
            size_t n = (size_t)x->n * obj_width(t);
            memcpy(w->p, kG(x), n);
            w->p += n;
        }
        return;
    }
    switch (t) {
    case 0:
        *w->p++ = 0;
        *w->p++ = (G)x->u;
        put_count(w, x->n);
        for (J i = 0; i < x->n; i++)
            write_obj(w, kK(x)[i]);
        return;
    case XD: {
        K keys = DICT_KEYS(x);
        *w->p++ = keys->t > 0 && keys->u == ATTR_S ? KSORTEDDICT : XD;
        write_obj(w, keys);
        write_obj(w, DICT_VALS(x));
        return;
    }
    case XT:
        *w->p++ = XT;
        *w->p++ = (G)x->u;
        write_obj(w, x->k);
        return;
    case KLAMBDA: {
        K ctx = kK(x)[LAMBDA_CTX];
        S c = ctx && ctx->t == -KS ? ctx->s : sym_null;
        if (c[0] == '.')
            c++;
        *w->p++ = KLAMBDA;
        put_str(w, c);
        write_obj(w, kK(x)[LAMBDA_SRC]);
        return;
    }
    case KUNARY: case KBINARY: {
        int code = wire_code(x);
        if (code < 0) {
            w->p += keyword_form(x, w->p);
            return;
        }
        *w->p++ = (G)t;
        *w->p++ = (G)code;
        return;
    }
    case KITER:
        *w->p++ = KITER;
        *w->p++ = x->g;
        return;
    case KPROJ: case KCOMP: {
        *w->p++ = (G)t;
        uint32_t n = (uint32_t)x->n;
        memcpy(w->p, &n, 4);
        w->p += 4;
        for (J i = 0; i < x->n; i++)
            write_obj(w, kK(x)[i]);
        return;
    }
    default: /* derived functions */
        *w->p++ = (G)t;
        write_obj(w, kK(x)[0]);
    }
}

static void put_header(G *p, int msgtype, int compressed, uint64_t total) {
    p[0] = 1;
    p[1] = (G)msgtype;
    p[2] = (G)compressed;
    p[3] = (G)(total >> 32);
    uint32_t lo = (uint32_t)total;
    memcpy(p + 4, &lo, 4);
}

static K ipc_encode_values(const K x, int msgtype, int capability, int compress);

/* does x (borrowed) hold an enumeration anywhere that travels as data? */
static bool has_enum(const K x, int depth) {
    if (depth > MAX_DEPTH || !stack_ok()) /* too deep to travel: the size pass says so */
        return false;
    if (obj_is_enum(x->t < 0 ? -x->t : x->t))
        return true;
    if (x->t == 0) {
        for (J i = 0; i < x->n; i++)
            if (has_enum(kK(x)[i], depth + 1))
                return true;
        return false;
    }
    if (x->t == XD)
        return has_enum(DICT_KEYS(x), depth + 1) || has_enum(DICT_VALS(x), depth + 1);
    if (x->t == XT)
        return has_enum(x->k, depth + 1);
    return false;
}

/* x (borrowed) with every enumeration replaced by its values: "enumerations are
 * automatically converted to values before sending through IPC" (basics/ipc.md).  An
 * enumeration whose domain is not defined stays as its indices. */
static K enum_values(const K x, int depth) {
    if (!has_enum(x, depth))
        return r1(x);
    if (obj_is_enum(x->t < 0 ? -x->t : x->t)) {
        K v = prim_unenum(r1(x));
        if (!v) {
            kerr_clear();
            return r1(x);
        }
        return v;
    }
    if (x->t == 0) {
        K out = ktn(0, x->n);
        out->u = x->u;
        for (J i = 0; i < x->n; i++)
            kK(out)[i] = enum_values(kK(x)[i], depth + 1);
        return out;
    }
    if (x->t == XD)
        return xD(enum_values(DICT_KEYS(x), depth + 1), enum_values(DICT_VALS(x), depth + 1));
    K t = xT(enum_values(x->k, depth + 1)); /* XT */
    if (t)
        t->u = x->u;
    return t;
}

K ipc_encode(const K x0, int msgtype, int capability, int compress) {
    K x = enum_values(x0, 0);
    if (!x)
        return NULL;
    K m = ipc_encode_values(x, msgtype, capability, compress);
    r0(x);
    return m;
}

/* ipc_encode of x (borrowed) holding no enumeration */
static K ipc_encode_values(const K x, int msgtype, int capability, int compress) {
    int64_t body = obj_size(x, capability, 0, NULL);
    if (body < 0)
        return NULL;
    uint64_t total = (uint64_t)body + IPC_HEADER;
    if ((capability < 5 && total >= ((uint64_t)1 << 31)) || total >= ((uint64_t)1 << 40))
        return kerr("limit");
    K m = obj_vec(KG, (J)total);
    if (!m)
        return NULL;
    put_header(kG(m), msgtype, 0, total);
    Writer w = {kG(m) + IPC_HEADER, capability, false};
    write_obj(&w, x);
    if (w.deep) {
        r0(m);
        return kerr("stack");
    }
    if (compress && (compress == 2 || total > 2000 + IPC_HEADER)) {
        K c = ipc_compress(kG(m), (size_t)total);
        if (c) {
            r0(m);
            return c;
        }
        kerr_clear(); /* compression did not pay: send it plain */
    }
    return m;
}

K ipc_encode_parts(const K x0, int msgtype, int capability) {
    K x = enum_values(x0, 0);
    if (!x)
        return NULL;
    int64_t big = 0, body = obj_size(x, capability, 0, &big);
    if (body < 0 || big == 0) {
        K m = body < 0 ? NULL : ipc_encode_values(x, msgtype, capability, 0);
        r0(x);
        return m;
    }
    uint64_t total = (uint64_t)body + IPC_HEADER;
    if ((capability < 5 && total >= ((uint64_t)1 << 31)) || total >= ((uint64_t)1 << 40)) {
        r0(x);
        return kerr("limit");
    }
    K m = obj_vec(KG, (J)(total - (uint64_t)big)), parts = m ? ktn(0, 0) : NULL;
    if (!parts) {
        r0(m);
        r0(x);
        return NULL;
    }
    put_header(kG(m), msgtype, 0, total);
    Writer w = {.p = kG(m) + IPC_HEADER, .cap = capability, .parts = parts, .seg = kG(m)};
    write_obj(&w, x);
    cut(&w);
    r0(m);
    r0(x);
    if (w.deep || w.oom) {
        r0(w.parts);
        return kerr(w.deep ? "stack" : "wsfull");
    }
    return w.parts;
}

K ipc_encode_error(const char *msg, int capability) {
    UNUSED(capability);
    size_t n = strlen(msg);
    if (n > 4096)
        n = 4096;
    K m = obj_vec(KG, (J)(IPC_HEADER + 1 + n + 1));
    if (!m)
        return NULL;
    put_header(kG(m), IPC_RESPONSE, 0, (uint64_t)m->n);
    kG(m)[8] = 0x80;
    memcpy(kG(m) + 9, msg, n);
    kG(m)[9 + n] = 0;
    return m;
}

/* k.h: b9(mode, x) serialises (mode = capability, -1 for in-process: same bytes here) */
K b9(I mode, K x) {
    K r = ipc_encode(x, IPC_ASYNC, mode < 0 ? 6 : mode, 0);
    return r ? r : krr((S)(kerr_msg() ? kerr_msg() : "type"));
}
