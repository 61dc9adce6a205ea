/* internal.c -- the internal functions n!x (docs/basics/internal.md), one row each in the
 * table `internals` at the foot of the file; 0N!x prints and returns x. */
#include <arpa/inet.h>
#include <math.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "../fmt/fmt.h"
#include "../ipc/ipc.h"
#include "lang_int.h"
#include "lex.h"


/* -4!x: the tokens of string x as strings, each run of blanks a token of its own (x borrowed) */
static K tokens(const K x) {
    if (x->t != KC && x->t != -KC)
        return kerr("type");
    const char *s = x->t == KC ? kC(x) : (const char *)&x->g;
    size_t n = x->t == KC ? (size_t)x->n : 1;
    K r = obj_vec(0, 0);
    Lexer lx;
    lex_init(&lx, s, n);
    size_t end = 0; /* where the last token ended */
    for (;;) {
        Token t = lex_next(&lx);
        if (t.kind == TK_ERROR) {
            r0(r);
            return NULL;
        }
        if (t.value)
            r0(t.value);
        size_t start = t.kind == TK_END ? n : t.pos;
        if (start > end) /* the blanks (or comment) before this token */
            r = obj_push(r, obj_strn(s + end, start - end));
        if (t.kind == TK_END)
            break;
        r = obj_push(r, obj_strn(s + t.pos, lx.pos - t.pos));
        end = lx.pos;
        if (!r)
            return NULL;
    }
    return r;
}

/* -12!x: the host name of IPv4 address x (an int), ` when it has none */
static K host_of(const K x) {
    if (x->t != -KI && x->t != -KJ)
        return kerr("type");
    uint32_t ip = x->t == -KI ? (uint32_t)x->i : (uint32_t)x->j;
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(ip)};
    char name[NI_MAXHOST];
    if (getnameinfo((struct sockaddr *)&sa, sizeof sa, name, sizeof name, NULL, 0, NI_NAMEREQD))
        return ks(sym_null);
    return ks(ss(name));
}

/* -13!x: the IPv4 address of host x (a symbol) as an int; -1i when it cannot be resolved.
 * A dotted-decimal name is converted without a look-up. */
