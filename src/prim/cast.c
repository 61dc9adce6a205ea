/* cast.c -- $: casts between types (`int$x, "j"$x, 6h$x), parsing strings ("D"$"2020.01.01",
 * `$"abc"), and the temporal field casts (`year$d, `mm$d, `hh$t ...). */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "literal.h"
#include "prims.h"
#include "primint.h"

/* the target type of a cast's left argument: >0 cast, <0 parse (upper-case char), 0 error;
 * field casts return 100+ codes */
enum { F_YEAR = 200, F_MM, F_DD, F_HH, F_UU, F_SS, F_WEEK };

static int cast_target(const K x) {
    static const char letters[] = " bg xhijefcspmdznuvt";
    if (x->t == -KC) {
        char c = (char)x->g;
        if (c == '*')
            return -KC;
        const char *p = strchr(letters, tolower((unsigned char)c));
        if (!p || c == ' ')
            return 0;
        int t = (int)(p - letters);
        return isupper((unsigned char)c) ? -t : t;
    }
    if (x->t == -KH || x->t == -KI || x->t == -KJ) {
        J t = x->t == -KH ? x->h : x->t == -KI ? x->i : x->j;
        /* a negative short is Tok, as an upper-case char (ref/tok.md); other ints cast */
        if (x->t == -KH && t < 0 && t > -KENUM)
            return (int)t;
        return t > 0 && t < KENUM ? (int)t : t < 0 && t > -KENUM ? (int)-t : 0;
    }
    if (x->t == -KS) {
        static const struct { const char *name; int t; } names[] = {
            {"boolean", KB}, {"guid", UU}, {"byte", KG}, {"short", KH}, {"int", KI}, {"long", KJ},
            {"real", KE}, {"float", KF}, {"char", KC}, {"symbol", KS}, {"timestamp", KP},
            {"month", KM}, {"date", KD}, {"datetime", KZ}, {"timespan", KN}, {"minute", KU},
            {"second", KV}, {"time", KT}, {"", KS}, {"year", F_YEAR}, {"mm", F_MM}, {"dd", F_DD},
            {"hh", F_HH}, {"uu", F_UU}, {"ss", F_SS}, {"week", F_WEEK}};
        for (size_t i = 0; i < ARRAY_LEN(names); i++)
            if (!strcmp(x->s, names[i].name))
                return names[i].t;
    }
    return 0;
}

/* ---- one atom to another type ---------------------------------------------------------------- */

static bool is_float_t(int t) { return t == KE || t == KF || t == KZ; }

/* nanoseconds per unit for the temporal types whose unit is time */
static J ns_per(int t) {
    switch (t) {
    case KP: case KN: return 1;
    case KD: return NS_PER_DAY;
    case KU: return 60000000000LL;
    case KV: return 1000000000LL;
    case KT: return 1000000LL;
    }
    return 0;
}

