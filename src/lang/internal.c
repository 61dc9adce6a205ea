/* internal.c -- the internal functions n!x that lang_internal_bang (lang.c) does not handle
 * itself, as docs/basics/internal.md lists them: -4! tokens, -5! parse, -6! eval,
 * -7! hcount, -10! type enum free, -12! .Q.host, -13! .Q.addr, -14! quote escape,
 * -15! md5, -22! serialized length, -23! memory map, -24! reval, -25! async broadcast,
 * -27! IEEE754 precision format, -120! memory domain. */
#include <arpa/inet.h>
#include <math.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "lang_int.h"
#include "lex.h"

/* the IPC encoder and outbound handles, when linked (src/ipc, src/net) */
extern K ipc_encode(const K x, int msgtype, int capability, int compress) OQ_WEAK;
extern K net_handle_call(J handle, K msg) OQ_WEAK;
extern bool net_is_handle(J handle) OQ_WEAK;

/* list r with item appended (both consumed); NULL when either is NULL */
static K push(K r, K item) {
    if (!r || !item) {
        if (r)
            r0(r);
        if (item)
            r0(item);
        return NULL;
    }
    r = obj_grow(r, 1);
    if (!r) {
        r0(item);
        return NULL;
    }
    kK(r)[r->n++] = item;
    return r;
}

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
            r = push(r, obj_strn(s + end, start - end));
        if (t.kind == TK_END)
            break;
        r = push(r, obj_strn(s + t.pos, lx.pos - t.pos));
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
        if (!net_is_handle || !net_is_handle(v)) {
            char text[64];
            snprintf(text, sizeof text, "%lld is not an ipc handle", (long long)v);
            r0(x);
            return kerr(text);
        }
    }
    for (J i = 0; i < n; i++) {
        J v = h->t == -KI ? h->i : h->t == -KJ ? h->j : h->t == KI ? kI(h)[i] : kJ(h)[i];
        K r = net_handle_call(-v, r1(msg));
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
            r = push(r, s);
        }
        r0(x);
        return r;
    }
    if (y->t == 0) { /* atomic: each item of a general list */
        K r = obj_vec(0, 0);
        for (J i = 0; i < y->n; i++)
            r = push(r, precise(obj_list(2, r1(d), r1(kK(y)[i]))));
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

K lang_internal_more(J n, K y) {
    K r;
    switch (n) {
    case -4:
        r = tokens(y);
        break;
    case -5:
        return prim_parse(y);
    case -6:
        return prim_eval(y);
    case -7:
        return prim_hcount(y);
    case -10: /* is enumeration type y still free (no domain has it)? */
        if (y->t != -KH && y->t != -KI && y->t != -KJ) {
            r0(y);
            return kerr("type");
        }
        r = kb(enum_domain((int)(y->t == -KH ? y->h : y->t == -KI ? y->i : y->j)) == NULL);
        break;
    case -12:
        r = host_of(y);
        break;
    case -13:
        r = addr_of(y);
        break;
    case -14:
        return quote_escape(y);
    case -15:
        return prim_md5(y);
    case -22: {
        if (!ipc_encode) {
            r0(y);
            return kerr("nyi");
        }
        K b = ipc_encode(y, 0, 6, 0);
        r = b ? kj(b->n) : NULL;
        if (b)
            r0(b);
        break;
    }
    case -23:
        return y;
    case -24:
        return prim_reval(y);
    case -25:
        return broadcast(y);
    case -27:
        return precise(y);
    case -120:
        return memory_domain(y);
    default:
        r0(y);
        return kerr("nyi");
    }
    r0(y);
    return r;
}
