/* text.c -- strings and symbols: lower upper trim ltrim rtrim vs sv like ss ssr. */
#include <ctype.h>
#include <stdlib.h>

#include "prims.h"
#include "primint.h"


typedef K (*StrFn)(const char *s, size_t n, int mode);

/* apply a string function to a string, a symbol (result a symbol), or each of a list */
typedef struct TextOp {
    StrFn fn;
    int mode;
} TextOp;

/* f(values, ctx) under a dict's keys, or a table's columns under its names (x consumed) */
static K by_values(K x, K (*f)(K, const void *), const void *ctx) {
    K d = x->t == XT ? x->k : x;
    K k = r1(DICT_KEYS(d)), v = f(r1(DICT_VALS(d)), ctx);
    bool table = x->t == XT;
    r0(x);
    if (!v) {
        r0(k);
        return NULL;
    }
    return table ? xT(xD(k, v)) : xD(k, v);
}

static K map_text(K x, StrFn fn, int mode);
static K map_text_item(K x, const void *op) {
    return map_text(x, ((const TextOp *)op)->fn, ((const TextOp *)op)->mode);
}

static K map_text(K x, StrFn fn, int mode) {
    if (x->t == KC) {
        K r = fn(kC(x), (size_t)x->n, mode);
        r0(x);
        return r;
    }
    if (x->t == -KC) {
        K r = fn((char *)&x->g, 1, mode);
        r0(x);
        if (r && r->t == KC && r->n == 1) {
            K a = kc(kC(r)[0]);
            r0(r);
            return a;
        }
        return r;
    }
    if (x->t == -KS) {
        K r = fn(x->s, strlen(x->s), mode);
        r0(x);
        if (!r)
            return NULL;
        K s = obj_atom(-KS);
        s->s = sym_intern(kC(r), (size_t)r->n);
        r0(r);
        return s;
    }
    if (x->t == KS || x->t == 0) {
        TextOp op = {fn, mode};
        return prim_map(x, map_text_item, &op);
    }
    if (x->t == XD || x->t == XT) { /* a dict's values, a table's columns (q.k: .z.s'x) */
        if (prim_too_deep(x, NULL))
            return NULL;
        TextOp op = {fn, mode};
        return by_values(x, map_text_item, &op);
    }
    r0(x);
    return kerr("type");
}

static K case_fn(const char *s, size_t n, int upper) {
    K r = obj_vec(KC, (J)n);
    for (size_t i = 0; r && i < n; i++)
        kC(r)[i] = (char)(upper ? toupper((unsigned char)s[i]) : tolower((unsigned char)s[i]));
    return r;
}

static K trim_fn(const char *s, size_t n, int mode) {
    size_t a = 0, b = n;
    if (mode & 1)
        while (a < b && s[a] == ' ')
            a++;
    if (mode & 2)
        while (b > a && s[b - 1] == ' ')
            b--;
    return obj_strn(s + a, b - a);
}

K prim_lower(K x) {
    PRIM_ARGS1(x);
    return map_text(x, case_fn, 0);
}
K prim_upper(K x) {
    PRIM_ARGS1(x);
    return map_text(x, case_fn, 1);
}
/* trim: strings lose blanks, other vectors their leading/trailing nulls, other atoms stay;
 * general lists, dicts and tables trim each item (value, column) */
static K trim_any(K x, int mode);
static K trim_item(K x, const void *mode) { return trim_any(x, *(const int *)mode); }

static K trim_any(K x, int mode) {
    if (prim_too_deep(x, NULL))
        return NULL;
    if (x->t == KC || x->t == -KC || x->t == -KS || x->t == KS)
        return map_text(x, trim_fn, mode);
    if (x->t < 0)
        return x;
    if (x->t == XD || x->t == XT)
        return by_values(x, trim_item, &mode);
    if (x->t == 0)
        return prim_map(x, trim_item, &mode);
    if (x->t >= KENUM) {
        r0(x);
        return kerr("type");
    }
    J a = 0, b = x->n;
    if (mode & 1)
        while (a < b && obj_is_null_at(x, a))
            a++;
    if (mode & 2)
        while (b > a && obj_is_null_at(x, b - 1))
            b--;
    if (a == 0 && b == x->n)
        return x;
    K r = obj_vec(x->t, b - a);
    if (r)
        memcpy(kG(r), kG(x) + a * obj_width(x->t), (size_t)((b - a) * obj_width(x->t)));
    r0(x);
    return r;
}

