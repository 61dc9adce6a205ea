/* csv.c -- 0: on text: delimited lines parsed into a table or columns by a type string
 * (with or without a header row), key=value pairs parsed, and tables or columns written as
 * delimited lines (`:file 0: lines writes them). */
#include <ctype.h>
#include <stdlib.h>

#include "lang_int.h"

/* ---- 0: on text: parse delimited lines, or format a table as delimited lines ------------- */

/* the fields of one line split at delimiter d (a list of strings).  A field that starts with
 * '"' is quoted: it runs to the closing '"', holds delimiters and newlines, and "" in it is one
 * '"' (CSV as ref/file-text.md writes it) */
static K split_fields(const K line, char d) {
    const char *p = line->t == KC ? kC(line) : (const char *)&line->g;
    const char *end = p + (line->t == KC ? line->n : 1);
    K r = ktn(0, 0);
    for (;;) {
        K f = ktn(KC, 0);
        if (p < end && *p == '"') {
            for (p++; p < end; p++) {
                if (*p == '"' && !(p + 1 < end && p[1] == '"'))
                    break;
                f = obj_push_items(f, p, 1);
                if (*p == '"')
                    p++;
            }
            if (p < end) /* the closing quote; what follows it up to d is dropped */
                p++;
            const char *e = memchr(p, d, (size_t)(end - p));
            p = e ? e : end;
        } else {
            const char *e = p < end ? memchr(p, d, (size_t)(end - p)) : NULL;
            e = e ? e : end;
            f = obj_push_items(f, p, (J)(e - p));
            p = e;
        }
        r = obj_push(r, f);
        if (!r || p >= end)
            return r;
        p++; /* the delimiter: a field follows, empty if the line ends */
    }
}

/* lines as records (a list of strings): with embedded line returns allowed, a line that ends
 * inside a quoted field joins the next one, "\n" kept; consumes lines */
static K join_quoted_lines(K lines) {
    K r = ktn(0, 0);
    K cur = NULL;
    bool open = false;
    for (J i = 0; r && i < lines->n; i++) {
        K l = kK(lines)[i];
        if (l->t != KC) {
            r = obj_push(r, r1(l));
            continue;
        }
        if (open)
            cur = obj_push_items(obj_push_items(cur, "\n", 1), kC(l), l->n);
        else
            cur = obj_push_items(ktn(KC, 0), kC(l), l->n);
        for (J j = 0; j < l->n; j++)
            if (kC(l)[j] == '"')
                open = !open;
        if (!open) {
            r = obj_push(r, cur);
            cur = NULL;
        }
    }
    if (cur)
        r = obj_push(r, cur);
    r0(lines);
    return r;
}

/* the type a column letter parses to on the one-pass path; 0 for the letters that take the
 * general one (guids, chars, strings; ' ' is a skipped column, -1) */
static int fast_type(char c) {
    static const struct { char letter; int t; } kinds[] = {
        {'b', KB}, {'x', KG}, {'h', KH}, {'i', KI}, {'j', KJ}, {'e', KE}, {'f', KF}, {'s', KS},
        {'p', KP}, {'m', KM}, {'d', KD}, {'z', KZ}, {'n', KN}, {'u', KU}, {'v', KV}, {'t', KT},
        {'c', KC}};
    if (c == ' ')
        return -1;
    for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
        if (kinds[i].letter == tolower((unsigned char)c))
            return kinds[i].t;
    return 0;
}

/* the columns of lines first.. (borrowed) in one pass: each line split once at d, each field
 * parsed where it lies straight into its column (as `"T"$` parses it).  *used false and NULL
 * (nothing pending) when a type letter or a line is not for this path, or a field does not
 * come out as its column's type: the general path then does the work. */
