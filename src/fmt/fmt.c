/* fmt.c -- the console display and the one-line form of values.
 *
 * Atoms and vectors are rendered by fmt_item (one item's text, without type suffix); the
 * suffix rules, general lists, dicts and tables are layered on top.  Rules:
 * ../shared/conformance/DISPLAY.md. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "../prim/primint.h"
#include "../prim/prims.h"
#include "fmt.h"


/* ---- a growable text buffer ---------------------------------------------------------------- */

typedef struct Buf {
    char *p;      /* bytes */
    size_t n;     /* used */
    size_t cap;   /* allocated */
    bool oom;     /* an allocation failed: the text is incomplete */
    bool deep;    /* the value nests beyond the stack (stack.h): the text is incomplete */
    size_t limit; /* a console line: text past this many bytes would be cut, so it is not
                   * made (0: no limit) */
} Buf;

/* a console line's buffer: nothing is kept much beyond what the console shows (\c) */
static Buf line_buf(void) { return (Buf){.limit = (size_t)RT->fmt.settings.console_cols + 8}; }

/* the line already runs past what will be shown: formatting loops stop here */
static bool buf_full(const Buf *b) { return b->limit && b->n > b->limit; }

static void buf_add(Buf *b, const char *s, size_t n) {
    if (b->oom || buf_full(b))
        return;
    char *p = mem_raw_grow(b->p, &b->cap, b->n + n + 1, 1, 64);
    if (!p) {
        b->oom = true;
        return;
    }
    b->p = p;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void buf_str(Buf *b, const char *s) { buf_add(b, s, strlen(s)); }

/* v in decimal (what %lld writes) */
static void buf_int(Buf *b, J v) {
    char tmp[24];
    int n = sizeof tmp;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do
        tmp[--n] = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        tmp[--n] = '-';
    buf_add(b, tmp + n, sizeof tmp - (size_t)n);
}

static void buf_fmt(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_fmt(Buf *b, const char *fmt, ...) {
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    buf_add(b, tmp, n < 0 ? 0 : (size_t)(n < (int)sizeof tmp ? n : (int)sizeof tmp - 1));
}

static K buf_done(Buf *b) {
    if (b->oom || b->deep) {
        mem_raw_free(b->p);
        return kerr(b->oom ? "wsfull" : "stack");
    }
    K r = obj_strn(b->p ? b->p : "", b->n);
    mem_raw_free(b->p);
    return r;
}

/* ---- numbers ---------------------------------------------------------------------------------- */

static const double pow10_table[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* %.{p}g of f (finite, not 0, p 1..10) into out, as printf writes it, when one exact power of
 * ten scales f to p digits with a rounding that the scaling error cannot change: the length,
 * or 0 to leave it to printf */
static int float_g(char *out, double f, int p) {
    double a = fabs(f);
    int e = (int)floor(log10(a)); /* may be off by one: corrected below */
    for (int tries = 0; tries < 2; tries++) {
        int k = p - 1 - e;
        if (k < -22 || k > 22)
            return 0;
        double scaled = k >= 0 ? a * pow10_table[k] : a / pow10_table[-k];
        double lo = pow10_table[p - 1], hi = pow10_table[p];
        if (scaled < lo) {
            e--;
            continue;
        }
        if (scaled >= hi) {
            e++;
            continue;
        }
        double fl = floor(scaled), frac = scaled - fl;
        if (fabs(frac - 0.5) <= scaled * 1e-15 + 1e-9)
            return 0; /* too near a tie: printf rounds the exact binary value */
        uint64_t m = (uint64_t)fl + (frac > 0.5);
        if ((double)m < lo)
            return 0;
        if ((double)m >= hi) /* 9.9999996 -> 10.00000 */
            m /= 10, e++;
        char dig[16];
        for (int i = p - 1; i >= 0; i--, m /= 10)
            dig[i] = (char)('0' + m % 10);
        int nd = p;
        while (nd > 1 && dig[nd - 1] == '0')
            nd--;
        int n = 0;
        if (f < 0)
            out[n++] = '-';
        if (e < -4 || e >= p) { /* d.ddde+XX */
            out[n++] = dig[0];
            if (nd > 1) {
                out[n++] = '.';
                memcpy(out + n, dig + 1, (size_t)nd - 1);
                n += nd - 1;
            }
            int x = e < 0 ? -e : e;
            out[n++] = 'e';
            out[n++] = e < 0 ? '-' : '+';
            if (x >= 100)
                out[n++] = (char)('0' + x / 100);
            out[n++] = (char)('0' + x / 10 % 10);
            out[n++] = (char)('0' + x % 10);
        } else if (e >= 0) { /* ddd.ddd */
            int ip = e + 1;
            for (int i = 0; i < ip; i++)
                out[n++] = i < nd ? dig[i] : '0';
            if (nd > ip) {
                out[n++] = '.';
                memcpy(out + n, dig + ip, (size_t)(nd - ip));
                n += nd - ip;
            }
        } else { /* 0.000ddd */
            out[n++] = '0';
            out[n++] = '.';
            for (int i = 0; i < -e - 1; i++)
                out[n++] = '0';
            memcpy(out + n, dig, (size_t)nd);
            n += nd;
        }
        return n;
    }
    return 0;
}

/* q's float text: %.{P}g, with q's exponent form (1e+10, 1.5e-05) */
static void fmt_float(Buf *b, double f, int precision) {
    if (f != f) {
        buf_str(b, "0n");
        return;
    }
    if (isinf(f)) {
        buf_str(b, f > 0 ? "0w" : "-0w");
        return;
    }
    int p = precision <= 0 ? 17 : precision;
    char tmp[64];
    int n = f != 0 && p <= 10 ? float_g(tmp, f, p) : 0;
    if (n) {
        buf_add(b, tmp, (size_t)n);
        return;
    }
    snprintf(tmp, sizeof tmp, "%.*g", p, f);
    /* q drops a '+' exponent's leading zeros only to two digits: 1e+10, 1.2e-05 */
    buf_str(b, tmp);
}

static bool float_is_whole_text(double f, int precision) {
    if (f != f || isinf(f))
        return false;
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.*g", precision <= 0 ? 17 : precision, f);
    return !strpbrk(tmp, ".e");
}

static void two(Buf *b, int v) { buf_fmt(b, "%02d", v); }

static void fmt_date(Buf *b, I d) {
    if (d == ni) {
        buf_str(b, "0N");
        return;
    }
    if (d == wi || d == -wi) {
        buf_str(b, d > 0 ? "0W" : "-0W");
        return;
    }
    I y, m, dd;
    date_to_ymd(d, &y, &m, &dd);
    if (y < 1) { /* before 0001.01.01 (basics/datatypes.md) */
        buf_str(b, "0000.00.00");
        return;
    }
    buf_fmt(b, "%04d.%02d.%02d", y, m, dd);
}

static void fmt_clock_ns(Buf *b, J ns, bool with_days) {
    bool neg = ns < 0;
    if (neg) {
        buf_str(b, "-");
        ns = -ns;
    }
    J days = ns / NS_PER_DAY;
    J rest = ns % NS_PER_DAY;
    if (with_days)
        buf_fmt(b, "%lldD", (long long)days);
    J secs = rest / 1000000000LL;
    buf_fmt(b, "%02lld:%02lld:%02lld.%09lld", (long long)(secs / 3600 + (with_days ? 0 : days * 24)),
            (long long)(secs / 60 % 60), (long long)(secs % 60), (long long)(rest % 1000000000LL));
}

/* one item of type t (positive) at p, without suffix; plain: as in a vector */
static void fmt_item(Buf *b, int t, const void *p) {
    switch (t) {
    case KB: buf_str(b, *(const G *)p ? "1" : "0"); break;
    case KG: buf_fmt(b, "%02x", *(const G *)p); break;
    case KH: {
        H v = *(const H *)p;
        if (v == nh) buf_str(b, "0N");
        else buf_int(b, v); /* a short has no infinity on display: 0Wh is 32767h */
        break;
    }
    case KI: {
        I v = *(const I *)p;
        if (v == ni) buf_str(b, "0N");
        else if (v == wi) buf_str(b, "0W");
        else if (v == -wi) buf_str(b, "-0W");
        else buf_int(b, v);
        break;
    }
    case KJ: {
        J v = *(const J *)p;
        if (v == nj) buf_str(b, "0N");
        else if (v == wj) buf_str(b, "0W");
        else if (v == -wj) buf_str(b, "-0W");
        else buf_int(b, v);
        break;
    }
    case KE: fmt_float(b, *(const E *)p, RT->fmt.settings.precision); break;
    case KF: fmt_float(b, *(const F *)p, RT->fmt.settings.precision); break;
    case KC: buf_add(b, (const char *)p, 1); break;
    case KS: buf_str(b, *(const S *)p); break;
    case UU: {
        const G *g = p;
        buf_fmt(b, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", g[0], g[1],
                g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11], g[12], g[13], g[14], g[15]);
        break;
    }
    case KP: {
        J v = *(const J *)p;
        if (v == nj) { buf_str(b, "0N"); break; }
        if (v == wj || v == -wj) { buf_str(b, v > 0 ? "0W" : "-0W"); break; }
        J days = v / NS_PER_DAY, rest = v % NS_PER_DAY;
        if (rest < 0) { days--; rest += NS_PER_DAY; }
        fmt_date(b, (I)days);
        buf_str(b, "D");
        fmt_clock_ns(b, rest, false);
        break;
    }
    case KM: {
        I v = *(const I *)p;
        if (v == ni) { buf_str(b, "0N"); break; }
        if (v == wi || v == -wi) { buf_str(b, v > 0 ? "0W" : "-0W"); break; }
        I y = 2000 + (v >= 0 ? v / 12 : (v - 11) / 12), m = ((v % 12) + 12) % 12 + 1;
        buf_fmt(b, "%04d.%02d", y, m);
        break;
    }
    case KD: fmt_date(b, *(const I *)p); break;
    case KZ: {
        F v = *(const F *)p;
        if (v != v) { buf_str(b, "0N"); break; }
        if (isinf(v)) { buf_str(b, v > 0 ? "0w" : "-0w"); break; }
        J ms = (J)llround(v * MS_PER_DAY);
        J days = ms / MS_PER_DAY, rest = ms % MS_PER_DAY;
        if (rest < 0) { days--; rest += MS_PER_DAY; }
        fmt_date(b, (I)days);
        buf_fmt(b, "T%02lld:%02lld:%02lld.%03lld", (long long)(rest / 3600000), (long long)(rest / 60000 % 60),
                (long long)(rest / 1000 % 60), (long long)(rest % 1000));
        break;
    }
    case KN: {
        J v = *(const J *)p;
        if (v == nj) { buf_str(b, "0N"); break; }
        if (v == wj || v == -wj) { buf_str(b, v > 0 ? "0W" : "-0W"); break; }
        fmt_clock_ns(b, v, true);
        break;
    }
    case KU: case KV: case KT: {
        I v = *(const I *)p;
        if (v == ni) { buf_str(b, "0N"); break; }
        if (v == wi || v == -wi) { buf_str(b, v > 0 ? "0W" : "-0W"); break; }
        bool neg = v < 0;
        if (neg) { buf_str(b, "-"); v = -v; }
        if (t == KU) { two(b, v / 60); buf_str(b, ":"); two(b, v % 60); }
        else if (t == KV) { two(b, v / 3600); buf_str(b, ":"); two(b, v / 60 % 60); buf_str(b, ":"); two(b, v % 60); }
        else buf_fmt(b, "%02d:%02d:%02d.%03d", v / 3600000, v / 60000 % 60, v / 1000 % 60, v % 1000);
        break;
    }
    }
}

static bool item_null(int t, const void *p) {
    switch (t) {
    case KH: return *(const H *)p == nh;
    case KI: case KM: case KD: case KU: case KV: case KT: return *(const I *)p == ni;
    case KJ: case KP: case KN: return *(const J *)p == nj;
    case KE: { E e = *(const E *)p; return e != e; }
    case KF: case KZ: { F f = *(const F *)p; return f != f; }
    }
    return false;
}

static const char suffix_of[20] = {0, 'b', 0, 0, 0, 'h', 'i', 0, 'e', 'f', 0, 0, 'p', 'm', 'd', 'z', 'n', 'u', 'v', 't'};

/* an infinity of a temporal type (its bits: the largest or smallest value, or +-inf) */
static bool item_infinite(int t, const void *p) {
    if (t == KZ)
        return isinf(*(const F *)p);
    if (obj_width(t) == 8)
        return *(const J *)p == wj || *(const J *)p == -wj;
    return *(const I *)p == wi || *(const I *)p == -wi;
}

/* a temporal or numeric null prints with its type letter: 0Nd, 0Ni */
static void fmt_null_atom(Buf *b, int t) {
    static const char *const names[20] = {0, 0, 0, 0, 0, "0Nh", "0Ni", "0N", "0Ne", "0n", 0, 0,
                                    "0Np", "0Nm", "0Nd", "0Nz", "0Nn", "0Nu", "0Nv", "0Nt"};
    buf_str(b, names[t]);
}

static void fmt_char_escaped(Buf *b, unsigned char c) {
    switch (c) {
    case '"': buf_str(b, "\\\""); return;
    case '\\': buf_str(b, "\\\\"); return;
    case '\n': buf_str(b, "\\n"); return;
    case '\r': buf_str(b, "\\r"); return;
    case '\t': buf_str(b, "\\t"); return;
    }
    if (c < 32 || c > 126)
        buf_fmt(b, "\\%03o", c);
    else
        buf_add(b, (const char *)&c, 1);
}

static void fmt_string(Buf *b, const char *s, J n) {
    buf_str(b, "\"");
    for (J i = 0; i < n; i++)
        fmt_char_escaped(b, (unsigned char)s[i]);
    buf_str(b, "\"");
}

static const char *const type_names[20] = {"", "boolean", "guid", "", "byte", "short", "int", "long",
                                     "real", "float", "char", "symbol", "timestamp", "month", "date",
                                     "datetime", "timespan", "minute", "second", "time"};

/* an atom in its display form (with suffix where q shows one) */
static void fmt_atom(Buf *b, const K x) {
    int t = -x->t;
    const void *p = t == UU ? (const void *)kG(x) : (const void *)&x->g;
    if (obj_is_enum(t)) { /* enumerated atom: `sym$`a; over a keyed table `f$3; a link `t!2 */
        K s = prim_unenum(r1(x));
        if (s && s->t != -KS) {
            buf_fmt(b, "`%s$", enum_domain(t));
            fmt_atom(b, s);
        } else if (!s) {
            kerr_clear();
            K j = kj(x->j);
            buf_fmt(b, "`%s!", enum_domain(t));
            if (j)
                fmt_atom(b, j);
            r0(j);
        } else
            buf_fmt(b, "`%s$`%s", enum_domain(t), s->s);
        r0(s);
        return;
    }
    if (t == KC) {
        buf_str(b, "\"");
        fmt_char_escaped(b, x->g);
        buf_str(b, "\"");
        return;
    }
    if (t == KS) {
        buf_str(b, "`");
        buf_str(b, x->s);
        return;
    }
    if (t == KG) {
        buf_str(b, "0x");
        fmt_item(b, t, p);
        return;
    }
    if (item_null(t, p)) {
        fmt_null_atom(b, t);
        return;
    }
    if (prim_is_temporal(t) && t != KM && item_infinite(t, p)) { /* 0Wp -0Wd 0wz: typed */
        bool neg = t == KZ ? *(const F *)p < 0 : obj_width(t) == 8 ? *(const J *)p < 0 : *(const I *)p < 0;
        buf_str(b, neg ? "-" : "");
        buf_str(b, t == KZ ? "0w" : "0W");
        buf_add(b, &suffix_of[t], 1);
        return;
    }
    fmt_item(b, t, p);
    if (t == KB || t == KH || t == KI || t == KE || t == KM)
        buf_add(b, &suffix_of[t], 1);
    else if (t == KF && float_is_whole_text(x->f, RT->fmt.settings.precision))
        buf_str(b, "f");
}

static void fmt_vector(Buf *b, const K x, bool in_list);

static void fmt_attr(Buf *b, const K x) {
    static const char *const attrs[] = {"", "`s#", "`u#", "`p#", "`g#"};
    if (x->u > 0 && x->u < 5)
        buf_str(b, attrs[(int)x->u]);
}

static void fmt_vector(Buf *b, const K x, bool in_list) {
    int t = x->t;
    fmt_attr(b, x);
    if (obj_is_enum(t)) { /* `sym$`a`b */
        K s = prim_unenum(r1(x));
        buf_fmt(b, "`%s%s", enum_domain(t), s ? "$" : "!");
        if (s && s->t == KS && s->n == 0) { /* `sym$() (ref/dotq.md .Q.vp) */
            buf_str(b, "()");
        } else if (s && s->t == KS) {
            fmt_attr(b, x); /* its symbols carry it too: `g#`foo$`g#`a`b (ref/enum-extend.md) */
            if (s->n == 1) /* one item: `s$,`s1 (ref/xgroup.md) */
                buf_str(b, ",");
            for (J i = 0; i < s->n; i++)
                buf_fmt(b, "`%s", kS(s)[i]);
        } else if (s) { /* over a keyed table's key of another type: its values */
            fmt_vector(b, s, in_list);
        } else { /* a link column (over a table): its indices */
            kerr_clear();
            K j = obj_copy(x);
            if (j) {
                j->t = KJ;
                j->u = 0;
                fmt_vector(b, j, in_list);
                r0(j);
            }
        }
        r0(s);
        return;
    }
    if (x->n == 0) {
        if (t == KC) buf_str(b, "\"\"");
        else buf_fmt(b, "`%s$()", type_names[t]);
        return;
    }
    if (x->n == 1 && !in_list)
        buf_str(b, ",");
    else if (x->n == 1)
        buf_str(b, ",");
    switch (t) {
    case KC:
        fmt_string(b, kC(x), x->n);
        return;
    case KS:
        for (J i = 0; i < x->n && !buf_full(b); i++) {
            buf_str(b, "`");
            buf_str(b, kS(x)[i]);
        }
        return;
    case KB:
        for (J i = 0; i < x->n && !buf_full(b); i++)
            buf_str(b, kG(x)[i] ? "1" : "0");
        buf_str(b, "b");
        return;
    case KG:
        buf_str(b, "0x");
        for (J i = 0; i < x->n && !buf_full(b); i++)
            buf_fmt(b, "%02x", kG(x)[i]);
        return;
    }
    int w = obj_width(t);
    bool all_null = true, float_whole = true;
    for (J i = 0; i < x->n && !buf_full(b); i++) {
        const void *p = kG(x) + (size_t)i * w;
        if (i)
            buf_str(b, " ");
        bool null = item_null(t, p);
        /* a temporal vector of nulls and infinities only needs its letter: 0W 0Nd */
        all_null = all_null && (null || (t >= KP && t <= KT && item_infinite(t, p)));
        if (t == KF)
            float_whole = float_whole && float_is_whole_text(*(const F *)p, RT->fmt.settings.precision);
        if (null && t != KF && t != KE)
            buf_str(b, "0N");
        else
            fmt_item(b, t, p);
    }
    if (t == KF) {
        if (float_whole)
            buf_str(b, "f");
        return;
    }
    if (t == KJ && !all_null)
        return;
    if (t == KJ)
        return;
    if (all_null && t != KE && t != KH && t != KI) {
        buf_add(b, &suffix_of[t], suffix_of[t] ? 1 : 0);
        return;
    }
    if (t == KH || t == KI || t == KE || t == KM)
        buf_add(b, &suffix_of[t], 1);
}

/* ---- the one-line form (-3!) -------------------------------------------------------------- */

static void fmt_one(Buf *b, const K x, bool top);

static void fmt_func(Buf *b, const K x) {
    char pb[8];
    switch (x->t) {
    case KLAMBDA: {
        K src = kK(x)[LAMBDA_SRC];
        buf_add(b, kC(src), (size_t)src->n);
        return;
    }
    case KUNARY: case KBINARY:
        buf_str(b, prim_display(x, pb));
        return;
    case KITER: {
        static const char *const it[] = {"'", "/", "\\", "':", "/:", "\\:"};
        buf_str(b, x->g < 6 ? it[x->g] : "?");
        return;
    }
    case KPROJ: {
        /* q leaves out elided arguments at the end: 1+ shows as +[1], f[;2] as f[;2] */
        J last = x->n - 1;
        while (last > 1 && kK(x)[last]->t == KUNARY && kK(x)[last]->g == PRIM_ELIDED)
            last--;
        fmt_one(b, kK(x)[0], false);
        buf_str(b, "[");
        for (J i = 1; i <= last; i++) {
            if (i > 1)
                buf_str(b, ";");
            K a = kK(x)[i];
            if (!(a->t == KUNARY && a->g == PRIM_ELIDED))
                fmt_one(b, a, false);
        }
        buf_str(b, "]");
        return;
    }
    case KCOMP:
        for (J i = 0; i < x->n && !buf_full(b); i++)
            fmt_one(b, kK(x)[i], false);
        return;
    case KEACH: case KOVER: case KSCAN: case KPRIOR: case KEACHR: case KEACHL: {
        static const char *const it[] = {"'", "/", "\\", "':", "/:", "\\:"};
        K f = kK(x)[0];
        bool paren = f->t == KPROJ || f->t == KCOMP;
        if (paren) buf_str(b, "(");
        fmt_one(b, f, false);
        if (paren) buf_str(b, ")");
        buf_str(b, it[x->t - KEACH]);
        return;
    }
    case KFOREIGN:
        buf_str(b, "foreign");
        return;
    case KVIEW: { /* a view shows as its text (learn/views.md: `. `d is b+a) */
        K text = kK(x)[3];
        if (text->t == KC)
            buf_add(b, kC(text), (size_t)text->n);
        return;
    }
    }
}

/* x's one-line form onto b.  A line with a limit stops growing once full, so a console
 * line never descends further than it shows; past the stack's depth b is marked deep. */
static void fmt_one(Buf *b, const K x, bool top) {
    if (b->deep || buf_full(b))
        return;
    if (!stack_ok()) {
        b->deep = true;
        return;
    }
    if (x->t < 0) {
        if (x->t == KERROR) {
            buf_fmt(b, "'%s", x->s);
            return;
        }
        fmt_atom(b, x);
        return;
    }
    if (x->t > 0 && x->t < KENUM) {
        fmt_vector(b, x, !top);
        return;
    }
    if (obj_is_enum(x->t)) {
        fmt_vector(b, x, !top);
        return;
    }
    if (x->t == 0) {
        if (x->n == 1) {
            buf_str(b, ","); /* ,,1 and ,(1;`a) */
            fmt_one(b, kK(x)[0], false);
            return;
        }
        buf_str(b, "(");
        for (J i = 0; i < x->n && !buf_full(b); i++) {
            if (i)
                buf_str(b, ";");
            fmt_one(b, kK(x)[i], false);
        }
        buf_str(b, ")");
        return;
    }
    if (x->t == XD) {
        K k = DICT_KEYS(x), v = DICT_VALS(x);
        if (k->t == XT) {
            buf_str(b, "(");
            fmt_one(b, k, false);
            buf_str(b, ")!");
            fmt_one(b, v, false);
            return;
        }
        /* the key is bracketed unless it reads alone: a one-item list or an empty vector
         * (,`a and `symbol$() would take the ! into them), an enumeration */
        bool paren = (k->t == 0 && k->n == 1) || (k->t > 0 && k->n < 2) || obj_is_enum(k->t);
        if (paren) buf_str(b, "(");
        fmt_one(b, k, false);
        if (paren) buf_str(b, ")");
        buf_str(b, "!");
        fmt_one(b, v, false);
        return;
    }
    if (x->t == XT) {
        buf_str(b, "+");
        fmt_one(b, x->k, false);
        return;
    }
    fmt_func(b, x);
}

K fmt_oneline(const K x) {
    Buf b = {0};
    fmt_one(&b, x, true);
    return buf_done(&b);
}

/* ---- console display ---------------------------------------------------------------------- */

/* The console shows a value as lines, by one rule that recurses (q's .Q.S, DISPLAY.md 4-6):
 * a simple vector is one cell per item; a general list is one line per item in its one-line
 * form, or a matrix; a table is its columns side by side under a header; a dict is its key
 * lines beside its value lines.  Only what the console shows (\c) is made. */
typedef struct Lines {
    Buf *line;  /* each a console line's buffer */
    size_t n, cap;
    bool oom;   /* a line could not be added */
    bool deep;  /* the value nests beyond the stack */
} Lines;

/* a new empty line at the end of l: NULL when out of memory */
static Buf *lines_add(Lines *l) {
    if (l->oom)
        return NULL;
    Buf *p = mem_raw_grow(l->line, &l->cap, l->n + 1, sizeof(Buf), 8);
    if (!p) {
        l->oom = true;
        return NULL;
    }
    l->line = p;
    l->line[l->n] = line_buf();
    return &l->line[l->n++];
}

static void lines_free(Lines *l) {
    for (size_t i = 0; i < l->n; i++)
        mem_raw_free(l->line[i].p);
    mem_raw_free(l->line);
}

/* l's failures passed on to out */
static void lines_merge_flags(Lines *out, const Lines *l) {
    out->oom = out->oom || l->oom;
    out->deep = out->deep || l->deep;
    for (size_t i = 0; i < l->n; i++) {
        out->oom = out->oom || l->line[i].oom;
        out->deep = out->deep || l->line[i].deep;
    }
}

static void buf_cat(Buf *b, const Buf *s) { buf_add(b, s->p ? s->p : "", s->n); }

static void pad_to(Buf *b, size_t have, size_t width) {
    for (size_t i = have; i < width; i++)
        buf_str(b, " ");
}

/* the widest of l's lines */
static size_t lines_width(const Lines *l) {
    size_t w = 0;
    for (size_t i = 0; i < l->n; i++)
        w = MAX(w, l->line[i].n);
    return w;
}

/* the cell of item i of simple vector or enumeration col: no type letter, nulls blank */
static void cell_text(Buf *b, const K col, J i) {
    int t = col->t;
    if (obj_is_enum(t)) { /* the symbol (a key's value; a link's row number) */
        K s = prim_unenum(prim_item(col, i));
        if (s && s->t == -KS)
            buf_str(b, s->s);
        else {
            if (!s)
                kerr_clear();
            K v = obj_vec(s ? -s->t : KJ, 1); /* the value (or row number) as a cell */
            if (v) {
                memcpy(kG(v), s ? (s->t == -UU ? (void *)kG(s) : (void *)&s->g) : (void *)&kJ(col)[i],
                       obj_width(v->t));
                cell_text(b, v, 0);
                r0(v);
            }
        }
        r0(s);
        return;
    }
    if (t == KC) {
        buf_add(b, kC(col) + i, 1);
        return;
    }
    if (t == KG) {
        buf_fmt(b, "%02x", kG(col)[i]);
        return;
    }
    const void *p = kG(col) + (size_t)i * obj_width(t);
    if (t == KS) {
        buf_str(b, kS(col)[i]);
        return;
    }
    if (t == KB) {
        buf_str(b, kG(col)[i] ? "1" : "0");
        return;
    }
    if (item_null(t, p))
        return; /* nulls show blank in tables */
    fmt_item(b, t, p);
}

static bool is_list(int t) { return t >= 0 && t <= KENUM_LAST; }

static void item_lines(const K x, J limit, Lines *out);

/* Do the first n items of general list x show one per line in their one-line form?  Yes when
 * one is not a list (an atom, dict, table or function), when their lengths differ, or when
 * they are all boolean, all byte or all char vectors; otherwise they form a matrix. */
static bool one_per_line(const K x, J n) {
    bool bools = true, bytes = true, strings = true;
    for (J i = 0; i < n; i++) {
        K item = kK(x)[i];
        if (!is_list(item->t) || item->n != kK(x)[0]->n)
            return true;
        bools = bools && item->t == KB;
        bytes = bytes && item->t == KG;
        strings = strings && item->t == KC;
    }
    return bools || bytes || strings;
}

/* the first n items of x (lists of one length) as a matrix: each row's items by the rule, every
 * column padded to its widest cell (the last too), a row's cells joined by blanks.  A cell
 * takes at least two columns of the console, so no more are made than would show. */
static void matrix_lines(const K x, J n, Lines *out) {
    J ncols = MIN(kK(x)[0]->n, (J)RT->fmt.settings.console_cols / 2 + 2);
    Lines *rows = mem_raw_calloc((size_t)n, sizeof(Lines));
    size_t *width = mem_raw_calloc((size_t)(ncols ? ncols : 1), sizeof(size_t));
    if (!rows || !width) {
        out->oom = true;
        n = 0;
    }
    for (J r = 0; r < n; r++) {
        item_lines(kK(x)[r], ncols, &rows[r]);
        for (size_t c = 0; c < rows[r].n; c++)
            width[c] = MAX(width[c], rows[r].line[c].n);
        lines_merge_flags(out, &rows[r]);
    }
    for (J r = 0; r < n; r++) {
        Buf *line = lines_add(out);
        for (size_t c = 0; line && c < rows[r].n; c++) {
            if (c)
                buf_str(line, " ");
            buf_cat(line, &rows[r].line[c]);
            pad_to(line, rows[r].line[c].n, width[c]);
        }
    }
    for (J r = 0; r < n; r++)
        lines_free(&rows[r]);
    mem_raw_free(rows);
    mem_raw_free(width);
}

/* a table's header, its rule of dashes and its first limit rows: each column by the rule,
 * padded to its widest line (its name included), the columns joined by blanks */
static void table_lines(const K t, J limit, Lines *out) {
    K names = TABLE_COLS(t), cols = TABLE_DATA(t);
    J ncols = names->n, nrows = MIN(obj_count(t), limit);
    Lines *col = mem_raw_calloc((size_t)(ncols ? ncols : 1), sizeof(Lines));
    size_t *width = mem_raw_calloc((size_t)(ncols ? ncols : 1), sizeof(size_t));
    if (!col || !width) {
        out->oom = true;
        ncols = 0;
    }
    J made = 0; /* columns made: none past what a line shows */
    for (size_t total = 0; made < ncols && total <= (size_t)RT->fmt.settings.console_cols; made++) {
        item_lines(kK(cols)[made], nrows, &col[made]);
        lines_merge_flags(out, &col[made]);
        width[made] = MAX(strlen(kS(names)[made]), lines_width(&col[made]));
        total += width[made] + 1;
    }
    Buf *head = lines_add(out), *rule = lines_add(out);
    for (J c = 0; head && rule && c < made; c++) {
        if (c) {
            buf_str(head, " ");
            buf_str(rule, "-");
        }
        buf_str(head, kS(names)[c]);
        pad_to(head, strlen(kS(names)[c]), width[c]);
        for (size_t k = 0; k < width[c] && !buf_full(rule); k++)
            buf_str(rule, "-");
    }
    for (J r = 0; r < nrows; r++) {
        Buf *line = lines_add(out);
        for (J c = 0; line && c < made; c++) {
            if (c)
                buf_str(line, " ");
            size_t have = 0;
            if ((size_t)r < col[c].n) {
                buf_cat(line, &col[c].line[r]);
                have = col[c].line[r].n;
            }
            pad_to(line, have, width[c]);
        }
    }
    for (J c = 0; c < made; c++)
        lines_free(&col[c]);
    mem_raw_free(col);
    mem_raw_free(width);
}

/* a dict's first limit entries: its key lines beside its value lines (k| v), each side by the
 * rule; beside a table (a keyed table's value, a dict of records) the other side gets a blank
 * header line and a rule */
static void dict_lines(const K d, J limit, Lines *out) {
    K k = DICT_KEYS(d), v = DICT_VALS(d);
    if ((!is_list(k->t) && k->t != XT) || (!is_list(v->t) && v->t != XT)) {
        Buf *line = lines_add(out);
        if (line)
            fmt_one(line, d, true);
        return;
    }
    Lines kl = {0}, vl = {0};
    item_lines(k, limit, &kl);
    item_lines(v, limit, &vl);
    lines_merge_flags(out, &kl);
    lines_merge_flags(out, &vl);
    bool header = k->t == XT || v->t == XT;
    size_t koff = header && k->t != XT ? 2 : 0, voff = header && v->t != XT ? 2 : 0;
    size_t kw = lines_width(&kl), vw = lines_width(&vl);
    size_t n = MAX(kl.n + koff, vl.n + voff);
    for (size_t i = 0; i < n; i++) {
        Buf *line = lines_add(out);
        if (!line)
            break;
        size_t have = 0;
        if (i >= koff && i - koff < kl.n) {
            buf_cat(line, &kl.line[i - koff]);
            have = kl.line[i - koff].n;
        } else if (i == 1 && koff) {
            for (; have < kw; have++)
                buf_str(line, "-");
        }
        pad_to(line, have, kw);
        buf_str(line, "| ");
        if (i >= voff && i - voff < vl.n)
            buf_cat(line, &vl.line[i - voff]);
        else if (i == 1 && voff)
            for (size_t c = 0; c < vw && !buf_full(line); c++)
                buf_str(line, "-");
    }
    lines_free(&kl);
    lines_free(&vl);
}

/* the lines of x's first limit items (a list, dict or table; an atom is one line) */
static void item_lines(const K x, J limit, Lines *out) {
    if (!stack_ok()) {
        out->deep = true;
        return;
    }
    if (x->t == XT) {
        table_lines(x, limit, out);
    } else if (x->t == XD) {
        dict_lines(x, limit, out);
    } else if (x->t == 0) {
        /* one item that is a list of one item: a matrix of one cell, the lines of that item
         * (walked, not recursed: a million enlists deep show their innermost) */
        K y = x;
        while (MIN(y->n, limit) == 1 && kK(y)[0]->t == 0 && kK(y)[0]->n == 1) {
            y = kK(y)[0];
            limit = 1;
        }
        J n = MIN(y->n, limit);
        if (n && !one_per_line(y, n)) {
            matrix_lines(y, n, out);
            return;
        }
        for (J i = 0; i < n; i++) {
            Buf *line = lines_add(out);
            if (line)
                fmt_one(line, kK(y)[i], false);
        }
    } else if (is_list(x->t)) {
        J n = MIN(x->n, limit);
        for (J i = 0; i < n; i++) {
            Buf *line = lines_add(out);
            if (line)
                cell_text(line, x, i);
        }
    } else {
        Buf *line = lines_add(out);
        if (line)
            fmt_one(line, x, false);
    }
}

/* The console shows at most rows-2 lines of items (\c), rows-4 under a header; when cut, one
 * item fewer and a line "..".  An atom, function or simple vector is one line. */
static void console_lines(const K x, Lines *out) {
    if (x->t != XT && x->t != XD && x->t != 0) {
        Buf *line = lines_add(out);
        if (line)
            fmt_one(line, x, true);
        return;
    }
    bool header = x->t == XT || (x->t == XD && (DICT_KEYS(x)->t == XT || DICT_VALS(x)->t == XT));
    J n = x->t == XD ? obj_count(DICT_KEYS(x)) : obj_count(x);
    J most = MAX(1, (J)RT->fmt.settings.console_rows - (header ? 4 : 2));
    item_lines(x, n > most ? most - 1 : n, out);
    if (n > most) {
        Buf *line = lines_add(out);
        if (line)
            buf_str(line, "..");
    }
}

/* one line as the console shows it, ending at a 0: a line wider than the console (\c), its
 * padding included, keeps cols-3 characters and ends in ".." (q leaves the last column free:
 * at \c 10 10, til 20 shows as 0 1 2 3..; a header padded past the width is cut too,
 * wp/iterators/index.md); otherwise its trailing blanks are dropped */
static void add_shown(Buf *b, const Buf *line) {
    const char *s = line->p ? line->p : "";
    const char *end = memchr(s, 0, line->n);
    size_t len = end ? (size_t)(end - s) : line->n;
    size_t cols = (size_t)RT->fmt.settings.console_cols;
    if (cols > 3 && len > cols - 1) {
        buf_add(b, s, cols - 3);
        buf_str(b, "..");
        return;
    }
    while (len && s[len - 1] == ' ')
        len--;
    buf_add(b, s, len);
}

K fmt_console(const K x) {
    if (obj_is_identity(x))
        return obj_strn("", 0);
    if (!obj_stack_ok())
        return NULL;
    Lines l = {0};
    console_lines(x, &l);
    lines_merge_flags(&l, &l);
    Buf b = {0};
    for (size_t i = 0; i < l.n; i++) {
        if (i)
            buf_str(&b, "\n");
        add_shown(&b, &l.line[i]);
    }
    b.oom = b.oom || l.oom;
    b.deep = l.deep;
    lines_free(&l);
    return buf_done(&b);
}

/* ---- string -------------------------------------------------------------------------------- */

K fmt_atom_string(const K x) {
    Buf b = {0};
    int t = -x->t;
    if (t == KC) {
        buf_add(&b, (const char *)&x->g, 1);
    } else if (t == KS) {
        buf_str(&b, x->s);
    } else if (t > 0 && t < KENUM) {
        const void *p = t == UU ? (const void *)kG(x) : (const void *)&x->g;
        if (!item_null(t, p) || t == KF || t == KE)
            fmt_item(&b, t, p);
    } else {
        fmt_one(&b, x, true);
    }
    return buf_done(&b);
}

K prim_string(K x) {
    PRIM_ARGS1(x);
    if (!obj_stack_ok()) { /* string recurses into nested lists, dicts and tables */
        r0(x);
        return NULL;
    }
    if (x->t < 0) {
        K r = fmt_atom_string(x);
        r0(x);
        return r;
    }
    if (x->t == KC) {
        /* string of a string: each char becomes a 1-char string */
        K out = ktn(0, x->n);
        for (J i = 0; out && i < x->n; i++)
            kK(out)[i] = obj_strn(kC(x) + i, 1);
        r0(x);
        return out;
    }
    if (x->t > 0 && x->t < KENUM) { /* each item as fmt_atom_string writes it, in one buffer */
        K out = ktn(0, x->n);
        int t = x->t, w = obj_width(t);
        Buf b = {0};
        for (J i = 0; out && i < x->n; i++) {
            const void *p = kG(x) + (size_t)i * w;
            b.n = 0;
            if (!item_null(t, p) || t == KF || t == KE)
                fmt_item(&b, t, p);
            if (b.oom || !(kK(out)[i] = obj_strn(b.p ? b.p : "", b.n))) {
                out->n = i;
                r0(out);
                out = b.oom ? kerr("wsfull") : NULL;
            }
        }
        mem_raw_free(b.p);
        r0(x);
        return out;
    }
    if (x->t == 0) {
        K out = ktn(0, x->n);
        for (J i = 0; out && i < x->n; i++)
            if (!(kK(out)[i] = prim_string(r1(kK(x)[i])))) {
                r0(out);
                out = NULL;
            }
        r0(x);
        return out;
    }
    if (x->t == XD) {
        K v = prim_string(r1(DICT_VALS(x)));
        K k = r1(DICT_KEYS(x));
        r0(x);
        return xD(k, v);
    }
    if (x->t == XT) { /* column by column */
        K d = prim_string(r1(x->k));
        r0(x);
        return d ? prim_flip(d) : NULL;
    }
    if (obj_is_keyed(x)) {
        K k = r1(DICT_KEYS(x)), v = prim_string(r1(DICT_VALS(x)));
        r0(x);
        return v ? xD(k, v) : (r0(k), NULL);
    }
    if (x->t >= KLAMBDA) {
        K r = fmt_oneline(x);
        r0(x);
        return r;
    }
    r0(x);
    return kerr("type");
}