K prim_trim(K x) {
    PRIM_ARGS1(x);
    return trim_any(x, 3);
}
K prim_ltrim(K x) {
    PRIM_ARGS1(x);
    return trim_any(x, 1);
}
K prim_rtrim(K x) {
    PRIM_ARGS1(x);
    return trim_any(x, 2);
}

/* x vs y: split string y at separator x (char or string); ` vs symbol splits at dots */
/* the most digits any integer in y (borrowed: an integer atom, vector or list of them) has in
 * base b, at least 1; -1 for an item that is no integer, -2 past the stack */
static J vs_digits(const K y, J b) {
    if (y->t == 0) {
        if (!obj_stack_ok())
            return -2;
        J most = 1;
        for (J i = 0; i < y->n; i++) {
            J d = vs_digits(kK(y)[i], b);
            if (d < 0)
                return d;
            most = d > most ? d : most;
        }
        return most;
    }
    int t = y->t < 0 ? -y->t : y->t;
    if (t != KJ && t != KI && t != KH)
        return -1;
    J most = 1;
    for (J i = 0; i < (y->t < 0 ? 1 : y->n); i++) {
        J v = t == KJ ? (y->t < 0 ? y->j : kJ(y)[i]) : t == KI ? (y->t < 0 ? y->i : kI(y)[i])
                                                             : (y->t < 0 ? y->h : kH(y)[i]);
        J d = 1;
        while ((v /= b))
            d++;
        most = d > most ? d : most;
    }
    return most;
}

/* b vs y for a list y of integers: count-digits items, each shaped as y, item i the i-th
 * digits (ref/vs.md: (x vs y)[;i] is x vs y[i]); b, y consumed */
static K vs_base_list(K b, K y) {
    J base = b->t == -KJ ? b->j : b->i;
    r0(b);
    J d = vs_digits(y, base);
    if (d < 0) {
        r0(y);
        return kerr(d == -2 ? "stack" : "type");
    }
    K radix = obj_vec(KJ, d);
    for (J i = 0; radix && i < d; i++)
        kJ(radix)[i] = base;
    if (!radix || y->t > 0) /* a vector: the mixed radix d#b */
        return radix ? prim_vs(radix, y) : (r0(y), NULL);
    K parts = ktn(0, y->n); /* each item's digits: a vector, or rows of its shape */
    for (J j = 0; parts && j < y->n; j++)
        kK(parts)[j] = prim_vs(r1(radix), r1(kK(y)[j]));
    r0(radix);
    parts = prim_all_made(parts);
    K out = parts ? ktn(0, d) : NULL;
    for (J i = 0; out && i < d; i++) {
        K row = ktn(0, y->n);
        for (J j = 0; row && j < y->n; j++)
            kK(row)[j] = prim_item(kK(parts)[j], i);
        row = prim_all_made(row);
        if (row) {
            K r = prim_collect(kK(row), row->n);
            row->n = 0;
            r0(row);
            row = r;
        }
        kK(out)[i] = row;
    }
    r0(parts);
    r0(y);
    return out ? prim_all_made(out) : NULL;
}