static K parse_columns(const K types, const K lines, J first, char d, bool *used) {
    J nc = types->n, rows = lines->n - first;
    int *ty = mem_raw_alloc((size_t)nc * sizeof(int));
    K cols = ty ? ktn(0, 0) : NULL;
    *used = false;
    for (J c = 0; cols && c < nc; c++) {
        ty[c] = fast_type(kC(types)[c]);
        if (!ty[c])
            goto fallback;
        K v = ty[c] > 0 ? ktn(ty[c], rows) : NULL;
        if (ty[c] > 0 && !v) {
            r0(cols);
            mem_raw_free(ty);
            *used = true; /* 'wsfull pending */
            return NULL;
        }
        if (v)
            jk(&cols, v);
    }
    for (J r = 0; r < rows; r++) { /* quoted fields take the general path */
        K line = kK(lines)[first + r];
        if ((line->t != KC && line->t != -KC) || (line->t == KC && memchr(kC(line), '"', (size_t)line->n)))
            goto fallback;
    }
    for (J r = 0; cols && r < rows; r++) {
        K line = kK(lines)[first + r];
        const char *p = line->t == KC ? kC(line) : (const char *)&line->g;
        const char *end = p + (line->t == KC ? line->n : 1);
        for (J c = 0, k = 0; c < nc; c++) {
            const char *e = p < end ? memchr(p, d, (size_t)(end - p)) : NULL;
            e = e ? e : end;
            if (ty[c] == KC) { /* a char column: the field's first char (ref/file-text.md) */
                kC(kK(cols)[k++])[r] = e > p ? p[0] : ' ';
            } else if (ty[c] > 0) {
                K a = prim_parse_text(ty[c], p, (size_t)(e - p));
                if (!a) {
                    r0(cols);
                    mem_raw_free(ty);
                    *used = true; /* the error is pending */
                    return NULL;
                }
                K col = kK(cols)[k++];
                if (a->t != -ty[c]) {
                    r0(a);
                    goto fallback;
                }
                int w = obj_width(col->t);
                memcpy(kG(col) + (size_t)r * w, &a->g, (size_t)w);
                r0(a);
            }
            p = e < end ? e + 1 : end;
        }
    }
    mem_raw_free(ty);
    *used = cols != NULL; /* NULL: out of memory, pending */
    return cols ? cols : (*used = true, NULL);
fallback:
    r0(cols);
    mem_raw_free(ty);
    return NULL;
}

/* ---- the one pass over a whole text: cells parsed where they lie -------------------------- */

/* The usual cells have parsers of their own here: a long of up to 18 digits, a float of up
 * to 15 significant digits and 22 decimals (one correctly rounded division, what strtod
 * gives), a timestamp written yyyy-mm-ddThh:mm:ss[.fffffffff] (- or . in the date, T or D
 * before the time), a symbol; each says false for any other text, which then goes through
 * prim_parse_text, as every cell of the line path does, so the answers do not change. */

static bool cell_j(const char *s, size_t n, J *out) {
    size_t i = s[0] == '-';
    if (n <= i || n - i > 18)
        return false;
    J v = 0;
    for (; i < n; i++) {
        unsigned c = (unsigned)(s[i] - '0');
        if (c > 9)
            return false;
        v = v * 10 + (J)c;
    }
    *out = s[0] == '-' ? -v : v;
    return true;
}

static const double pow10_exact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static bool cell_f(const char *s, size_t n, F *out) {
    size_t i = s[0] == '-';
    uint64_t m = 0;
    int digits = 0, decimals = 0;
    bool point = false, before = false;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '.' && !point) {
            point = true;
            continue;
        }
        unsigned v = (unsigned)(c - '0');
        if (v > 9 || ++digits > 19)
            return false;
        m = m * 10 + v;
        decimals += point;
        before |= !point;
    }
    if (!before || (point && !decimals) || m >= (1ULL << 53) || decimals > 22)
        return false;
    F v = (F)m / pow10_exact[decimals];
    *out = s[0] == '-' ? -v : v;
    return true;
}

static inline int digits_at(const char *s, int k) {
    int v = 0;
    for (int i = 0; i < k; i++) {
        unsigned c = (unsigned)(s[i] - '0');
        if (c > 9)
            return -1;
        v = v * 10 + (int)c;
    }
    return v;
}

static bool cell_p(const char *s, size_t n, J *out) {
    if (n < 19 || n > 29 || (n > 19 && s[19] != '.') || n == 20 || (s[4] != '-' && s[4] != '.') ||
        s[7] != s[4] || (s[10] != 'T' && s[10] != 'D') || s[13] != ':' || s[16] != ':')
        return false;
    int y = digits_at(s, 4), mo = digits_at(s + 5, 2), d = digits_at(s + 8, 2);
    int h = digits_at(s + 11, 2), mi = digits_at(s + 14, 2), sec = digits_at(s + 17, 2);
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || h < 0 || h > 23 ||
        mi < 0 || mi > 59 || sec < 0 || sec > 59)
        return false;
    if (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return false;
    J frac = 0;
    int k = n > 20 ? (int)n - 20 : 0;
    if (k) {
        int f = digits_at(s + 20, k);
        if (f < 0)
            return false;
        frac = f;
        for (int i = k; i < 9; i++)
            frac *= 10;
    }
    *out = ((J)ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec) * 1000000000LL + frac;
    return true;
}

