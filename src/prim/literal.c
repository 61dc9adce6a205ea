/* literal.c -- q's literal words: numbers, booleans, bytes and temporals, their
 * nulls and infinities, with a type suffix or without (literal.h). */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "literal.h"

/* a*b as q's integer arithmetic does it: wrapping (two's complement), never undefined */
static J wrap_mul(J a, J b) { return (J)((uint64_t)a * (uint64_t)b); }

/* ---- number words ---------------------------------------------------------------------- */

static int suffix_type(char c) {
    switch (c) {
    case 'b': return -KB;
    case 'h': return -KH;
    case 'i': return -KI;
    case 'j': return -KJ;
    case 'e': return -KE;
    case 'f': return -KF;
    case 'c': return -KC;
    case 'p': return -KP;
    case 'm': return -KM;
    case 'd': return -KD;
    case 'z': return -KZ;
    case 'n': return -KN;
    case 'u': return -KU;
    case 'v': return -KV;
    case 't': return -KT;
    case 'g': return -UU;
    case 's': return -KS;
    case 'x': return -KG;
    }
    return 0;
}

static bool all_digits(const char *s, size_t n) {
    if (!n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

/* decimal digits as a long; past the long range it stays at the largest long */
static J to_int(const char *s, size_t n) {
    J v = 0;
    for (size_t i = 0; i < n; i++)
        if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, s[i] - '0', &v))
            return wj;
    return v;
}

/* null and infinity values of an atom type */
static void special_value(Num *out, int type, bool null, bool neg) {
    out->type = type;
    switch (-type) {
    case KH: out->v.j = null ? nh : neg ? -wh : wh; break;
    case KI: case KM: case KD: case KU: case KV: case KT: out->v.j = null ? ni : neg ? -wi : wi; break;
    case KE: case KF: case KZ: out->v.f = null ? nf : neg ? -wf : wf; break;
    default: out->v.j = null ? nj : neg ? -wj : wj; break;
    }
}

/* fractional digits as a count of 10^-digits units: ".5" with 3 digits -> 500 */
static J frac_units(const char *s, size_t n, int digits) {
    J v = 0;
    for (int i = 0; i < digits && i < 18; i++)
        v = v * 10 + ((size_t)i < n ? s[i] - '0' : 0);
    return v;
}

/* hh:mm[:ss[.fff]] as units of the time type: sets type and value */
static bool parse_clock(const char *s, size_t n, Num *out, bool nanos) {
    int parts[3] = {0, 0, 0}, np = 0;
    size_t i = 0;
    bool neg = false;
    if (i < n && s[i] == '-')
        neg = true, i++;
    while (np < 3) {
        size_t st = i;
        while (i < n && isdigit((unsigned char)s[i]))
            i++;
        if (i == st)
            return false;
        parts[np++] = (int)to_int(s + st, i - st);
        if (i < n && s[i] == ':' && np < 3) {
            i++;
            continue;
        }
        break;
    }
    J frac = 0;
    size_t fdigits = 0;
    if (i < n && s[i] == '.') {
        size_t st = ++i;
        while (i < n && isdigit((unsigned char)s[i]))
            i++;
        fdigits = i - st;
        frac = frac_units(s + st, fdigits, nanos ? 9 : 3);
    }
    if (i != n || np < 2)
        return false;
    J secs = (J)parts[0] * 3600 + (J)parts[1] * 60 + parts[2];
    if (!nanos && fdigits > 3) { /* 20:00:00.000603286 is a timespan */
        nanos = true;
        frac = frac_units(s + (i - fdigits), fdigits, 9);
    }
    if (nanos) {
        out->type = -KN;
        out->v.j = (J)((uint64_t)wrap_mul(secs, 1000000000LL) + (uint64_t)frac);
    } else if (np == 2 && !fdigits) {
        out->type = -KU;
        out->v.j = (J)parts[0] * 60 + parts[1];
    } else if (np == 3 && !fdigits) {
        out->type = -KV;
        out->v.j = secs;
    } else {
        out->type = -KT;
        out->v.j = (J)((uint64_t)wrap_mul(secs, 1000) + (uint64_t)frac);
    }
    if (neg)
        out->v.j = (J)(0 - (uint64_t)out->v.j); /* wraps, as q negates */
    return true;
}