K prim_vs(K x, K y) {
    PRIM_ARGS2(x, y);
    if (x->t == -KS && !*x->s && (y->t == KC || y->t == KG)) {
        /* ` vs: lines, without their \r\n or \n; a final newline ends the last line */
        const char *s = (const char *)kG(y);
        J n = y->n, start = 0;
        K out = ktn(0, 0);
        for (J i = 0; i <= n; i++) {
            if (i < n && s[i] != '\n')
                continue;
            if (i == n && start == n && n > 0)
                break;
            J end = i > start && s[i - 1] == '\r' ? i - 1 : i;
            jk(&out, obj_strn(s + start, (size_t)(end - start)));
            start = i + 1;
        }
        r0(x);
        r0(y);
        return out;
    }
    bool bytes = x->t == KG || (x->t == -KG && y->t == KG);
    if ((x->t == KC || x->t == -KC || bytes) && (y->t == KC || y->t == KG)) {
        /* split at a separator string (or bytes: the pieces are bytes) */
        const char *sep = x->t > 0 ? (const char *)kG(x) : (char *)&x->g;
        size_t sl = x->t > 0 ? (size_t)x->n : 1;
        const char *s = (const char *)kG(y);
        size_t n = (size_t)y->n, start = 0;
        if (sl == 0) {
            r0(x);
            r0(y);
            return kerr("length");
        }
        K out = ktn(0, 0);
        for (size_t i = 0; i + sl <= n;) {
            if (memcmp(s + i, sep, sl) == 0) {
                K piece = obj_strn(s + start, i - start);
                if (bytes) piece->t = KG;
                jk(&out, piece);
                i += sl;
                start = i;
            } else {
                i++;
            }
        }
        K piece = obj_strn(s + start, n - start);
        if (bytes) piece->t = KG;
        jk(&out, piece);
        r0(x);
        r0(y);
        return out;
    }
    if (x->t == -KB && y->t < 0 && (y->t == -KH || y->t == -KI || y->t == -KJ || y->t == -UU)) {
        /* 0b vs: the bits of a short, int, long or guid, most significant first */
        int w = y->t == -KJ ? 8 : y->t == -KI ? 4 : y->t == -KH ? 2 : 16;
        uint64_t v = y->t == -KJ ? (uint64_t)y->j : y->t == -KI ? (uint32_t)y->i : (uint16_t)y->h;
        K out = obj_vec(KB, w * 8);
        for (int i = 0; out && i < w * 8; i++)
            kG(out)[i] = y->t == -UU ? (kG(y)[i / 8] >> (7 - i % 8)) & 1 : (G)((v >> (w * 8 - 1 - i)) & 1);
        r0(x);
        r0(y);
        return out;
    }
    if (x->t == -KG && y->t == -UU) { /* 0x0 vs: a guid's 16 bytes (0x0 sv makes it again) */
        K out = obj_vec(KG, 16);
        if (out)
            memcpy(kG(out), kG(y), 16);
        r0(x);
        r0(y);
        return out ? out : kerr("wsfull");
    }
    if (x->t == -KG && (y->t == -KE || y->t == -KF)) { /* 0x0 vs: a float's bytes, big-endian */
        int w = y->t == -KE ? 4 : 8;
        uint64_t v = 0;
        if (w == 4) { uint32_t u; memcpy(&u, &y->e, 4); v = u; } else memcpy(&v, &y->f, 8);
        K out = obj_vec(KG, w);
        for (int i = 0; out && i < w; i++)
            kG(out)[w - 1 - i] = (G)(v >> (8 * i));
        r0(x);
        r0(y);
        return out;
    }
    if ((x->t == KC || x->t == -KC) && y->t == KC) {
        const char *sep = x->t == KC ? kC(x) : (char *)&x->g;
        size_t sl = x->t == KC ? (size_t)x->n : 1;
        K out = ktn(0, 0);
        const char *s = kC(y);
        size_t n = (size_t)y->n, start = 0;
        if (sl == 0) {
            r0(x);
            r0(y);
            r0(out);
            return kerr("length");
        }
        for (size_t i = 0; i + sl <= n;) {
            if (memcmp(s + i, sep, sl) == 0) {
                jk(&out, obj_strn(s + start, i - start));
                i += sl;
                start = i;
            } else {
                i++;
            }
        }
        jk(&out, obj_strn(s + start, n - start));
        r0(x);
        r0(y);
        return out;
    }
    if (x->t == -KS && !*x->s && y->t == -KS && y->s[0] == ':' && strrchr(y->s, '/')) {
        /* ` vs `:dir/file: the directory and the file (ref/vs.md "File handle") */
        const char *slash = strrchr(y->s, '/');
        K out = ktn(KS, 2);
        if (out) {
            kS(out)[0] = sym_intern(y->s, (size_t)(slash - y->s));
            kS(out)[1] = sym_intern(slash + 1, strlen(slash + 1));
        }
        r0(x);
        r0(y);
        return out;
    }
    if (x->t == -KS && y->t == -KS) {
        /* ` vs `a.b.c splits at dots */
        const char *s = y->s;
        K out = ktn(KS, 0);
        const char *p = s, *dot;
        while ((dot = strchr(p, '.'))) {
            S part = sym_intern(p, (size_t)(dot - p));
            ja(&out, &part);
            p = dot + 1;
        }
        S last = sym_intern(p, strlen(p));
        ja(&out, &last);
        r0(x);
        r0(y);
        return out;
    }
    if ((x->t == KJ || x->t == KI || x->t == KH) && (y->t == -KJ || y->t == -KI || y->t == -KH || y->t == KJ || y->t == KI || y->t == KH)) {
        /* mixed radix: 24 60 60 vs 3805 -> 1 3 25, the last digit the least; a vector y gives
         * one row per radix, a column per item */
        J k = x->n, m = y->t < 0 ? 1 : y->n;
        K digits = obj_vec(KJ, k * m);
        for (J j = 0; digits && j < m; j++) {
            K yi = y->t < 0 ? r1(y) : prim_item(y, j);
            J v = yi->t == -KJ ? yi->j : yi->t == -KI ? yi->i : yi->h;
            r0(yi);
            for (J i = k - 1; i >= 0; i--) {
                J b = x->t == KJ ? kJ(x)[i] : x->t == KI ? kI(x)[i] : kH(x)[i];
                J d = b ? v % b : v;
                if (b && d < 0)
                    d += b;
                kJ(digits)[i * m + j] = d;
                v = b ? (v - d) / b : 0;
            }
        }
        bool atom = y->t < 0;
        r0(x);
        r0(y);
        if (!digits || atom)
            return digits;
        K rows = ktn(0, k);
        for (J i = 0; rows && i < k; i++) {
            kK(rows)[i] = obj_vec(KJ, m);
            memcpy(kJ(kK(rows)[i]), kJ(digits) + i * m, (size_t)m * sizeof(J));
        }
        r0(digits);
        return rows;
    }
    if ((x->t == -KJ || x->t == -KI) && (y->t == 0 || y->t == KJ || y->t == KI || y->t == KH)) {
        if ((x->t == -KJ ? x->j : x->i) < 2) {
            r0(x);
            r0(y);
            return kerr("domain");
        }
        return vs_base_list(x, y);
    }
    if ((x->t == -KJ || x->t == -KI) && y->t < 0) {
        /* base expansion: 2 vs 10 -> 1 0 1 0 */
        J base = x->t == -KJ ? x->j : x->i, v = y->t == -KJ ? y->j : y->t == -KI ? y->i : y->h;
        r0(x);
        r0(y);
        if (base < 2)
            return kerr("domain");
        K out = ktn(KJ, 0);
        do {
            J d = v % base;
            ja(&out, &d);
            v /= base;
        } while (v);
        return prim_reverse(out);
    }
    if (x->t == -KG && y->t < 0) {
        /* 0x0 vs: bytes of an integer, big-endian */
        J v = y->t == -KJ ? y->j : y->i;
        int w = y->t == -KJ ? 8 : y->t == -KI ? 4 : 2;
        r0(x);
        r0(y);
        K out = obj_vec(KG, w);
        for (int i = 0; i < w; i++)
            kG(out)[w - 1 - i] = (G)(v >> (8 * i));
        return out;
    }
    r0(x);
    r0(y);
    return kerr("type");
}