/* Symbols of up to 16 bytes go through a cache of this call's own (direct-mapped on their
 * bytes) before the symbol table: a column of a few thousand names then costs a load and a
 * compare per cell, not a hash of the text and a probe of the whole table. */
typedef struct SymCache {
    uint64_t w[2]; /* the text, zero-padded */
    size_t len;
    S sym;         /* NULL: empty */
} SymCache;

enum { SYM_CACHE_BITS = 12 };

static S cached_sym(SymCache *cache, const char *s, size_t len, const char *end) {
    if (len > 16)
        return sym_intern(s, len);
    uint64_t w[2] = {0, 0};
    if (end - s >= 16) {
        memcpy(w, s, 16);
        if (len < 8)
            w[0] &= len ? ~0ULL >> (64 - 8 * len) : 0, w[1] = 0;
        else
            w[1] &= len > 8 ? ~0ULL >> (64 - 8 * (len - 8)) : 0;
    } else {
        memcpy(w, s, len);
    }
    uint64_t h = (w[0] * 0x9E3779B97F4A7C15ULL) ^ (w[1] * 0xC2B2AE3D27D4EB4FULL) ^ len;
    SymCache *e = &cache[(h * 0x9E3779B97F4A7C15ULL) >> (64 - SYM_CACHE_BITS)];
    if (e->sym && e->len == len && e->w[0] == w[0] && e->w[1] == w[1])
        return e->sym;
    S r = sym_intern(s, len);
    e->w[0] = w[0], e->w[1] = w[1], e->len = len, e->sym = r;
    return r;
}

/* the columns (types: letters of fast_type, at least one line after the header) of the text
 * p[0..n) in one pass, lines split as read0 splits them; *head the header line's fields when
 * header.  *used false and NULL (nothing pending) when this path does not apply or a cell
 * does not come out as its column's type: the line path then does the work. */
static K text_columns(const K types, const char *p, J n, char d, bool header, K *head, bool *used) {
    J nc = types->n;
    *used = false;
    *head = NULL;
    for (J c = 0; c < nc; c++)
        if (!fast_type(kC(types)[c]))
            return NULL;
    J lines = 0;
    for (const char *q = p, *end = p + n; q < end; lines++) {
        const char *e = memchr(q, '\n', (size_t)(end - q));
        q = e ? e + 1 : end;
    }
    J first = header ? 1 : 0, rows = lines - first;
    if (rows <= 0)
        return NULL;
    int ty[256];
    if (nc > (J)ARRAY_LEN(ty))
        return NULL;
    K cols = ktn(0, 0);
    K *col = mem_raw_calloc((size_t)nc + 1, sizeof(K));
    SymCache *cache = mem_raw_calloc((size_t)1 << SYM_CACHE_BITS, sizeof(SymCache));
    if (!cols || !col || !cache) {
        r0(cols);
        mem_raw_free(col);
        mem_raw_free(cache);
        *used = true;
        return kerr("wsfull");
    }
    for (J c = 0; cols && c < nc; c++) {
        ty[c] = fast_type(kC(types)[c]);
        if (ty[c] > 0 && (col[c] = ktn(ty[c], rows)))
            jk(&cols, col[c]);
        else if (ty[c] > 0) {
            r0(cols);
            cols = NULL;
        }
    }
    const char *q = p, *end = p + n;
    for (J r = -first; cols && r < rows; r++) {
        const char *le = memchr(q, '\n', (size_t)(end - q));
        const char *next = le ? le + 1 : end;
        le = le ? le : end;
        if (le > q && le[-1] == '\r')
            le--;
        if (r < 0) { /* the header */
            K line = obj_strn(q, (size_t)(le - q));
            *head = line ? split_fields(line, d) : NULL;
            r0(line);
            q = next;
            continue;
        }
        for (J c = 0; c < nc; c++) {
            const char *e = q < le ? memchr(q, d, (size_t)(le - q)) : NULL;
            e = e ? e : le;
            const char *s = q;
            size_t len = (size_t)(e - q);
            q = e < le ? e + 1 : le;
            int t = ty[c];
            if (t < 0)
                continue;
            if (t == KC) {
                kC(col[c])[r] = len ? s[0] : ' ';
                continue;
            }
            if (t == KS) {
                while (len && s[0] == ' ')
                    s++, len--;
                while (len && s[len - 1] == ' ')
                    len--;
                kS(col[c])[r] = cached_sym(cache, s, len, end);
                continue;
            }
            if (len && ((t == KJ && cell_j(s, len, &kJ(col[c])[r])) || (t == KF && cell_f(s, len, &kF(col[c])[r])) ||
                        (t == KP && cell_p(s, len, &kJ(col[c])[r]))))
                continue;
            K a = prim_parse_text(t, s, len);
            if (!a || a->t != -t) {
                *used = !a; /* an error is pending; else the line path decides */
                r0(a);
                r0(cols);
                cols = NULL;
                break;
            }
            int w = obj_width(t);
            memcpy(kG(col[c]) + (size_t)r * w, &a->g, (size_t)w);
            r0(a);
        }
        q = next;
    }
    mem_raw_free(col);
    mem_raw_free(cache);
    if (!cols) {
        r0(*head);
        *head = NULL;
        if (!kerr_msg() && *used)
            kerr("wsfull");
        return NULL;
    }
    *used = true;
    return cols;
}