/* the time after a timespan's or timestamp's D: hh:mm[:ss[.n]], or just hh (0D01, 2020.01.01D0) */
static bool parse_span_clock(const char *s, size_t n, Num *out) {
    if (n >= 1 && n <= 2 && all_digits(s, n)) {
        out->type = -KN;
        out->v.j = to_int(s, n) * 3600 * 1000000000LL;
        return true;
    }
    return parse_clock(s, n, out, true);
}

/* parse one number word (no spaces) into out; false if it is not a number */
bool lit_parse_word(const char *s, size_t n, Num *out) {
    memset(out, 0, sizeof *out);
    if (n == 0)
        return false;
    bool neg = s[0] == '-';
    const char *b = s + neg;
    size_t bn = n - neg;
    if (bn == 0)
        return false;
    /* nulls and infinities: 0N 0n 0W 0w with optional suffix */
    if (bn >= 2 && b[0] == '0' && (b[1] == 'N' || b[1] == 'n' || b[1] == 'W' || b[1] == 'w')) {
        bool null = b[1] == 'N' || b[1] == 'n';
        int type = b[1] == 'n' || b[1] == 'w' ? -KF : -KJ;
        if (bn == 3) {
            type = suffix_type(b[2]);
            if (!type || type == -KB || type == -KC || type == -KS || type == -KG)
                return false;
            if (type == -UU && !null)
                return false;
        } else if (bn != 2) {
            return false;
        }
        if (type == -UU) {
            out->type = -UU;
            return true;
        }
        special_value(out, type, null, neg);
        out->suffixed = bn == 3;
        return true;
    }
    if (!isdigit((unsigned char)b[0]) && b[0] != '.')
        return false;
    /* timespan: digits 'D' clock, e.g. 0D12:00:00.000000000 or 1D */
    const char *dpos = memchr(b, 'D', bn);
    const char *colon = memchr(b, ':', bn);
    if (dpos && all_digits(b, (size_t)(dpos - b)) && dpos - b <= 6) {
        J days = to_int(b, (size_t)(dpos - b));
        size_t rest = bn - (size_t)(dpos - b) - 1;
        Num clock = {0};
        if (rest && !parse_span_clock(dpos + 1, rest, &clock))
            return false;
        out->type = -KN;
        J ns; /* beyond a timespan's range (106751 days): an infinity, as for timestamps */
        if (__builtin_mul_overflow(days, NS_PER_DAY, &ns) ||
            __builtin_add_overflow(ns, rest ? clock.v.j : 0, &ns))
            ns = wj;
        out->v.j = ns;
        if (neg)
            out->v.j = (J)(0 - (uint64_t)out->v.j); /* wraps, as q negates */
        return true;
    }
    /* dates and things that start with one: yyyy.mm.dd[D|T...], yyyy.mm[m] */
    if (bn >= 7 && all_digits(b, 4) && b[4] == '.' && isdigit((unsigned char)b[5]) &&
        isdigit((unsigned char)b[6])) {
        I y = (I)to_int(b, 4), mo = (I)to_int(b + 5, 2);
        if (bn == 7 || (bn == 8 && b[7] == 'm')) {
            out->type = -KM;
            out->v.j = month_from_ym(y, mo);
            return !neg;
        }
        if (bn >= 10 && b[7] == '.' && all_digits(b + 8, 2)) {
            I d = (I)to_int(b + 8, 2);
            I days = ymd(y, mo, d);
            if (bn == 10 || (bn == 11 && b[10] == 'd')) {
                out->type = -KD;
                out->v.j = days;
                return !neg;
            }
            if (b[10] == 'D' || b[10] == 'p') {
                Num clock = {0};
                if (bn > 11 && !parse_span_clock(b + 11, bn - 11, &clock))
                    return false;
                out->type = -KP;
                J ns; /* beyond a timestamp's range (1707..2292): an infinity */
                if (__builtin_mul_overflow((J)days, NS_PER_DAY, &ns) ||
                    __builtin_add_overflow(ns, bn > 11 ? clock.v.j : 0, &ns))
                    ns = days < 0 ? -wj : wj;
                out->v.j = ns;
                return !neg;
            }
            if (b[10] == 'T' || b[10] == 'z') {
                Num clock = {0};
                if (bn > 11 && !parse_clock(b + 11, bn - 11, &clock, false))
                    return false;
                J ms = 0;
                if (bn > 11)
                    ms = clock.type == -KU ? wrap_mul(clock.v.j, 60000) : clock.type == -KV ? wrap_mul(clock.v.j, 1000) : clock.v.j;
                out->type = -KZ;
                /* more than 3 digits of a second came back as a timespan's nanoseconds */
                out->v.f = clock.type == -KN ? days + clock.v.j / (F)NS_PER_DAY : days + ms / (F)MS_PER_DAY;
                return !neg;
            }
        }
        return false;
    }
    if (colon) {
        char last = b[bn - 1];
        int forced = isalpha((unsigned char)last) ? suffix_type(last) : 0;
        if (!parse_clock(s, forced ? n - 1 : n, out, false))
            return false;
        if (forced == -KN || forced == -KU || forced == -KV || forced == -KT) {
            /* explicit type: convert from the parsed unit */
            J ms = out->type == -KU ? wrap_mul(out->v.j, 60000) : out->type == -KV ? wrap_mul(out->v.j, 1000) : out->v.j;
            if (forced == -KN)
                out->v.j = wrap_mul(ms, 1000000);
            else if (forced == -KU)
                out->v.j = ms / 60000;
            else if (forced == -KV)
                out->v.j = ms / 1000;
            else
                out->v.j = ms;
            out->type = forced;
        } else if (forced) {
            return false;
        }
        return true;
    }
    /* plain numbers with an optional suffix */
    size_t end = bn;
    int type = 0;
    char last = b[bn - 1];
    if (isalpha((unsigned char)last) && !(last == 'e' && bn > 1 && 0)) {
        type = suffix_type(last);
        if (!type)
            return false;
        end = bn - 1;
        out->suffixed = true;
    }
    /* the word before the suffix must be a decimal number */
    char buf[64];
    if (end == 0 || end >= sizeof buf)
        return false;
    memcpy(buf, b, end);
    buf[end] = 0;
    bool point = false, expo = false;
    for (size_t i = 0; i < end; i++) {
        char c = buf[i];
        if (c == '.') {
            if (point || expo)
                return false;
            point = true;
        } else if (c == 'e' || c == 'E') {
            if (expo || i == 0)
                return false;
            expo = true;
            if (i + 1 < end && (buf[i + 1] == '-' || buf[i + 1] == '+'))
                i++;
        } else if (!isdigit((unsigned char)c)) {
            return false;
        }
    }
    out->has_point = point || expo;
    if (!type)
        type = out->has_point ? -KF : -KJ;
    out->type = type;
    out->bare_int = !out->suffixed && !out->has_point;
    switch (-type) {
    case KF: case KE: case KZ:
        out->v.f = strtod(buf, NULL);
        if (neg)
            out->v.f = -out->v.f;
        return true;
    case KB:
        if (end != 1 || (buf[0] != '0' && buf[0] != '1'))
            return false; /* multi-digit booleans are vectors: handled by the caller */
        out->v.j = buf[0] - '0';
        return !neg;
    case KH: case KI: case KJ: case KP: case KM: case KD: case KN: case KU: case KV: case KT: {
        if (out->has_point) {
            if (type != -KP && type != -KN && type != -KZ)
                return false;
        }
        errno = 0;
        J v = strtoll(buf, NULL, 10);
        if (errno)
            v = wj; /* out of range: the largest long, as to_int does */
        out->v.j = neg ? -v : v;
        return true;
    }
    default:
        return false;
    }
}