/* the items of list y, vectors (or atoms) of type t, joined with sep between them; both
 * consumed.  'type when an item is of another type. */
static K join_items(K sep, K y, int t) {
    K out = obj_vec(t, 0);
    for (J i = 0; out && i < y->n; i++) {
        K item = kK(y)[i];
        if (item->t != t && item->t != -t) {
            r0(out);
            r0(sep);
            r0(y);
            return kerr("type");
        }
        if (i)
            out = prim_join(out, r1(sep));
        out = out ? prim_join(out, item->t == t ? r1(item) : prim_enlist(r1(item))) : NULL;
    }
    r0(sep);
    r0(y);
    return out;
}

/* x sv y: join strings with separator x; ` sv symbols joins with dots; base decode */
K prim_sv(K x, K y) {
    PRIM_ARGS2(x, y);
    if (x->t == -KS && !*x->s && y->t == 0) { /* ` sv: lines, each ended by a newline */
        r0(x);
        bool some = y->n > 0;
        K out = join_items(kc('\n'), y, KC);
        return out && some ? prim_join(out, kc('\n')) : out;
    }
    if ((x->t == -KG || x->t == KG) && y->t == 0) /* bytes joined with a byte separator */
        return join_items(x, y, KG);
    if (x->t == -KB && y->t == KB && (y->n == 8 || y->n == 16 || y->n == 32 || y->n == 64 || y->n == 128)) {
        /* 0b sv: bits (most significant first) as a byte, short, int, long or guid */
        J n = y->n;
        uint64_t v = 0;
        K r = n == 128 ? obj_atom(-UU) : NULL;
        for (J i = 0; i < n; i++) {
            if (n == 128) {
                if (i % 8 == 0)
                    kG(r)[i / 8] = 0;
                kG(r)[i / 8] |= (G)(kG(y)[i] << (7 - i % 8));
            } else {
                v = v << 1 | kG(y)[i];
            }
        }
        r0(x);
        r0(y);
        if (n == 128)
            return r;
        return n == 8 ? kg((G)v) : n == 16 ? kh((H)v) : n == 32 ? ki((I)v) : kj((J)v);
    }
    if ((x->t == KJ || x->t == KI) && (y->t == KJ || y->t == KI) && x->n == y->n) {
        /* mixed radix: 0 24 60 60 sv 2 3 5 7 */
        J v = 0;
        for (J i = 0; i < y->n; i++) {
            J b = x->t == KJ ? kJ(x)[i] : kI(x)[i], d = y->t == KJ ? kJ(y)[i] : kI(y)[i];
            v = (J)((uint64_t)v * (uint64_t)b + (uint64_t)d);
        }
        r0(x);
        r0(y);
        return kj(v);
    }
    if ((x->t == -KJ || x->t == -KI || ((x->t == KJ || x->t == KI) && x->n == obj_count(y))) &&
        y->t == 0 && y->n > 0) {
        /* digits as rows (what b vs a list gives): each column decoded, y[0] b* y[1] ... */
        K acc = r1(kK(y)[0]);
        for (J i = 1; acc && i < y->n; i++) {
            K b = x->t == -KJ ? kj(x->j) : x->t == -KI ? kj(x->i) : kj(x->t == KJ ? kJ(x)[i] : kI(x)[i]);
            acc = prim_add(prim_mul(acc, b), r1(kK(y)[i]));
        }
        r0(x);
        r0(y);
        return acc;
    }
    if ((x->t == KC || x->t == -KC) && y->t == 0) /* strings joined with a separator */
        return join_items(x, y, KC);
    if ((x->t == KC || x->t == -KC) && y->t == KC) { /* a list of chars: each is a string */
        r0(x);
        return y;
    }
    if (x->t == -KS && y->t == KS) {
        K out = ktn(KC, 0);
        bool path = x->s[0] == ':' || (y->n && kS(y)[0][0] == ':'); /* ` sv `:db`t: `:db/t */
        for (J i = 0; i < y->n; i++) {
            if (i)
                out = prim_join(out, kc(path ? '/' : '.'));
            out = prim_join(out, obj_str(kS(y)[i]));
        }
        r0(x);
        r0(y);
        K s = obj_atom(-KS);
        s->s = sym_intern(kC(out), (size_t)out->n);
        r0(out);
        return s;
    }
    if ((x->t == -KJ || x->t == -KI) && (y->t == KJ || y->t == KI || y->t == KB)) {
        uint64_t base = (uint64_t)(x->t == -KJ ? x->j : x->i), v = 0; /* wraps as q's does */
        for (J i = 0; i < y->n; i++) {
            K a = prim_item(y, i);
            v = v * base + (uint64_t)(a->t == -KJ ? a->j : a->t == -KI ? a->i : a->g);
            r0(a);
        }
        r0(x);
        r0(y);
        return kj((J)v);
    }
    if (x->t == -KG && y->t == KG && y->n == 16) { /* 16 bytes: a guid (basics/datatypes.md) */
        K g = obj_atom(-UU);
        if (g)
            memcpy(kG(g), kG(y), 16);
        r0(x);
        r0(y);
        return g ? g : kerr("wsfull");
    }
    if (x->t == -KG && y->t == KG && y->n != 2 && y->n != 4 && y->n != 8) { /* ref/sv.md */
        r0(x);
        r0(y);
        return kerr("length");
    }
    if (x->t == -KG && y->t == KG) {
        uint64_t v = 0;
        for (J i = 0; i < y->n; i++)
            v = (v << 8) | kG(y)[i];
        int n = (int)y->n;
        r0(x);
        r0(y);
        return n == 2 ? kh((H)v) : n <= 4 ? ki((I)v) : kj((J)v);
    }
    r0(x);
    r0(y);
    return kerr("type");
}