/* (types;delim) 0: text -- parse_delimited over the text itself, when text_columns applies:
 * then true, with *out the result (NULL: the error pending); x and text consumed then */
static bool parse_delimited_text(K x, K text, K *out) {
    K types = kK(x)[0], delim = kK(x)[1];
    bool header = delim->t == KC && delim->n == 1;
    char d = delim->t == -KC ? (char)delim->g : delim->t == KC && delim->n ? kC(delim)[0] : ',';
    if (types->t != KC)
        return false;
    K head;
    bool used;
    K cols = text_columns(types, (const char *)kG(text), text->n, d, header, &head, &used);
    if (!used)
        return false;
    r0(text);
    if (!cols || !header) {
        r0(x);
        *out = cols;
        return true;
    }
    K names = ktn(KS, 0);
    for (J c = 0; names && c < types->n; c++) {
        if (kC(types)[c] == ' ')
            continue;
        K hn = head && c < head->n ? kK(head)[c] : NULL;
        js(&names, hn ? sym_intern(hn->t == KC ? kC(hn) : (char *)&hn->g, hn->t == KC ? (size_t)hn->n : 1) : sym_null);
    }
    r0(head);
    r0(x);
    *out = names ? xT(xD(names, cols)) : (r0(cols), NULL);
    return true;
}

/* (types;delim) 0: lines -- columns parsed by type letter; an enlisted delimiter means the
 * first line is a header and the result a table.  " " skips a column, "*" keeps strings. */