static K addr_of(const K x) {
    if (x->t != -KS)
        return kerr("type");
    struct in_addr a;
    if (inet_pton(AF_INET, x->s, &a) == 1)
        return ki((I)ntohl(a.s_addr));
    struct addrinfo hint = {.ai_family = AF_INET}, *res = NULL;
    if (getaddrinfo(x->s, NULL, &hint, &res) || !res)
        return ki(-1);
    I ip = (I)ntohl(((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr);
    freeaddrinfo(res);
    return ki(ip);
}

/* -14!x: string x ready for a CSV field: quoted, with its quotes doubled, when it holds a
 * quote, a comma or a line break; otherwise x itself */
static K quote_escape(K x) {
    if (x->t == -KC)
        return x;
    if (x->t != KC) {
        r0(x);
        return kerr("type");
    }
    if (!memchr(kC(x), '"', (size_t)x->n) && !memchr(kC(x), ',', (size_t)x->n) &&
        !memchr(kC(x), '\n', (size_t)x->n) && !memchr(kC(x), '\r', (size_t)x->n))
        return x;
    K r = obj_vec(KC, 0);
    r = obj_grow(r, 2 * x->n + 2);
    if (!r) {
        r0(x);
        return NULL;
    }
    kC(r)[r->n++] = '"';
    for (J i = 0; i < x->n; i++) {
        if (kC(x)[i] == '"')
            kC(r)[r->n++] = '"';
        kC(r)[r->n++] = kC(x)[i];
    }
    kC(r)[r->n++] = '"';
    r0(x);
    return r;
}

/* -25!(handles;msg): msg sent async on every handle, each checked before any is sent */
static K broadcast(K x) {
    if (x->t != 0 || x->n != 2) {
        r0(x);
        return kerr("type");
    }
    K h = kK(x)[0], msg = kK(x)[1];
    if (h->t != KI && h->t != KJ && h->t != -KI && h->t != -KJ) {
        r0(x);
        return kerr("type");
    }
    J n = h->t < 0 ? 1 : h->n;
    for (J i = 0; i < n; i++) {
        J v = h->t == -KI ? h->i : h->t == -KJ ? h->j : h->t == KI ? kI(h)[i] : kJ(h)[i];
        if (!RT->svc.is_handle || !RT->svc.is_handle(v)) {
            char text[64];
            snprintf(text, sizeof text, "%lld is not an ipc handle", (long long)v);
            r0(x);
            return kerr(text);
        }
    }
    for (J i = 0; i < n; i++) {
        J v = h->t == -KI ? h->i : h->t == -KJ ? h->j : h->t == KI ? kI(h)[i] : kJ(h)[i];
        K r = RT->svc.handle_call(-v, r1(msg));
        if (!r) {
            r0(x);
            return NULL;
        }
        r0(r);
    }
    r0(x);
    return obj_identity();
}

/* -27!(x;y): float y to x decimal places, IEEE754 rounding, \P ignored; atomic in y */
static K precise(K x) {
    if (x->t != 0 || x->n != 2) {
        r0(x);
        return kerr("type");
    }
    K d = kK(x)[0], y = kK(x)[1];
    if (d->t != -KI && d->t != -KJ) {
        r0(x);
        return kerr("type");
    }
    J places = d->t == -KI ? d->i : d->j;
    if (places < 0 || places > 99) {
        r0(x);
        return kerr("domain");
    }
    if (y->t == -KF || y->t == KF) {
        J n = y->t < 0 ? 1 : y->n;
        K r = y->t < 0 ? NULL : obj_vec(0, 0);
        for (J i = 0; i < n; i++) {
            F v = y->t < 0 ? y->f : kF(y)[i];
            char buf[400];
            int len = isnan(v) ? 0 : isinf(v) ? snprintf(buf, sizeof buf, v > 0 ? "0w" : "-0w")
                                              : snprintf(buf, sizeof buf, "%.*f", (int)places, v);
            K s = obj_strn(buf, (size_t)len);
            if (y->t < 0) {
                r0(x);
                return s;
            }
            r = obj_push(r, s);
        }
        r0(x);
        return r;
    }
    if (y->t == 0) { /* atomic: each item of a general list */
        K r = obj_vec(0, 0);
        for (J i = 0; i < y->n; i++)
            r = obj_push(r, precise(obj_list(2, r1(d), r1(kK(y)[i]))));
        r0(x);
        return r;
    }
    r0(x);
    return kerr("type");
}

/* -120!x: x's memory domain; openq has one (0) */
static K memory_domain(K x) {
    r0(x);
    return kj(0);
}

/* the rows below that are not a primitive or a function above: each consumes y */

static K serialize(K y) { /* -8!y: IPC bytes, as a message from this process */
    K r = ipc_encode(y, IPC_ASYNC, 6, 0);
    r0(y);
    return r;
}

static K serialize_compressed(K y) { /* -18!y: the same, compressed when that pays */
    K r = ipc_encode(y, IPC_ASYNC, 6, 2);
    r0(y);
    return r;
}

static K deserialize(K y) { /* -9!y: the value of IPC bytes */
    if (y->t != KG) {
        r0(y);
        return kerr("type");
    }
    K r = ipc_decode(kG(y), (size_t)y->n);
    r0(y);
    return r;
}

static K enum_free(K y) { /* -10!y: is enumeration type y still free (no domain has it)? */
    if (y->t != -KH && y->t != -KI && y->t != -KJ) {
        r0(y);
        return kerr("type");
    }
    K r = kb(enum_domain((int)(y->t == -KH ? y->h : y->t == -KI ? y->i : y->j)) == NULL);
    r0(y);
    return r;
}

static K ref_count(K y) { /* -16!y: y's reference count */
    K r = kj(y->r);
    r0(y);
    return r;
}

static K memory_trim(K y) { /* -20!y (.Q.gc): pooled memory back to the OS; the bytes returned */
    r0(y);
    MemStats before = mem_stats();
    mem_trim();
    MemStats after = mem_stats();
    return kj(before.pooled_bytes - after.pooled_bytes);
}

static K serialized_length(K y) { /* -22!y: the length of -8!y */
    K b = ipc_encode(y, 0, 6, 0);
    r0(y);
    if (!b)
        return NULL;
    K r = kj(b->n);
    r0(b);
    return r;
}

static K memory_map(K y) { return y; } /* -23!y: columns are mapped already */

static K deferred(K y) { /* -30!y: a deferred reply (the server's) */
    if (!RT->svc.deferred) {
        r0(y);
        return kerr("nyi");
    }
    return RT->svc.deferred(y);
}

static K tls_settings(K y) { /* -26!h: a connection's TLS details; (-26!)[]: the settings */
    if (!RT->svc.tls_settings) {
        r0(y);
        return kerr("nyi");
    }
    if (obj_is_identity(y) || (y->t == 0 && y->n == 0)) {
        r0(y);
        return RT->svc.tls_settings();
    }
    J h = y->t == -KI ? y->i : y->t == -KJ ? y->j : 0;
    bool ok = y->t == -KI || y->t == -KJ;
    r0(y);
    return ok ? RT->svc.tls_info(h) : kerr("type");
}

typedef struct Internal {
    J n;                      /* the left argument of ! */
    K (*fn)(K y);             /* y consumed, or NULL: */
    K (*borrowing)(const K y); /* y borrowed (released here) */
} Internal;

static const Internal internals[] = {
    {-1, prim_hsym},              /* hsym */
    {-2, prim_attr},              /* attr */
    {-3, NULL, fmt_oneline},      /* .Q.s1 */
    {-4, NULL, tokens},           /* tokens */
    {-5, prim_parse},             /* parse */
    {-6, prim_eval},              /* eval */
    {-7, prim_hcount},            /* hcount */
    {-8, serialize},              /* to bytes */
    {-9, deserialize},            /* from bytes */
    {-10, enum_free},             /* enumeration type free */
    {-11, file_replay},           /* streaming execute (a log) */
    {-12, NULL, host_of},         /* .Q.host */
    {-13, NULL, addr_of},         /* .Q.addr */
    {-14, quote_escape},          /* quote escape */
    {-15, prim_md5},              /* md5 */
    {-16, ref_count},             /* reference count */
    {-18, serialize_compressed},  /* to bytes, compressed */
    {-20, memory_trim},           /* .Q.gc */
    {-22, serialized_length},     /* uncompressed length */
    {-23, memory_map},            /* memory map */
    {-24, prim_reval},            /* reval */
    {-25, broadcast},             /* async broadcast */
    {-26, tls_settings},          /* TLS settings */
    {-27, precise},               /* format with precision */
    {-29, prim_json_parse},       /* .j.k */
    {-30, deferred},              /* deferred response */
    {-32, prim_btoa},             /* .Q.btoa */
    {-33, prim_sha1},             /* .Q.sha1 */
    {-120, memory_domain},        /* memory domain */
};

K lang_internal_bang(K x, K y) {
    J n = x->t == -KJ ? x->j : x->t == -KI ? (x->i == ni ? nj : x->i) : x->t == -KH ? x->h : x->g;
    r0(x);
    if (n == nj) { /* 0N!y: print the one-line form, return y */
        K text = fmt_oneline(y);
        if (!text) {
            r0(y);
            return NULL;
        }
        lang_print(1, kC(text), (size_t)text->n, true);
        r0(text);
        return y;
    }
    for (size_t i = 0; i < ARRAY_LEN(internals); i++)
        if (internals[i].n == n) {
            if (internals[i].fn)
                return internals[i].fn(y);
            K r = internals[i].borrowing(y);
            r0(y);
            return r;
        }
    r0(y);
    return kerr("nyi");
}