/* ---- building literal values ---------------------------------------------------------- */

void lit_store(K v, J i, const Num *num) {
    switch (v->t) {
    case KB: case KG: kG(v)[i] = (G)num->v.j; break;
    case KH: kH(v)[i] = (H)num->v.j; break;
    case KI: case KM: case KD: case KU: case KV: case KT: kI(v)[i] = (I)num->v.j; break;
    case KJ: case KP: case KN: kJ(v)[i] = num->v.j; break;
    case KE: kE(v)[i] = (E)num->v.f; break;
    case KF: case KZ: kF(v)[i] = num->v.f; break;
    case UU: memset(kU(v) + i, 0, 16); break;
    }
}

void lit_store_atom(K a, const Num *num) {
    switch (-a->t) {
    case KB: case KG: a->g = (G)num->v.j; break;
    case KH: a->h = (H)num->v.j; break;
    case KI: case KM: case KD: case KU: case KV: case KT: a->i = (I)num->v.j; break;
    case KJ: case KP: case KN: a->j = num->v.j; break;
    case KE: a->e = (E)num->v.f; break;
    case KF: case KZ: a->f = num->v.f; break;
    case UU: memset(kG(a), 0, 16); break;
    }
}


/* one literal word parsed as an atom (for "D"$"2020.01.01"): of type `type` when the word
 * allows it, else of the type the word has; NULL + kerr when it is no literal */
