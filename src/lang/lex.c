/* lex.c -- q's tokens: numbers and temporals (atoms and vector literals), strings, symbols,
 * names, glyphs, iterators, punctuation.  lex_next reads one token from a Lexer. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "lex.h"

/* a*b as q's integer arithmetic does it: wrapping (two's complement), never undefined */
static J wrap_mul(J a, J b) { return (J)((uint64_t)a * (uint64_t)b); }

static bool is_name_start(int c) { return isalpha(c) || c == '.'; }
static bool is_name_char(int c) { return isalnum(c) || c == '.' || c == '_'; }

/* a character after which a '-' that precedes a digit is subtraction, not a sign */
static bool ends_noun(int c) {
    return isalnum(c) || c == ')' || c == ']' || c == '}' || c == '"' || c == '`' || c == '_' ||
           c == '.';
}

/* ---- number words ---------------------------------------------------------------------- */

typedef struct Num {
    int type; /* atom type (negative) */
    union { J j; F f; } v;
    bool has_point; /* written with . or e (a float unless suffixed) */
    bool suffixed;  /* the type letter was written */
    bool bare_int;  /* a plain integer with no suffix (can join a float vector) */
} Num;

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

/* parse one number word (no spaces) into out; false if it is not a number */
static bool parse_word(const char *s, size_t n, Num *out) {
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
        if (rest && !parse_clock(dpos + 1, rest, &clock, true))
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
                if (bn > 11 && !parse_clock(b + 11, bn - 11, &clock, true))
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
                out->v.f = days + ms / (F)MS_PER_DAY;
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

static void store(K v, J i, const Num *num) {
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

static void store_atom(K a, const Num *num) {
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

static bool coerce(Num *num, int to);
static void store_atom(K a, const Num *num);

/* one literal word parsed as an atom (for "D"$"2020.01.01"): of type `type` when the word
 * allows it, else of the type the word has; NULL + kerr when it is no literal */
K lex_parse_atom(const char *s, size_t n, int type) {
    Num num;
    if (!parse_word(s, n, &num))
        return kerr("type");
    if (num.type != -type && (num.type == -KJ || num.type == -KF))
        coerce(&num, -type);
    K a = obj_atom(num.type);
    if (a)
        store_atom(a, &num);
    return a;
}

/* convert a number parsed as type `from` to atom type `to` (for vectors: 1 2.5 -> floats,
 * or a suffix on the last item: 1 2 3h) */
static bool coerce(Num *num, int to) {
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

/* ---- the lexer ------------------------------------------------------------------------- */

void lex_init(Lexer *lx, const char *src, size_t n) {
    lx->src = src;
    lx->n = n;
    lx->pos = 0;
}

static int peekc(const Lexer *lx, size_t off) {
    return lx->pos + off < lx->n ? (unsigned char)lx->src[lx->pos + off] : 0;
}

/* Skip blanks and comments.  Returns true if a newline was crossed. */
static bool skip_space(Lexer *lx, bool *space) {
    bool newline = false;
    *space = false;
    for (;;) {
        int c = peekc(lx, 0);
        if (c == ' ' || c == '\t' || c == '\r') {
            lx->pos++;
            *space = true;
        } else if (c == 0xc2 && peekc(lx, 1) == 0xa0) { /* a no-break space (UTF-8) is a blank */
            lx->pos += 2;
            *space = true;
        } else if (c == '\n') {
            lx->pos++;
            /* a line that starts with a blank continues the one before it */
            int next = peekc(lx, 0);
            if (next != ' ' && next != '\t')
                newline = true;
            *space = true;
        } else if (c == '/' && (*space || lx->pos == 0)) {
            /* comment to end of line */
            while (lx->pos < lx->n && lx->src[lx->pos] != '\n')
                lx->pos++;
        } else {
            break;
        }
    }
    return newline;
}

/* the length of a number word starting at p: digits, letters, '.', ':' (and a sign after
 * an exponent 'e') */
static size_t word_len(const char *s, size_t p, size_t n) {
    size_t i = p;
    if (i < n && s[i] == '-')
        i++;
    while (i < n) {
        char c = s[i];
        if (isalnum((unsigned char)c) || c == '.' || c == ':') {
            i++;
        } else if ((c == '-' || c == '+') && i > p && (s[i - 1] == 'e' || s[i - 1] == 'E') &&
                   i + 1 < n && isdigit((unsigned char)s[i + 1]) && i - 1 > p &&
                   (isdigit((unsigned char)s[i - 2]) || s[i - 2] == '.')) {
            i++;
        } else {
            break;
        }
    }
    /* a trailing ':' belongs to assignment (x:1 is not a clock) */
    while (i > p && s[i - 1] == ':')
        i--;
    return i - p;
}

static bool starts_number(const Lexer *lx, size_t p) {
    const char *s = lx->src;
    size_t n = lx->n;
    if (p >= n)
        return false;
    if (isdigit((unsigned char)s[p]))
        return true;
    if (s[p] == '.' && p + 1 < n && isdigit((unsigned char)s[p + 1]))
        return true;
    return false;
}

/* may a '-' at position p start a negative number?  Only where a noun cannot end just
 * before it (x-1 is subtraction, x -1 is x applied to -1, 1 -1 is a vector). */
static bool minus_is_sign(const Lexer *lx, size_t p) {
    if (!starts_number(lx, p + 1))
        return false;
    if (p == 0)
        return true;
    int prev = (unsigned char)lx->src[p - 1];
    if (prev == ' ' || prev == '\t' || prev == '\n')
        return true;
    if (prev == '_') { /* the end of a name (a_-1), or drop after a number (1_-10_x) */
        size_t q = p - 1;
        while (q > 0 && is_name_char((unsigned char)lx->src[q - 1]))
            q--;
        return !is_name_start((unsigned char)lx->src[q]);
    }
    return !ends_noun(prev);
}

static K make_bytes(const char *s, size_t n) {
    size_t digits = n - 2;
    if (digits == 0)
        return ktn(KG, 0);
    size_t count = (digits + 1) / 2;
    K v = digits <= 2 ? obj_atom(-KG) : obj_vec(KG, (J)count);
    if (!v)
        return NULL;
    G *out = v->t < 0 ? &v->g : kG(v);
    size_t j = 0;
    const char *h = s + 2;
    if (digits % 2) {
        out[j++] = (G)strtol((char[]){h[0], 0}, NULL, 16);
        h++;
        digits--;
    }
    for (size_t i = 0; i < digits; i += 2) {
        char pair[3] = {h[i], h[i + 1], 0};
        out[j++] = (G)strtol(pair, NULL, 16);
    }
    return v;
}

/* Read a numeric literal (atom or vector) at lx->pos. */
static K lex_number(Lexer *lx) {
    const char *s = lx->src;
    size_t p = lx->pos;
    size_t len = word_len(s, p, lx->n);
    /* bytes 0x.. */
    if (len >= 2 && s[p] == '0' && s[p + 1] == 'x') {
        for (size_t i = p + 2; i < p + len; i++)
            if (!isxdigit((unsigned char)s[i]))
                return kerr("syntax");
        lx->pos = p + len;
        return make_bytes(s + p, len);
    }
    /* boolean vectors 0101b */
    if (len >= 2 && s[p + len - 1] == 'b') {
        bool ok = true;
        for (size_t i = p; i < p + len - 1; i++)
            ok = ok && (s[i] == '0' || s[i] == '1');
        if (ok) {
            lx->pos = p + len;
            if (len == 2)
                return kb(s[p] - '0');
            K v = obj_vec(KB, (J)(len - 1));
            if (v)
                for (size_t i = 0; i < len - 1; i++)
                    kG(v)[i] = (G)(s[p + i] - '0');
            return v;
        }
    }
    /* a run of words separated by single blanks forms a vector */
    Num nums[1] = {{0}};
    size_t cap = 8, count = 0;
    Num *all = mem_raw_alloc(cap * sizeof(Num));
    if (!all)
        return kerr("wsfull");
    size_t q = p;
    for (;;) {
        size_t wl = word_len(s, q, lx->n);
        Num num;
        if (!parse_word(s + q, wl, &num)) {
            if (count == 0) {
                mem_raw_free(all);
                return kerr("syntax");
            }
            break;
        }
        if (count == cap) {
            cap *= 2;
            Num *grown = mem_raw_realloc(all, cap * sizeof(Num));
            if (!grown) {
                mem_raw_free(all);
                return kerr("wsfull");
            }
            all = grown;
        }
        all[count++] = num;
        q += wl;
        /* continue if blanks then another number word */
        size_t r = q;
        for (;;) { /* blanks, no-break spaces, and a newline followed by a blank (continuation) */
            if (r < lx->n && s[r] == ' ')
                r++;
            else if (r + 1 < lx->n && (unsigned char)s[r] == 0xc2 && (unsigned char)s[r + 1] == 0xa0)
                r += 2;
            else if (r + 1 < lx->n && s[r] == '\n' && (s[r + 1] == ' ' || s[r + 1] == '\t'))
                r++;
            else
                break;
        }
        if (r == q || r >= lx->n)
            break;
        size_t next = r;
        if (!(starts_number(lx, next) || (s[next] == '-' && starts_number(lx, next + 1))))
            break;
        size_t nl = word_len(s, next, lx->n);
        Num probe;
        if (!parse_word(s + next, nl, &probe))
            break;
        q = next;
    }
    UNUSED(nums);
    lx->pos = q;
    /* decide the vector's type: the last item's suffix, else float if any is float, else
     * the common type */
    int type = all[count - 1].type;
    if (!all[count - 1].suffixed) {
        for (size_t i = 0; i < count; i++)
            if (all[i].type == -KF && type == -KJ)
                type = -KF;
        for (size_t i = 0; i < count; i++)
            if (all[i].type != -KJ && all[i].type != -KF)
                type = all[i].type;
    }
    K result;
    if (count == 1) {
        result = obj_atom(all[0].type);
        if (result)
            store_atom(result, &all[0]);
    } else {
        result = obj_vec(-type, (J)count);
        for (size_t i = 0; result && i < count; i++) {
            Num num = all[i];
            if (num.type != type && !coerce(&num, type) ) {
                /* an earlier unsuffixed item takes the last item's suffix: 1 2 3h */
                if (!(all[count - 1].suffixed && num.bare_int)) {
                    r0(result);
                    result = kerr("syntax");
                    break;
                }
                num.suffixed = false;
                if (!coerce(&num, type)) {
                    r0(result);
                    result = kerr("syntax");
                    break;
                }
            }
            store(result, (J)i, &num);
        }
    }
    mem_raw_free(all);
    return result;
}

static K lex_string(Lexer *lx) {
    const char *s = lx->src;
    size_t p = lx->pos + 1;
    K out = obj_reserve(KC, 16);
    if (!out)
        return NULL;
    while (p < lx->n && s[p] != '"') {
        char c = s[p++];
        if (c == '\\' && p < lx->n) {
            char e = s[p++];
            switch (e) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case '\\': c = '\\'; break;
            case '"': c = '"'; break;
            default:
                if (e >= '0' && e <= '7') {
                    int v = e - '0';
                    for (int k = 0; k < 2 && p < lx->n && s[p] >= '0' && s[p] <= '7'; k++)
                        v = v * 8 + (s[p++] - '0');
                    c = (char)v;
                } else {
                    c = e;
                }
            }
        }
        if (!(out = obj_push_atom(out, &c)))
            return NULL;
    }
    if (p >= lx->n) {
        r0(out);
        return kerr("\"");
    }
    lx->pos = p + 1;
    if (out->n == 1) {
        K a = kc(kC(out)[0]);
        r0(out);
        return a;
    }
    return out;
}

static bool is_sym_char(int c) { return isalnum(c) || c == '.' || c == '_' || c == ':' || c == '/'; }

static K lex_symbols(Lexer *lx) {
    const char *s = lx->src;
    K v = ktn(KS, 0);
    while (v && lx->pos < lx->n && s[lx->pos] == '`') {
        size_t st = ++lx->pos;
        if (lx->pos < lx->n && s[lx->pos] == '"') {
            K str = lex_string(lx);
            if (!str) {
                r0(v);
                return NULL;
            }
            S sym = str->t == -KC ? sym_intern((char *)&str->g, 1) : sym_intern(kC(str), (size_t)str->n);
            r0(str);
            v = ja(&v, &sym) ? v : NULL;
            continue;
        }
        while (lx->pos < lx->n && is_sym_char((unsigned char)s[lx->pos]))
            lx->pos++;
        /* a symbol does not end with ':' unless it is a file handle `:a: (rare) */
        if (lx->pos > st && s[lx->pos - 1] == ':' && s[st] != ':')
            lx->pos--;
        S sym = sym_intern(s + st, lx->pos - st);
        if (!ja(&v, &sym))
            return NULL;
    }
    if (!v)
        return NULL;
    if (v->n == 1) {
        K a = obj_atom(-KS);
        if (a)
            a->s = kS(v)[0];
        r0(v);
        return a;
    }
    return v;
}

static const char glyphs[] = "+-*%!&|<>=~,^#_$?@.:";

Token lex_next(Lexer *lx) {
    Token t = {0};
    bool space;
    t.newline = skip_space(lx, &space);
    t.space_before = space;
    t.pos = lx->pos;
    if (lx->pos >= lx->n) {
        t.kind = TK_END;
        return t;
    }
    const char *s = lx->src;
    int c = (unsigned char)s[lx->pos];
    int c1 = peekc(lx, 1);
    if (starts_number(lx, lx->pos) || (c == '-' && minus_is_sign(lx, lx->pos))) {
        /* 0: 1: 2: are verbs */
        int c2 = peekc(lx, 2);
        bool bytes_follow = c2 == '0' && peekc(lx, 3) == 'x'; /* ("ich";4 1 2)1:0x00.. */
        if ((c == '0' || c == '1' || c == '2') && c1 == ':' && (!isdigit(c2) || bytes_follow)) {
            t.kind = TK_VERB;
            t.text = s + lx->pos;
            t.len = 2;
            lx->pos += 2;
            if (peekc(lx, 0) == ':') { /* 0:: monadic form */
                t.len = 3;
                lx->pos++;
            }
            return t;
        }
        t.kind = TK_NOUN;
        t.value = lex_number(lx);
        if (!t.value)
            t.kind = TK_ERROR;
        return t;
    }
    if (c == '"') {
        t.kind = TK_NOUN;
        t.value = lex_string(lx);
        if (!t.value)
            t.kind = TK_ERROR;
        return t;
    }
    if (c == '`') {
        t.kind = TK_SYMBOL;
        t.value = lex_symbols(lx);
        if (!t.value)
            t.kind = TK_ERROR;
        return t;
    }
    if (is_name_start(c) && !(c == '.' && !is_name_start(c1) && !isalpha(c1))) {
        size_t st = lx->pos;
        while (lx->pos < lx->n && is_name_char((unsigned char)s[lx->pos]))
            lx->pos++;
        /* a name never ends with '.' */
        while (lx->pos > st + 1 && s[lx->pos - 1] == '.')
            lx->pos--;
        t.kind = TK_NAME;
        t.text = s + st;
        t.len = lx->pos - st;
        return t;
    }
    switch (c) {
    case '(': t.kind = TK_LPAREN; lx->pos++; return t;
    case ')': t.kind = TK_RPAREN; lx->pos++; return t;
    case '[': t.kind = TK_LBRACK; lx->pos++; return t;
    case ']': t.kind = TK_RBRACK; lx->pos++; return t;
    case '{': t.kind = TK_LBRACE; lx->pos++; return t;
    case '}': t.kind = TK_RBRACE; lx->pos++; return t;
    case ';': t.kind = TK_SEMI; lx->pos++; return t;
    case '\'':
        t.kind = TK_ADVERB;
        t.text = s + lx->pos;
        t.len = c1 == ':' ? 2 : 1;
        lx->pos += t.len;
        return t;
    case '/': case '\\':
        t.kind = TK_ADVERB;
        t.text = s + lx->pos;
        t.len = c1 == ':' ? 2 : 1;
        lx->pos += t.len;
        return t;
    }
    if (strchr(glyphs, c)) {
        t.kind = TK_VERB;
        t.text = s + lx->pos;
        t.len = 1;
        if ((c == '<' && (c1 == '=' || c1 == '>')) || (c == '>' && c1 == '='))
            t.len = 2;
        else if (c == ':' && c1 == ':')
            t.len = 2;
        lx->pos += t.len;
        /* a glyph directly followed by ':' (x+:1, or +: as the monadic form), or by '::'
         * (x,::y: a global amended in a lambda) */
        if (t.len == 1 && c != ':' && peekc(lx, 0) == ':') {
            t.colon = true;
            t.global = peekc(lx, 1) == ':';
            lx->pos += t.global ? 2 : 1;
        }
        return t;
    }
    t.kind = TK_ERROR;
    lx->pos++;
    kerr("char");
    return t;
}