/* the ']' that closes the set [..] starting at p (pn chars left), or NULL: a ']' first in the
 * set (after '[' or "[^") is one of its members, so "[]]" is the set of ']' */
static const char *set_close(const char *p, size_t pn) {
    size_t from = 1 + (pn > 1 && p[1] == '^');
    from++; /* the set's first member is never its end */
    return pn > from ? memchr(p + from, ']', pn - from) : NULL;
}

/* the pattern element at p (pn > 0, not '*') against char c: 1 it matches, 0 it does not,
 * -1 it is a [set] without its ']' (which matches nothing); *len is the element's length */
static int like_element(const char *p, size_t pn, char c, size_t *len) {
    if (*p != '[') {
        *len = 1;
        return *p == '?' || *p == c;
    }
    const char *close = set_close(p, pn);
    if (!close)
        return -1;
    bool neg = p[1] == '^';
    bool hit = false;
    for (const char *q = p + 1 + neg; q < close; q++) {
        if (q + 2 < close && q[1] == '-') {
            hit = hit || (c >= q[0] && c <= q[2]);
            q += 2;
        } else {
            hit = hit || c == *q;
        }
    }
    *len = (size_t)(close - p) + 1;
    return hit != neg;
}

/* q's like patterns: * any run, ? one char, [abc] / [^abc] / [a-z] sets.  No recursion and
 * no exponential search: a * only ever needs its last occurrence revisited (the text after a
 * later * can always absorb what an earlier one would), so on a mismatch the most recent *
 * takes one more char and matching resumes after it. */