static K parse_delimited(K x, K y) {
    K types = kK(x)[0], delim = kK(x)[1];
    bool header = delim->t == KC && delim->n == 1;
    char d = delim->t == -KC ? (char)delim->g : delim->t == KC && delim->n ? kC(delim)[0] : ',';
    if (types->t != KC || (y->t != 0 && y->t != KC)) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    K lines = y->t == KC ? obj_list(1, y) : y;
    J nl = lines->n, first = header ? 1 : 0;
    J nc = types->n;
    K cols = ktn(0, 0), names = ktn(KS, 0);
    K head = header && nl ? split_fields(kK(lines)[0], d) : NULL;
    bool used = false;
    K fast = nl > first ? parse_columns(types, lines, first, d, &used) : NULL;
    if (used && !fast) {
        r0(cols); r0(names); r0(head); r0(lines); r0(x);
        return NULL;
    }
    for (J c = 0, k = 0; c < nc; c++) {
        char tc = kC(types)[c];
        if (tc == ' ')
            continue;
        if (fast) { /* the column parsed in the one pass */
            jk(&cols, r1(kK(fast)[k++]));
            if (header) {
                K hn = head && c < head->n ? kK(head)[c] : NULL;
                js(&names, hn ? sym_intern(hn->t == KC ? kC(hn) : (char *)&hn->g, hn->t == KC ? (size_t)hn->n : 1) : sym_null);
            }
            continue;
        }
        K strs = ktn(0, nl > first ? nl - first : 0);
        for (J r = first; r < nl; r++) {
            K f = split_fields(kK(lines)[r], d);
            kK(strs)[r - first] = f && c < f->n ? r1(kK(f)[c]) : obj_strn("", 0);
            r0(f);
        }
        K col;
        if (tc == '*') {
            col = strs;
        } else if (toupper((unsigned char)tc) == 'C') { /* each field's first char */
            col = ktn(KC, strs->n);
            for (J r = 0; col && r < strs->n; r++) {
                K f = kK(strs)[r];
                kC(col)[r] = f->t == -KC ? (char)f->g : f->t == KC && f->n ? kC(f)[0] : ' ';
            }
            r0(strs);
        } else {
            col = prim_cast(kc(toupper((unsigned char)tc)), strs);
            if (col && col->t == 0 && col->n == 0) { /* no rows: an empty typed column */
                r0(col);
                K proto = prim_cast(kc(toupper((unsigned char)tc)), obj_strn("", 0));
                col = proto ? prim_take(kj(0), prim_enlist(proto)) : NULL;
            }
        }
        if (!col) {
            r0(cols); r0(names); r0(head); r0(lines); r0(x); r0(fast);
            return NULL;
        }
        jk(&cols, col);
        if (header) {
            K hn = head && c < head->n ? kK(head)[c] : NULL;
            js(&names, hn ? sym_intern(hn->t == KC ? kC(hn) : (char *)&hn->g, hn->t == KC ? (size_t)hn->n : 1) : sym_null);
        }
    }
    r0(fast);
    r0(head);
    r0(lines);
    r0(x);
    if (header)
        return xT(xD(names, cols));
    r0(names);
    return cols;
}

/* a cell of Prepare Text (ref/file-text.md): one holding the delimiter or a newline is
 * embraced with '"' and its own '"'s doubled; consumes s (a string) */
static K quote_cell(K s, char d) {
    if (s->t != KC || (!memchr(kC(s), d, (size_t)s->n) && !memchr(kC(s), '\n', (size_t)s->n)))
        return s;
    K r = ktn(KC, 0);
    r = prim_join(r, kc('"'));
    for (J i = 0; r && i < s->n; i++) {
        r = prim_join(r, kc((char)kC(s)[i]));
        if (r && kC(s)[i] == '"')
            r = prim_join(r, kc('"'));
    }
    r0(s);
    return prim_join(r, kc('"'));
}

/* "," 0: t -- a table as delimited lines, header first */
static K format_delimited(K x, K y) {
    char d = x->t == -KC ? (char)x->g : kC(x)[0];
    r0(x);
    if (y->t != XT) {
        r0(y);
        return kerr("type");
    }
    K names = TABLE_COLS(y), cols = TABLE_DATA(y);
    J rows = obj_count(y);
    K out = ktn(0, 0);
    K head = ktn(KC, 0);
    for (J c = 0; c < names->n; c++) {
        if (c)
            head = prim_join(head, kc(d));
        head = prim_join(head, obj_str(kS(names)[c]));
    }
    jk(&out, head);
    for (J r = 0; r < rows; r++) {
        K line = ktn(KC, 0);
        for (J c = 0; c < names->n; c++) {
            if (c)
                line = prim_join(line, kc(d));
            K item = prim_item(kK(cols)[c], r);
            if (item->t == 0 || (item->t > 0 && item->t != KC)) { /* a nested cell */
                r0(item);
                r0(line);
                r0(out);
                r0(y);
                return kerr("type");
            }
            K s = item->t == KC ? item : prim_string(item);
            if (s && s->t == -KC)
                s = prim_enlist(s);
            line = prim_join(line, s ? quote_cell(s, d) : obj_strn("", 0));
        }
        jk(&out, line);
    }
    r0(y);
    return out;
}

/* "=;" 0: "k=v;k2=v2" -- key-value pairs as (keys;values).  A leading type letter ("S=;",
 * "I=;", "J=;") casts the keys (symbols by default); a '*' before the pair separator ("I=*,")
 * lets values be "quoted", separators and all. */