K lit_parse_atom(const char *s, size_t n, int type) {
    Num num;
    if (!lit_parse_word(s, n, &num))
        return kerr("type");
    if (num.type != -type && (num.type == -KJ || num.type == -KF))
        lit_coerce(&num, -type);
    K a = obj_atom(num.type);
    if (a)
        lit_store_atom(a, &num);
    return a;
}

/* convert a number parsed as type `from` to atom type `to` (for vectors: 1 2.5 -> floats,
 * or a suffix on the last item: 1 2 3h) */
bool lit_coerce(Num *num, int to) {
    if (num->type == to)
        return true;
    bool from_float = num->type == -KF || num->type == -KE || num->type == -KZ;
    bool to_float = to == -KF || to == -KE || to == -KZ;
    bool from_int = num->type == -KJ;
    if (num->suffixed && num->type != to)
        return false;
    static const J clock_ms[] = {[KU] = 60000, [KV] = 1000, [KT] = 1};
    int ft = -num->type, tt = -to;
    if ((ft == KU || ft == KV || ft == KT) && (tt == KU || tt == KV || tt == KT || tt == KN)) {
        J ms = wrap_mul(num->v.j, clock_ms[ft]);
        num->v.j = tt == KN ? wrap_mul(ms, 1000000) : ms / clock_ms[tt];
        num->type = to;
        return true;
    }
    bool special = (from_float && (num->v.f != num->v.f || isinf(num->v.f))) ||
                   (from_int && (num->v.j == nj || num->v.j == wj || num->v.j == -wj));
    if (special) {
        bool null = from_float ? num->v.f != num->v.f : num->v.j == nj;
        bool negv = from_float ? num->v.f < 0 : num->v.j == -wj;
        special_value(num, to, null, negv);
        return true;
    }
    if (from_int && to_float) {
        num->v.f = (F)num->v.j;
    } else if (from_float && !to_float) {
        return false;
    } else if (!from_int && !from_float) {
        return false;
    }
    num->type = to;
    return true;
}