static bool match_here(const char *p, size_t pn, const char *s, size_t sn) {
    const char *star_p = NULL, *star_s = NULL; /* after the last *, and where its run ends */
    size_t star_pn = 0, star_sn = 0;
    for (;;) {
        if (pn && *p == '*') {
            p++, pn--;
            star_p = p, star_pn = pn, star_s = s, star_sn = sn;
            continue;
        }
        if (!pn && !sn)
            return true;
        if (pn && sn) {
            size_t len;
            int m = like_element(p, pn, *s, &len);
            if (m < 0)
                return false;
            if (m) {
                p += len, pn -= len, s++, sn--;
                continue;
            }
        }
        if (!star_p || !star_sn)
            return false;
        star_s++, star_sn--; /* the last * takes one more char */
        p = star_p, pn = star_pn, s = star_s, sn = star_sn;
    }
}

/* the patterns q's like cannot match (basics/regex.md: 'nyi): a leading * searches the text,
 * so no other * may follow but a trailing one; without it, one * may split the pattern
 * besides a trailing one ("br*wn", "a*b*", "*the*" match; "*the*the", "*the*the*" do not) */
static bool like_too_hard(const char *p, size_t pn) {
    size_t stars = 0;
    for (size_t i = 0; i < pn; i++) {
        if (p[i] == '*')
            stars += !i || p[i - 1] != '*'; /* a run of * is one */
        else if (p[i] == '[') {
            const char *close = set_close(p + i, pn - i);
            if (close)
                i = (size_t)(close - p);
        }
    }
    if (stars < 2)
        return false;
    bool lead = p[0] == '*', trail = p[pn - 1] == '*';
    size_t inner = stars - lead - trail;
    return lead ? inner > 0 : inner > 1;
}