static K parse_pairs(K x, K y) {
    const char *spec = kC(x);
    J sn = x->n;
    char kt = sn >= 3 ? spec[0] : 'S';
    char eq = spec[sn >= 3 ? 1 : 0], sep = spec[sn - 1];
    bool quoted = sn == 4 && spec[2] == '*';
    r0(x);
    if (y->t != KC) {
        r0(y);
        return kerr("type");
    }
    K keys = ktn(0, 0), vals = ktn(0, 0);
    const char *p = kC(y), *end = p + y->n;
    while (p < end) {
        const char *k = p;
        while (p < end && *p != eq)
            p++;
        if (p >= end)
            break;
        J klen = p - k;
        p++;
        K v;
        if (quoted && p < end && *p == '"') {
            const char *q = ++p;
            while (p < end && *p != '"')
                p++;
            v = obj_strn(q, (size_t)(p - q));
            if (p < end)
                p++;
            while (p < end && *p != sep)
                p++;
        } else {
            const char *q = p;
            while (p < end && *p != sep)
                p++;
            v = obj_strn(q, (size_t)(p - q));
        }
        jk(&keys, obj_strn(k, (size_t)klen));
        jk(&vals, v);
        if (p < end)
            p++;
    }
    r0(y);
    K kv = prim_cast(kc((char)toupper((unsigned char)kt)), keys);
    return kv ? obj_list(2, kv, vals) : (r0(vals), NULL);
}

/* "|" 0: (c1;c2;...) -- columns as delimited lines, no header */
static K format_columns(K x, K y) {
    char d = x->t == -KC ? (char)x->g : kC(x)[0];
    r0(x);
    J rows = y->n ? obj_count(kK(y)[0]) : 0;
    for (J c = 0; c < y->n; c++) /* columns: lists of one length */
        if (kK(y)[c]->t < 0 || kK(y)[c]->t >= XT || obj_count(kK(y)[c]) != rows) {
            const char *err = kK(y)[c]->t < 0 || kK(y)[c]->t >= XT ? "type" : "length";
            r0(y);
            return kerr(err);
        }
    K out = ktn(0, rows);
    for (J r = 0; r < rows; r++) {
        K line = ktn(KC, 0);
        for (J c = 0; c < y->n; c++) {
            if (c)
                line = prim_join(line, kc(d));
            K col = kK(y)[c];
            K item = col->t == KC ? kc(kC(col)[r]) : prim_item(col, r);
            K str = item->t == KC ? item : prim_string(item);
            if (str && str->t == -KC)
                str = prim_enlist(str);
            line = prim_join(line, str ? quote_cell(str, d) : obj_strn("", 0));
        }
        if (!line) {
            out->n = r;
            r0(out);
            r0(y);
            return NULL;
        }
        kK(out)[r] = line;
    }
    r0(y);
    return out;
}

/* (types;widths) 0: y, Load Fixed (ref/file-text.md): y is a list of strings, a file, or
 * (file;offset[;length]); records are lines, or, in a text without newlines, runs of the
 * widths' total.  One vector per type that is not blank ("*": strings) */
static K parse_fixed(K x, K y) {
    K types = kK(x)[0], widths = kK(x)[1];
    if (types->t != KC || (widths->t != KI && widths->t != KJ)) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    if (types->n != widths->n) {
        r0(x);
        r0(y);
        return kerr("length");
    }
    J nfield = types->n, total = 0;
    for (J f = 0; f < nfield; f++) {
        J w = widths->t == KI ? kI(widths)[f] : kJ(widths)[f];
        if (w < 0 || w > (1 << 20)) {
            r0(x);
            r0(y);
            return kerr("domain");
        }
        total += w;
    }
    if (y->t == -KS || (y->t == 0 && y->n >= 2 && kK(y)[0]->t == -KS)) /* a file, or part of one */
        y = prim_read1(y);
    if (y && y->t == KG)
        y->t = KC;
    if (y && y->t == KC) { /* one text: its lines, or fixed-length records when it has none */
        if (memchr(kC(y), '\n', (size_t)y->n)) {
            y = prim_read0(y);
        } else {
            K recs = ktn(0, 0);
            for (J at = 0; recs && total > 0 && at + total <= y->n; at += total)
                recs = obj_push(recs, obj_strn(kC(y) + at, (size_t)total));
            r0(y);
            y = recs;
        }
    }
    if (!y || y->t != 0) {
        K err = y ? kerr("type") : NULL;
        UNUSED(err);
        r0(x);
        r0(y);
        return NULL;
    }
    K cols = ktn(0, 0);
    J offset = 0;
    for (J f = 0; cols && f < nfield; f++) {
        J w = widths->t == KI ? kI(widths)[f] : kJ(widths)[f];
        char tc = kC(types)[f];
        if (tc != ' ') {
            K strs = ktn(0, y->n);
            for (J r = 0; strs && r < y->n; r++) {
                K line = kK(y)[r];
                J len = line->t == KC ? line->n : 0;
                J from = offset < len ? offset : len, to = offset + w < len ? offset + w : len;
                kK(strs)[r] = obj_strn(line->t == KC ? kC(line) + from : "", (size_t)(to - from));
            }
            K col = tc == '*' ? strs : prim_cast(kc(toupper((unsigned char)tc)), strs);
            cols = obj_push(cols, col);
        }
        offset += w;
    }
    r0(x);
    r0(y);
    return cols;
}