static J floor_div(J a, J b) {
    J q = a / b;
    if ((a % b) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

/* the month of date d (days since 2000.01.01, not null); an infinity stays one */
static I date_month(I d) {
    if (d == wi || d == -wi)
        return d;
    I y, m, dd;
    date_to_ymd(d, &y, &m, &dd);
    return month_from_ym(y, m);
}

static K cast_atom(int to, const K a) {
    int from = -a->t;
    bool null = obj_is_null_at(a, 0);
    if (to == KS) {
        if (from == KS)
            return r1(a);
        return kerr("type");
    }
    if (to == KC && from == KS)
        return kerr("type");
    J j = 0;
    F f = 0;
    switch (from) {
    case KB: case KG: case KC: j = a->g; break;
    case KH: j = a->h; break;
    case KI: case KM: case KD: case KU: case KV: case KT: j = a->i; break;
    case KJ: case KP: case KN: j = a->j; break;
    case KE: f = a->e; break;
    case KF: case KZ: f = a->f; break;
    case KS: case UU: return kerr("type");
    default: return kerr("type");
    }
    bool ff = is_float_t(from);
    /* temporal to temporal: go through nanoseconds or months */
    if (prim_is_temporal(from) && prim_is_temporal(to) && from != to) {
        if (null)
            return prim_null_of(to);
        if (from == KD && to == KM) { /* a date's month, whatever its year; infinities kept */
            K r = obj_atom(-KM);
            if (r)
                r->i = date_month((I)j);
            return r;
        }
        J ns;
        bool over = false; /* beyond a timestamp's range: q gives an infinity */
        if (from == KZ) {
            F v = f * NS_PER_DAY;
            over = !(v > -9.2e18 && v < 9.2e18);
            ns = over ? (v > 0 ? wj : -wj) : (J)llround(v);
        } else {
            J days_or_units = from == KM ? ymd(2000 + (I)floor_div(j, 12), (I)(j - floor_div(j, 12) * 12) + 1, 1) : j;
            over = __builtin_mul_overflow(days_or_units, from == KM ? NS_PER_DAY : ns_per(from), &ns);
            if (over)
                ns = days_or_units > 0 ? wj : -wj;
        }
        if (over) { /* out of a timestamp's range: infinities, or the day count kept in floats */
            K big = obj_atom(-to);
            F days = from == KZ ? f : from == KM ? (F)ymd(2000 + (I)floor_div(j, 12), (I)(j - floor_div(j, 12) * 12) + 1, 1)
                                                 : (F)j * (F)ns_per(from) / (F)NS_PER_DAY;
            if (!big)
                return NULL;
            if (to == KP || to == KN)
                big->j = ns;
            else if (to == KZ)
                big->f = days;
            else if (to == KD)
                big->i = days > 2e9 ? wi : days < -2e9 ? -wi : (I)floor(days);
            else
                big->i = ns > 0 ? wi : -wi;
            return big;
        }
        K r = obj_atom(-to);
        if (to == KZ) {
            r->f = (F)ns / NS_PER_DAY;
        } else if (to == KM) {
            I y, m, d;
            date_to_ymd((I)floor_div(ns, NS_PER_DAY), &y, &m, &d);
            r->i = month_from_ym(y, m);
        } else if (to == KN && (from == KP || from == KZ || from == KD || from == KM)) {
            r->j = ((ns % NS_PER_DAY) + NS_PER_DAY) % NS_PER_DAY; /* a moment's time of day */
        } else if (to == KP || to == KN) {
            r->j = ns;
        } else {
            J units = to == KD ? floor_div(ns, NS_PER_DAY) : floor_div(((ns % NS_PER_DAY) + NS_PER_DAY) % NS_PER_DAY, ns_per(to));
            if (from == KN && to != KD)
                units = floor_div(ns, ns_per(to));
            r->i = (I)units;
        }
        return r;
    }
    if (null && to != KB && to != KG && to != KC)
        return prim_null_of(to);
    K r = obj_atom(to == UU ? -UU : -to);
    if (!r)
        return NULL;
    switch (to) {
    case KB: r->g = ff ? f != 0 : j != 0; break;
    /* ref/cast.md: longs above int infinity cast to 0xff */
    case KG: r->g = (G)(ff ? (J)f : from == KJ && j > wi ? 0xff : j); break;
    case KC: r->g = (G)(ff ? (J)f : j); break;
    /* a float infinity becomes the narrower type's infinity */
    case KH: r->h = (H)(ff ? (isinf(f) ? (f > 0 ? wh : -wh) : llround(f)) : j); break;
    case KI: case KM: case KD: case KU: case KV: case KT:
        r->i = (I)(ff ? (isinf(f) ? (f > 0 ? wi : -wi) : llround(f)) : j);
        break;
    case KJ: case KP: case KN: r->j = ff ? (isinf(f) ? (f > 0 ? wj : -wj) : llround(f)) : j; break;
    case KE: r->e = (E)(ff ? f : (F)j); break;
    case KF: case KZ: r->f = ff ? f : (F)j; break;
    default:
        r0(r);
        return kerr("type");
    }
    return r;
}

/* ---- parsing strings ------------------------------------------------------------------------ */


static K parse_atom(int to, const char *s, size_t n) {
    while (n && s[0] == ' ')
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    if (to == KS) {
        K r = obj_atom(-KS);
        if (r)
            r->s = sym_intern(s, n);
        return r;
    }
    if (to == KC)
        return obj_strn(s, n);
    if (n == 0)
        return prim_null_of(to);
    if (to == UU) {
        K ip = tok_parse(UU, s, n); /* an IPv4 or IPv6 address (tok.c) */
        if (ip)
            return ip;
        U u;
        int k = 0;
        for (size_t i = 0; i < n && k < 32; i++) {
            if (s[i] == '-')
                continue;
            if (!isxdigit((unsigned char)s[i]))
                return prim_null_of(UU);
            int v = isdigit((unsigned char)s[i]) ? s[i] - '0' : tolower((unsigned char)s[i]) - 'a' + 10;
            if (k % 2 == 0)
                u.g[k / 2] = (G)(v << 4);
            else
                u.g[k / 2] |= (G)v;
            k++;
        }
        return k == 32 ? ku(u) : prim_null_of(UU);
    }
    if (to == KB) /* the truthy first characters (ref/tok.md): "txyTXY1" */
        return kb(strchr("txyTXY1", s[0]) != NULL);
    K tok = tok_parse(to, s, n); /* the text forms beyond q's literals (tok.c) */
    if (tok)
        return tok;
    char buf[128];
    if (n >= sizeof buf)
        return prim_null_of(to);
    memcpy(buf, s, n);
    buf[n] = 0;
    /* q's own texts of the infinities: 0W -0W (integers), 0w -0w (reals and floats) */
    bool neg = buf[0] == '-';
    if (!strcmp(buf + neg, to == KE || to == KF ? "0w" : "0W") && (to == KH || to == KI || to == KJ || to == KE || to == KF)) {
        F w = neg ? -wf : wf;
        return to == KH ? kh(neg ? -wh : wh) : to == KI ? ki(neg ? -wi : wi) : to == KJ ? kj(neg ? -wj : wj)
             : to == KE ? ke(w) : kf(w);
    }
    if (to == KH || to == KI || to == KJ) {
        char *end;
        errno = 0;
        double v = strtod(buf, &end);
        if (*end || end == buf)
            return prim_null_of(to);
        J iv = v > -9.2233720368547758e18 && v < 9.2233720368547758e18 ? (J)v : nj; /* no UB past a long */
        if (to == KJ) {
            iv = strtoll(buf, &end, 10);
            if (*end && *end != '.')
                return prim_null_of(to);
        }
        return to == KH ? kh((I)iv) : to == KI ? ki((I)iv) : kj(iv);
    }
    if (to == KE || to == KF) {
        char *end;
        double v = strtod(buf, &end);
        if (*end || end == buf)
            return prim_null_of(to);
        return to == KE ? ke(v) : kf(v);
    }
    if (to == KG) {
        return kg((I)strtol(buf, NULL, 16));
    }
    /* temporals: use the literal lexer's rules where possible; ISO dates use '-' */
    if (n >= 10 && buf[4] == '-' && buf[7] == '-') {
        buf[4] = '.';
        buf[7] = '.';
    }
    if (n == 10 && buf[2] == '/' && buf[5] == '/' && (to == KD || to == KP || to == KZ)) {
        /* 06/01/2010: month first, or day first after \z 1 */
        char iso[11];
        bool dmy = RT->prim.date_dmy;
        snprintf(iso, sizeof iso, "%.4s.%.2s.%.2s", buf + 6, dmy ? buf + 3 : buf, dmy ? buf : buf + 3);
        memcpy(buf, iso, 11);
    }
    K lit = lit_parse_atom(buf, n, to);
    bool dated = to == KD || to == KM || to == KP || to == KZ;
    if (lit && lit->t != -to && dated &&
        (!prim_is_temporal(-lit->t) || ((to == KD || to == KM) && !(lit->t == -KD || lit->t == -KM ||
                                                                   lit->t == -KP || lit->t == -KZ)))) {
        /* a type with a date reads only text with one: a number, or a time of day for a date
         * or month, is none of its forms (ref/tok.md), so its null */
        r0(lit);
        return prim_null_of(to);
    }
    if (lit && lit->t != -to) {
        K c = cast_atom(to, lit);
        r0(lit);
        lit = c;
    }
    if (lit)
        return lit;
    kerr_clear();
    return prim_null_of(to);
}

/* ---- the $ primitive -------------------------------------------------------------------------- */

static K field_cast(int field, const K a) {
    int t = -a->t;
    J day, tod; /* days since 2000.01.01 and nanoseconds into the day, kept apart so that
                 * dates past a timestamp's range do not overflow */
    if (obj_is_null_at(a, 0))
        return field == F_WEEK ? kd(ni) : ki(ni); /* week gives dates */
    if (t == KD) {
        day = a->i, tod = 0;
    } else if (t == KP || t == KN) {
        day = floor_div(a->j, NS_PER_DAY), tod = a->j - day * NS_PER_DAY;
    } else if (t == KZ) {
        F d = floor(a->f);
        if (!(d > -1e9 && d < 1e9))
            return ki(ni);
        day = (J)d, tod = (J)llround((a->f - d) * NS_PER_DAY);
    } else if (t == KM) {
        day = ymd(2000 + (I)floor_div(a->i, 12), (I)(a->i - floor_div(a->i, 12) * 12) + 1, 1), tod = 0;
    } else if (t == KU || t == KV || t == KT) {
        J ns = (J)a->i * ns_per(t); /* at most 2^31 units of a minute: no overflow */
        day = floor_div(ns, NS_PER_DAY), tod = ns - day * NS_PER_DAY;
    } else {
        return kerr("type");
    }
    I y, m, d;
    date_to_ymd((I)day, &y, &m, &d);
    switch (field) {
    case F_YEAR: return ki(y);
    case F_MM: return ki(t == KU || t == KV || t == KT ? (I)(tod / 60000000000LL % 60) : m);
    case F_DD: return ki(d);
    case F_HH: return ki((I)(tod / 3600000000000LL));
    case F_UU: return ki((I)(tod / 60000000000LL % 60));
    case F_SS: return ki((I)(tod / 1000000000LL % 60));
    case F_WEEK: return kd((I)(day - ((day + 5) % 7 + 7) % 7));
    }
    return kerr("type");
}

K prim_parse_text(int t, const char *s, size_t n) { return parse_atom(t, s, n); }

/* a timestamp vector (consumed) as dates, times of day (timespan) or minutes, seconds, times
 * of the day: cast_atom's arithmetic for each item, without an atom per item */
static K timestamps_to(int to, K y) {
    K r = ktn(to, y->n);
    for (J i = 0; r && i < y->n; i++) {
        J ns = kJ(y)[i], tod = ((ns % NS_PER_DAY) + NS_PER_DAY) % NS_PER_DAY;
        if (to == KN)
            kJ(r)[i] = ns == nj ? nj : tod;
        else
            kI(r)[i] = ns == nj ? ni : (I)(to == KD ? floor_div(ns, NS_PER_DAY) : tod / ns_per(to));
    }
    r0(y);
    return r;
}

/* a cast between an integer type and a temporal type of its width keeps the bits, nulls and
 * infinities included (a long is a timestamp's or a timespan's nanoseconds, an int a date's
 * days, a month's months, a minute's, second's or time's units); casts between two temporal
 * types convert units and do not */
static bool same_bits(int from, int to) {
    static const signed char group[KT + 1] = {[KP] = KJ, [KN] = KJ, [KD] = KI, [KM] = KI,
                                              [KU] = KI, [KV] = KI, [KT] = KI};
    if (from > KT || to > KT)
        return false;
    return (from == KJ || from == KI) ? group[to] == from : (to == KJ || to == KI) && group[from] == to;
}

/* `$string: the string without its leading and trailing blanks, interned */
static S trimmed_sym(const K str) {
    const char *p = kC(str);
    size_t len = (size_t)str->n;
    while (len && p[0] == ' ')
        p++, len--;
    while (len && p[len - 1] == ' ')
        len--;
    return sym_intern(p, len);
}

/* `$ of a general list of strings in one pass; NULL without error when an item is not a
 * string (the item-by-item path then) */
static K syms_of_strings(const K y) {
    for (J i = 0; i < y->n; i++)
        if (kK(y)[i]->t != KC)
            return NULL;
    K r = obj_vec(KS, y->n);
    for (J i = 0; r && i < y->n; i++)
        kS(r)[i] = trimmed_sym(kK(y)[i]);
    return r ? r : kerr("wsfull");
}

/* simple vector y (consumed) cast item by item by one(to, item) from an atom on the stack,
 * each value written into a vector of type rt: no atom per item in, no list of them out */
static K cast_items(int to, K y, int rt, K (*one)(int, const K)) {
    J n = y->n;
    int win = obj_width(y->t), wout = obj_width(rt);
    K r = obj_vec(rt, n);
    for (J i = 0; r && i < n; i++) {
        struct k0 a;
        memset(&a, 0, sizeof a);
        a.t = (signed char)-y->t;
        memcpy(&a.g, kG(y) + (size_t)i * win, (size_t)win);
        K c = one(to, &a);
        if (!c) {
            r0(r);
            r = NULL;
            break;
        }
        memcpy(kG(r) + (size_t)i * wout, &c->g, (size_t)wout);
        r0(c);
    }
    r0(y);
    return r ? r : kerr_msg() ? NULL : kerr("wsfull");
}

/* a vector of numbers (boolean, byte, short, int, long, real, float) cast to a number type
 * other than byte, item by item as cast_atom does without an atom per item: nulls stay null
 * (as true under "b"), integer infinities are their values, float ones the target's
 * infinities, floats round to the nearest; NULL (no error) for any other pair */
static bool num_vec_type(int t) { return t == KB || (t >= KG && t <= KF); }
static K cast_num_vec(int to, const K y) {
    int from = y->t;
    if (!num_vec_type(from) || !num_vec_type(to) || to == KG)
        return NULL;
    J n = y->n;
    K r = obj_vec(to, n);
    if (!r)
        return kerr("wsfull");
#define FROM_LOOP(T, NUL, IS_F)                                                                  \
    {                                                                                          \
        const T *s = (const T *)kG(y);                                                         \
        for (J i = 0; i < n; i++) {                                                            \
            T v = s[i];                                                                        \
            bool nl = NUL;                                                                     \
            switch (to) {                                                                      \
            case KB: kG(r)[i] = nl || v != 0; break;                                           \
            case KH: kH(r)[i] = nl ? nh : IS_F ? (isinf((F)v) ? (v > 0 ? wh : -wh) : (H)llround((F)v)) : (H)(J)v; break; \
            case KI: kI(r)[i] = nl ? ni : IS_F ? (isinf((F)v) ? (v > 0 ? wi : -wi) : (I)llround((F)v)) : (I)(J)v; break; \
            case KJ: kJ(r)[i] = nl ? nj : IS_F ? (isinf((F)v) ? (v > 0 ? wj : -wj) : llround((F)v)) : (J)v; break; \
            case KE: kE(r)[i] = nl ? (E)nf : (E)v; break;                                      \
            default: kF(r)[i] = nl ? nf : (F)v; break;                                         \
            }                                                                                  \
        }                                                                                      \
    }
    switch (from) {
    case KB: case KG: FROM_LOOP(G, false, false) break;
    case KH: FROM_LOOP(H, v == nh, false) break;
    case KI: FROM_LOOP(I, v == ni, false) break;
    case KJ: FROM_LOOP(J, v == nj, false) break;
    case KE: FROM_LOOP(E, v != v, true) break;
    default: FROM_LOOP(F, v != v, true) break;
    }
#undef FROM_LOOP
    return r;
}

static K cast_each(int to, K y) {
    if (y->t == KP && (to == KD || to == KN || to == KU || to == KV || to == KT))
        return timestamps_to(to, y);
    if (!obj_stack_ok()) { /* casts recurse into nested lists and dicts */
        r0(y);
        return NULL;
    }
    if (y->t < 0) {
        K r;
        if (to >= F_YEAR)
            r = field_cast(to, y);
        else if (to < 0) {
            if (y->t != -KC) {
                r0(y);
                return kerr("type");
            }
            r = parse_atom(-to, (char *)&y->g, 1);
        } else if (to == KS && y->t == -KC) {
            r = ks((S)(char[]){y->g == ' ' ? 0 : (char)y->g, 0});
        } else {
            r = cast_atom(to, y);
        }
        r0(y);
        return r;
    }
    if (to < 0 && y->t == KC) {
        K r = parse_atom(-to, kC(y), (size_t)y->n);
        r0(y);
        return r;
    }
    if (to == KS && y->t == KC) { /* `$string: without its leading and trailing blanks */
        K r = obj_atom(-KS);
        if (r)
            r->s = trimmed_sym(y);
        r0(y);
        return r;
    }
    if (y->t == XD) {
        K k = r1(DICT_KEYS(y));
        K v = cast_each(to, r1(DICT_VALS(y)));
        r0(y);
        return v ? xD(k, v) : (r0(k), NULL);
    }
    if (y->t == XT || y->t >= KLAMBDA) {
        r0(y);
        return kerr("type");
    }
    if (y->t == to && to > 0) /* no-op cast keeps the vector */
        return y;
    if (to > 0 && y->t > 0 && same_bits(y->t, to)) { /* a copy with the new type */
        K r = obj_vec(to, y->n);
        if (r)
            memcpy(kG(r), kG(y), (size_t)y->n * (size_t)obj_width(to));
        r0(y);
        return r;
    }
    if (y->t == KD && to == KM) {
        K r = obj_vec(KM, y->n);
        for (J i = 0; r && i < y->n; i++)
            kI(r)[i] = kI(y)[i] == ni ? ni : date_month(kI(y)[i]);
        r0(y);
        return r;
    }
    if (to >= F_YEAR && y->t >= KP && y->t <= KT) /* a field of each item: an int or a date */
        return cast_items(to, y, to == F_WEEK ? KD : KI, field_cast);
    if (to > 0 && to < KENUM && to != KS && to != UU && y->t > 0 && y->t < KENUM && y->t != KS && y->t != UU) {
        K r = cast_num_vec(to, y);
        if (r || kerr_msg()) {
            r0(y);
            return r;
        }
        return cast_items(to, y, to, cast_atom); /* a simple vector to another simple type */
    }
    if (to == KS && y->t == 0) { /* `$ of strings: one pass, no atom per item */
        K r = syms_of_strings(y);
        if (r || kerr_msg()) {
            r0(y);
            return r;
        }
    }
    J n = y->n;
    K *items = mem_raw_alloc((size_t)(n ? n : 1) * sizeof(K));
    if (!items) {
        r0(y);
        return kerr("wsfull");
    }
    for (J i = 0; i < n; i++) {
        items[i] = cast_each(to, prim_item(y, i));
        if (!items[i]) {
            for (J k = 0; k < i; k++)
                r0(items[k]);
            mem_raw_free(items);
            r0(y);
            return NULL;
        }
    }
    K r;
    if (n == 0 && to > 0 && to < KENUM) {
        r = ktn(to, 0);
    } else {
        r = prim_collect(items, n);
    }
    mem_raw_free(items);
    r0(y);
    return r;
}


/* the symbols a domain global holds: itself, or a keyed table's (one) key column, the
 * foreign keys of `fkeys */
static K domain_value(S name) {
    K d = name && RT->svc.global_get ? RT->svc.global_get(name) : NULL;
    if (d && obj_is_keyed(d) && TABLE_COLS(DICT_KEYS(d))->n == 1) {
        K k = r1(kK(TABLE_DATA(DICT_KEYS(d)))[0]);
        r0(d);
        d = k;
    }
    return d;
}

/* the domain (a symbol vector global) of enumeration type t, or NULL */
static K domain_of(int t) {
    S name = enum_domain(t < 0 ? -t : t);
    K d = domain_value(name);
    if (d && !(d->t > 0 && d->t < KENUM)) {
        r0(d);
        return NULL;
    }
    return d;
}

K prim_enum_eq(K x, K y) {
    int tx = x->t < 0 ? -x->t : x->t, ty = y->t < 0 ? -y->t : y->t;
    bool ex = obj_is_enum(tx), ey = obj_is_enum(ty);
    if (!(ex && ey && tx == ty) && !(ex && y->t == -KS) && !(ey && x->t == -KS))
        return NULL;
    K d = domain_of(ex ? tx : ty);
    if (!d)
        return NULL;
    J nd = d->n;
    for (J k = 0; d->t == KS && k < nd; k++)
        if (!*kS(d)[k]) { /* a null in the domain: two positions for one symbol */
            r0(d);
            return NULL;
        }
    J sym = -1; /* a symbol atom's index in the domain (nd when absent) */
    if (!(ex && ey)) {
        S s = ex ? y->s : x->s;
        sym = nd;
        for (J k = 0; d->t == KS && k < nd && sym == nd; k++)
            if (kS(d)[k] == s)
                sym = k;
        if (d->t != KS || !*s) { /* a key column of another type, or the null symbol */
            r0(d);
            return NULL;
        }
    }
    r0(d);
    bool ax = x->t < 0, ay = y->t < 0;
    J n = ax ? (ay ? 1 : y->n) : x->n;
    if (!ax && !ay && y->n != n)
        return NULL; /* 'length from the general path */
    K r = ax && ay ? obj_atom(-KB) : obj_vec(KB, n);
    if (!r)
        return NULL;
    G *out = ax && ay ? &r->g : kG(r);
    for (J i = 0; i < n; i++) {
        J a = !ex ? sym : ax ? x->j : kJ(x)[i], b = !ey ? sym : ay ? y->j : kJ(y)[i];
        bool na = a < 0 || a >= nd, nb = b < 0 || b >= nd; /* no position: the null symbol */
        out[i] = a == b ? !na || sym < 0 : na && nb && sym < 0;
    }
    r0(x);
    r0(y);
    return r;
}

G *prim_enum_marks(int t, const K y, J *nd) {
    if (!obj_is_enum(t) || !(y->t == t || y->t == -t || y->t == KS || y->t == -KS))
        return NULL;
    K d = domain_of(t);
    if (!d || (d->t != KS && !obj_is_enum(y->t) && !obj_is_enum(-y->t))) {
        r0(d);
        return NULL;
    }
    *nd = d->n;
    J n = d->n, ny = y->t < 0 ? 1 : y->n;
    G *mark = mem_raw_calloc((size_t)n + 1, 1); /* mark[k]: domain item k is in y */
    bool syms = y->t == KS || y->t == -KS;
    K pos = syms && mark ? prim_find(r1(d), r1(y)) : NULL; /* symbols: their domain positions */
    if (syms && !pos) {
        mem_raw_free(mark);
        mark = NULL;
    }
    for (J i = 0; mark && i < ny; i++) {
        J k = syms ? (pos->t < 0 ? pos->j : kJ(pos)[i]) : y->t < 0 ? y->j : kJ(y)[i];
        if (k >= 0 && k < n)
            mark[k] = 1;
        if (syms ? !*(y->t < 0 ? y->s : kS(y)[i]) : !(k >= 0 && k < n))
            mark[n] = 1; /* a null: x's nulls are in y */
    }
    r0(pos);
    for (J k = 0; mark && k < n && d->t == KS; k++) /* a domain's null symbol is a null */
        if (!*kS(d)[k])
            mark[n] |= mark[k];
    for (J k = 0; mark && k < n && d->t == KS; k++)
        if (!*kS(d)[k])
            mark[k] = mark[n];
    r0(d);
    return mark;
}

K prim_enum_in(K x, K y) {
    if (!obj_is_enum(x->t))
        return NULL;
    J nd = 0;
    G *mark = prim_enum_marks(x->t, y, &nd);
    K r = mark ? obj_vec(KB, x->n) : NULL;
    for (J i = 0; r && i < x->n; i++) {
        J k = kJ(x)[i];
        kG(r)[i] = mark[k >= 0 && k < nd ? k : nd];
    }
    mem_raw_free(mark);
    if (!r)
        return NULL;
    r0(x);
    r0(y);
    return r;
}

K prim_unenum(K x) {
    PRIM_ARGS1(x);
    if (!x || !(obj_is_enum(x->t) || obj_is_enum(-x->t)))
        return x;
    K d = domain_of(x->t);
    if (!d) {
        r0(x);
        return kerr("domain");
    }
    bool atom = x->t < 0;
    J n = atom ? 1 : x->n;
    if (d->t != KS) { /* a keyed table's key column of another type: its values */
        K null = prim_null_of(d->t);
        K r = atom ? obj_atom(-d->t) : obj_vec(d->t, n);
        int w = obj_width(d->t);
        for (J i = 0; r && null && i < n; i++) {
            J k = atom ? x->j : kJ(x)[i];
            const void *src = k >= 0 && k < d->n ? (const void *)(kG(d) + (size_t)k * w)
                              : d->t == UU ? (const void *)kG(null) : (const void *)&null->g;
            memcpy(atom ? (d->t == UU ? (void *)kG(r) : (void *)&r->g) : (void *)(kG(r) + (size_t)i * w), src, w);
        }
        if (null)
            r0(null);
        r0(d);
        r0(x);
        return r;
    }
    K r = atom ? obj_atom(-KS) : obj_vec(KS, n);
    for (J i = 0; r && i < n; i++) {
        J k = atom ? x->j : kJ(x)[i];
        S s = k >= 0 && k < d->n ? kS(d)[k] : sym_null;
        if (atom)
            r->s = s;
        else
            kS(r)[i] = s;
    }
    r0(d);
    r0(x);
    return r;
}

/* `dom$syms: the positions of syms in the symbol vector named dom, as an enumeration
 * (hashed lookup: prim_find); a symbol not in the domain is 'cast */
static K enumerate(S name, K y) {
    K d = domain_value(name);
    if (d && d->t == 0 && d->n == 0) { /* () : an empty domain */
        r0(d);
        d = ktn(KS, 0);
    }
    if (!d || !(d->t > 0 && d->t < KENUM)) {
        r0(d);
        r0(y);
        return kerr(name);
    }
    y = prim_unenum(y);
    if (!y || (y->t != d->t && y->t != -d->t)) {
        r0(d);
        r0(y);
        return kerr("type");
    }
    int t = enum_type_for(name);
    if (!t) {
        r0(d);
        r0(y);
        return kerr("limit");
    }
    J size = d->n;
    K r = prim_find(d, y);
    if (!r)
        return NULL;
    J n = r->t < 0 ? 1 : r->n;
    J *pos = r->t < 0 ? &r->j : kJ(r);
    for (J i = 0; i < n; i++)
        if (pos[i] >= size) {
            r0(r);
            return kerr("cast");
        }
    r->t = (signed char)(r->t < 0 ? -t : t);
    return r;
}

/* `dom?syms: enumerate, first appending to the domain the symbols it lacks.  The result
 * keeps y's attribute (ref/enum-extend.md: `?` preserves it, `$` does not); a u# domain
 * stays u# (its new symbols are distinct from the old) */
static K enum_extend(S name, K y) {
    int attr = y && y->t > 0 && y->u != ATTR_S ? y->u : ATTR_NONE; /* the indices need not be in order */
    y = prim_unenum(y);
    if (!y || (y->t != KS && y->t != -KS)) {
        r0(y);
        return kerr("type");
    }
    K d = RT->svc.global_get ? RT->svc.global_get(name) : NULL;
    if (!d || (d->t == 0 && d->n == 0)) {
        r0(d);
        d = ktn(KS, 0);
    }
    if (d->t != KS) {
        r0(d);
        r0(y);
        return kerr("type");
    }
    K fresh = prim_except(prim_distinct(y->t < 0 ? prim_enlist(r1(y)) : r1(y)), r1(d));
    if (!fresh) {
        r0(d);
        r0(y);
        return NULL;
    }
    if (fresh->n) {
        int dattr = d->u;
        K all = prim_join(d, fresh);
        if (all && dattr == ATTR_U && all->r == 0)
            all->u = ATTR_U;
        K grown = RT->svc.assign_global(name, all);
        if (!grown) {
            r0(y);
            return NULL;
        }
        r0(grown);
    } else {
        r0(d);
        r0(fresh);
    }
    K r = enumerate(name, y);
    if (r && r->t > 0)
        r->u = (unsigned char)attr;
    return r;
}

K prim_enum_extend(K x, K y) {
    PRIM_ARGS2(x, y);
    S name = x->s;
    r0(x);
    return enum_extend(name, y);
}

/* x$y on numbers: dot product of vectors, matrix product of lists of float vectors */
static bool is_matrix(const K x) {
    if (x->t != 0 || x->n == 0)
        return false;
    for (J i = 0; i < x->n; i++)
        if (kK(x)[i]->t != KF)
            return false;
    return true;
}

K prim_mmu(K x, K y) {
    PRIM_ARGS2(x, y);
    if (x->t == KF && y->t == KF) {
        if (x->n != y->n) {
            r0(x);
            r0(y);
            return kerr("length");
        }
        F s = 0;
        for (J i = 0; i < x->n; i++)
            s += kF(x)[i] * kF(y)[i];
        r0(x);
        r0(y);
        return kf(s);
    }
    if (x->t == KF && is_matrix(y)) { /* vector times matrix: a vector */
        J m = kK(y)[0]->n;
        if (x->n != y->n) {
            r0(x);
            r0(y);
            return kerr("length");
        }
        for (J k = 0; k < y->n; k++)
            if (kK(y)[k]->n != m) {
                r0(x);
                r0(y);
                return kerr("length");
            }
        K out = obj_vec(KF, m);
        for (J j = 0; out && j < m; j++) {
            F s = 0;
            for (J k = 0; k < x->n; k++)
                s += kF(x)[k] * kF(kK(y)[k])[j];
            kF(out)[j] = s;
        }
        r0(x);
        r0(y);
        return out;
    }
    if (is_matrix(x) && (is_matrix(y) || y->t == KF)) {
        bool vec = y->t == KF;
        J n = x->n, inner = kK(x)[0]->n, m = vec ? 1 : kK(y)[0]->n;
        if ((vec ? y->n : y->n) != inner) {
            r0(x);
            r0(y);
            return kerr("length");
        }
        K out = vec ? obj_vec(KF, n) : ktn(0, n);
        for (J i = 0; out && i < n; i++) {
            K row = vec ? NULL : obj_vec(KF, m);
            for (J j = 0; j < m; j++) {
                F s = 0;
                for (J k = 0; k < inner; k++)
                    s += kF(kK(x)[i])[k] * (vec ? kF(y)[k] : kF(kK(y)[k])[j]);
                if (vec)
                    kF(out)[i] = s;
                else
                    kF(row)[j] = s;
            }
            if (!vec)
                kK(out)[i] = row;
        }
        r0(x);
        r0(y);
        return out;
    }
    r0(x);
    r0(y);
    return kerr("type");
}

/* x$item for prim_map (x borrowed through ctx) */
static K cast_item(K item, const void *x) { return prim_cast(r1((K)x), item); }

K prim_cast(K x, K y) {
    PRIM_ARGS2(x, y);
    if (!obj_stack_ok()) { /* a general list of types applies item by item, as deep as it nests */
        r0(x);
        r0(y);
        return NULL;
    }
    if ((x->t == KF && (y->t == KF || is_matrix(y))) || is_matrix(x))
        return prim_mmu(x, y);
    if (x->t == KC || x->t == KS || (x->t > 0 && x->t < KENUM && x->t != KC) || (x->t == 0 && x->n)) {
        /* a list of types applies item by item (to one atom each, or to the items of y) */
        J n = obj_count(x);
        bool spread = y->t < 0 && (x->t != KC || n > 1);
        if (!spread && (y->t < 0 || obj_count(y) != n)) {
            r0(x);
            r0(y);
            return kerr("length");
        }
        K *items = mem_raw_alloc((size_t)(n ? n : 1) * sizeof(K));
        if (!items) {
            r0(x);
            r0(y);
            return kerr("wsfull");
        }
        for (J i = 0; i < n; i++) {
            items[i] = prim_cast(prim_item(x, i), spread ? r1(y) : prim_item(y, i));
            if (!items[i]) {
                for (J k = 0; k < i; k++)
                    r0(items[k]);
                mem_raw_free(items);
                r0(x);
                r0(y);
                return NULL;
            }
        }
        r0(x);
        r0(y);
        K r = prim_collect(items, n);
        mem_raw_free(items);
        return r;
    }
    if ((x->t == -KJ || x->t == -KI) && (y->t == 0 || y->t == XD || y->t == XT) && y->t != KC) {
        /* n$ over lists of strings, dictionaries and tables: pad each string */
        if (y->t == XT || y->t == XD) {
            bool table = y->t == XT;
            K d = table ? r1(y->k) : r1(y);
            r0(y);
            K k = r1(DICT_KEYS(d)), v = prim_cast(x, r1(DICT_VALS(d)));
            r0(d);
            K r = v ? xD(k, v) : (r0(k), NULL);
            return r && table ? prim_flip(r) : r;
        }
        K r = prim_map(y, cast_item, x);
        r0(x);
        return r;
    }
    if ((x->t == -KJ || x->t == -KI) && y->t == KC) { /* a short x is a cast */
        /* pad: n$string left-justifies in n chars, -n$string right-justifies */
        J n = x->t == -KJ ? x->j : x->i, w = n < 0 ? -n : n, len = y->n;
        r0(x);
        K r = obj_vec(KC, w);
        if (r) {
            memset(kC(r), ' ', (size_t)w);
            J c = len < w ? len : w;
            if (n >= 0)
                memcpy(kC(r), kC(y), (size_t)c);
            else
                memcpy(kC(r) + (w - c), kC(y) + (len - c), (size_t)c);
        }
        r0(y);
        return r;
    }
    /* "*" and 0h: identity, strings included (ref/cast.md#identity, ref/tok.md) */
    if ((x->t == -KC && x->g == '*') || (x->t == -KH && x->h == 0)) {
        r0(x);
        return y;
    }
    int to = cast_target(x);
    if (!to && x->t == -KS && obj_is_null_at(x, 0))
        to = KS;
    if (!to && x->t == -KS) { /* `sym$x: enumerate against the list named sym */
        S name = x->s;
        r0(x);
        return enumerate(name, y);
    }
    if (!to) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    if (y->t == XD || y->t == XT) { /* a dict's values, a table's columns */
        K k = r1(DICT_KEYS(y->t == XT ? y->k : y));
        K v = prim_cast(x, r1(DICT_VALS(y->t == XT ? y->k : y)));
        bool table = y->t == XT;
        r0(y);
        K r = v ? xD(k, v) : (r0(k), NULL);
        return r && table ? xT(r) : r;
    }
    if ((obj_is_enum(y->t) || obj_is_enum(-y->t)) && (to == KH || to == KI || to == KJ)) {
        /* "i"$e: an enumeration's indices */
        y = obj_own(y);
        if (y)
            y->t = (signed char)(y->t < 0 ? -KJ : KJ);
    } else {
        y = prim_unenum(y);
    }
    if (!y) {
        r0(x);
        return NULL;
    }
    r0(x);
    if (to == UU && (y->t == UU || y->t == -UU)) /* "g"$ of guids: themselves */
        return y;
    if (to == UU && y->t == KC)
        return cast_each(-UU, y);
    return cast_each(to, y);
}

K prim_cond_n(K *args, int n) {
    for (int i = 0; i + 1 < n; i += 2) {
        K c = args[i];
        bool t = c->t < 0 && !obj_is_null_at(c, 0) && (c->t == -KB ? c->g : c->t == -KJ ? c->j != 0 : c->t == -KI ? c->i != 0 : 1);
        if (t) {
            K r = r1(args[i + 1]);
            for (int k = 0; k < n; k++)
                r0(args[k]);
            return r;
        }
    }
    K r = n % 2 ? r1(args[n - 1]) : obj_identity();
    for (int k = 0; k < n; k++)
        r0(args[k]);
    return r;
}