K prim_like(K x, K y) {
    PRIM_ARGS2(x, y);
    if (prim_too_deep(x, y)) /* a general x matches item by item */
        return NULL;
    if (y->t == -KS) { /* a symbol pattern is its text (x like`$"ECONOMY*", KX's TPC-D) */
        K text = obj_strn(y->s, strlen(y->s));
        r0(y);
        y = text;
    }
    if (y->t != KC && y->t != -KC) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    const char *p = y->t == KC ? kC(y) : (char *)&y->g;
    size_t pn = y->t == KC ? (size_t)y->n : 1;
    if (like_too_hard(p, pn)) {
        r0(x);
        r0(y);
        return kerr("nyi");
    }
    if (x->t == XD) { /* a dictionary's values, under its keys (ref/like.md) */
        K k = r1(DICT_KEYS(x)), r = prim_like(r1(DICT_VALS(x)), y);
        r0(x);
        return r ? xD(k, r) : (r0(k), NULL);
    }
    if (x->t == KC || x->t == -KS || x->t == -KC) {
        const char *s = x->t == KC ? kC(x) : x->t == -KS ? x->s : (char *)&x->g;
        size_t sn = x->t == KC ? (size_t)x->n : x->t == -KS ? strlen(x->s) : 1;
        bool m = match_here(p, pn, s, sn);
        r0(x);
        r0(y);
        return kb(m);
    }
    if (x->t == KS || x->t == 0) {
        K out = obj_vec(KB, x->n);
        for (J i = 0; out && i < x->n; i++) {
            K item = prim_item(x, i);
            if (x->t == 0 && item->t != KC && item->t != -KS && item->t != -KC) {
                /* list iteration stops at the first level (basics/implicit-iteration.md) */
                r0(item);
                r0(out);
                r0(x);
                r0(y);
                return kerr("type");
            }
            K b = prim_like(item, r1(y));
            kG(out)[i] = b && b->t == -KB ? b->g : 0;
            if (!b && kerr_msg() && !strcmp(kerr_msg(), "stack")) {
                r0(out);
                out = NULL;
            } else if (!b) {
                kerr_clear();
            }
            r0(b);
        }
        r0(x);
        r0(y);
        return out;
    }
    r0(x);
    r0(y);
    return kerr("type");
}

/* positions of pattern y in string x (plain text; ? and [..] as in like) */
/* the number of chars a search pattern matches: a [set] is one; 0 for * or an empty pattern,
 * which ss cannot search for */
static size_t pattern_len(const char *p, size_t pn) {
    size_t n = 0;
    for (size_t i = 0; i < pn; i++, n++) {
        if (p[i] == '*')
            return 0;
        if (p[i] == '[') {
            const char *close = set_close(p + i, pn - i);
            if (close)
                i = (size_t)(close - p);
        }
    }
    return n;
}

K prim_ss(K x, K y) {
    PRIM_ARGS2(x, y);
    if (x->t != KC || (y->t != KC && y->t != -KC)) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    const char *p = y->t == KC ? kC(y) : (char *)&y->g;
    size_t pn = y->t == KC ? (size_t)y->n : 1, mn = pattern_len(p, pn);
    if (!mn) {
        r0(x);
        r0(y);
        return kerr("length");
    }
    K out = ktn(KJ, 0);
    for (J i = 0; i + (J)mn <= x->n;) {
        if (match_here(p, pn, kC(x) + i, mn)) {
            ja(&out, &i);
            i += (J)mn;
        } else {
            i++;
        }
    }
    r0(x);
    r0(y);
    return out;
}

K prim_ssr(K *args, int n) {
    if (n != 3 || args[0]->t != KC || (args[1]->t != KC && args[1]->t != -KC)) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return kerr(n != 3 ? "rank" : "type");
    }
    K x = args[0], y = args[1], z = args[2];
    const char *p = y->t == KC ? kC(y) : (char *)&y->g;
    size_t pn = y->t == KC ? (size_t)y->n : 1, mn = pattern_len(p, pn);
    K out = ktn(KC, 0);
    J i = 0;
    while (i < x->n) {
        if (mn && i + (J)mn <= x->n && match_here(p, pn, kC(x) + i, mn)) {
            K piece = obj_strn(kC(x) + i, mn);
            K rep;
            if (z->t >= KLAMBDA)
                rep = RT->svc.apply(r1(z), &piece, 1);
            else {
                r0(piece);
                rep = z->t == KC ? r1(z) : z->t == -KC ? obj_strn((char *)&z->g, 1) : NULL;
            }
            if (!rep) {
                r0(out);
                r0(x); r0(y); r0(z);
                return kerr("type");
            }
            out = prim_join(out, rep);
            i += (J)mn;
        } else {
            out = prim_join(out, kc(kC(x)[i]));
            i++;
        }
    }
    r0(x);
    r0(y);
    r0(z);
    return out;
}