K prim_filetext(K x, K y) {
    PRIM_ARGS2(x, y);
    if (x->t == -KS && x->s[0]) /* `:file or `file 0: lines */
        return file_write_lines(x, y);
    if (x->t == 0 && x->n == 2 && (kK(x)[1]->t == KI || kK(x)[1]->t == KJ))
        return parse_fixed(x, y);
    if (x->t == 0 && (x->n == 2 || x->n == 3) && kK(x)[0]->t == -KC) { /* ("S";..): one type */
        K own = obj_own(x);
        if (!own) {
            r0(y);
            return NULL;
        }
        x = own;
        kK(x)[0] = prim_enlist(kK(x)[0]);
        if (!kK(x)[0]) {
            kK(x)[0] = obj_identity();
            r0(x);
            r0(y);
            return NULL;
        }
    }
    if (x->t == 0 && (x->n == 2 || x->n == 3)) { /* (types;delimiter[;flag]) */
        bool embedded = false; /* flag 1: line returns may be embedded in quoted fields */
        if (x->n == 3) {
            K f = kK(x)[2];
            if (f->t != -KJ && f->t != -KI && f->t != -KB) {
                r0(x);
                r0(y);
                return kerr("type");
            }
            embedded = f->t == -KJ ? f->j != 0 : f->t == -KI ? f->i != 0 : f->g != 0;
            K x2 = obj_list(2, r1(kK(x)[0]), r1(kK(x)[1]));
            r0(x);
            if (!(x = x2)) {
                r0(y);
                return NULL;
            }
        }
        /* one record given as a string, delimiter an atom: one atom per field */
        bool record = y->t == KC && kK(x)[1]->t == -KC && !memchr(kC(y), '\n', (size_t)y->n);
        y = file_contents(y);
        if (!y) {
            r0(x);
            return NULL;
        }
        K parsed; /* the one pass over the text, unless quotes or one record need the lines */
        if (!embedded && !record && (y->t == KC || y->t == KG) && !memchr(kG(y), '"', (size_t)y->n) &&
            parse_delimited_text(x, y, &parsed))
            return parsed;
        K lines = y;
        if (y->t == KC || y->t == KG) { /* a whole text: its lines */
            lines = prim_read0(y->t == KG ? (y->t = KC, y) : y);
            if (!lines) {
                r0(x);
                return NULL;
            }
        }
        if (embedded && lines->t == 0 && !(lines = join_quoted_lines(lines))) {
            r0(x);
            return NULL;
        }
        K r = parse_delimited(x, lines);
        if (r && record && r->t == 0) {
            K atoms = ktn(0, r->n);
            for (J c = 0; atoms && c < r->n; c++)
                kK(atoms)[c] = prim_item(kK(r)[c], 0);
            r0(r);
            r = atoms ? prim_squash(atoms) : NULL;
        }
        return r;
    }
    if (x->t == KC && x->n >= 2 && x->n <= 4 && y->t == KC)
        return parse_pairs(x, y);
    if ((x->t == -KC || (x->t == KC && x->n == 1)) && y->t == 0)
        return format_columns(x, y);
    if ((x->t == -KC || (x->t == KC && x->n == 1)) && y->t == XT)
        return format_delimited(x, y);
    r0(x);
    r0(y);
    return kerr("nyi");
}

