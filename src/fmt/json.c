/* json.c -- JSON to and from q: .j.j (and .j.jd) serialize, .j.k (-29!) deserializes.
 *
 * Serializing: booleans are true/false; numbers as the console shows them (\P precision),
 * with nulls as null and infinities as inf/-inf (null with .j.jd's null0w); symbols, chars,
 * strings, GUIDs and temporals are JSON strings (temporals in ISO form: 2020-01-02,
 * 2020-01-02T03:04:05.000000000); lists are arrays; dictionaries objects (keys as text);
 * tables arrays of row objects (each after the first on a line of its own, ",\n "); a keyed table serializes as its unkeyed form.
 * Deserializing: numbers are floats, true/false booleans, null a float null, strings char
 * vectors, arrays of numbers float vectors, of booleans boolean vectors, of strings lists of
 * strings, objects dictionaries with symbol keys, and arrays of objects with the same keys
 * tables.  Nesting deeper than JSON_DEPTH answers 'stack; malformed text is 'illegal char. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../prim/primint.h"
#include "fmt.h"

#define JSON_DEPTH 1000

/* ---- writing ------------------------------------------------------------------------------ */

typedef struct Out {
    K buf;        /* the text so far (a char vector, owned); NULL after a failure */
    bool null0w;  /* infinities as null (.j.jd) */
    int depth;    /* nesting, bounded by JSON_DEPTH */
} Out;

static void put(Out *o, const char *s, size_t n) { o->buf = obj_push_items(o->buf, s, (J)n); }

static void puts_(Out *o, const char *s) { put(o, s, strlen(s)); }

static void put_string(Out *o, const char *s, size_t n) {
    put(o, "\"", 1);
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\r' ? "\\r"
                        : c == '\t' ? "\\t" : c == '\b' ? "\\b" : c == '\f' ? "\\f" : NULL;
        char hex[8];
        if (!esc && c < 0x20) {
            snprintf(hex, sizeof hex, "\\u%04x", c);
            esc = hex;
        }
        if (esc) {
            put(o, s + from, i - from);
            puts_(o, esc);
            from = i + 1;
        }
    }
    put(o, s + from, n - from);
    put(o, "\"", 1);
}

/* the console text of atom a (consumed) in ISO form for dates and timestamps */
static void put_temporal(Out *o, K a) {
    int t = -a->t;
    K s = fmt_atom_string(a);
    r0(a);
    if (!s) {
        r0(o->buf);
        o->buf = NULL;
        return;
    }
    char *p = (char *)kC(s);
    if (t == KD || t == KM || t == KP || t == KZ) { /* 2020.01.02D03:04 -> 2020-01-02T03:04 */
        for (J i = 0; i < s->n && i < 11; i++) {
            if (p[i] == '.') {
                p[i] = '-';
            } else if (p[i] == 'D' || p[i] == 'T') {
                p[i] = 'T';
                break;
            }
        }
    }
    put_string(o, p, (size_t)s->n);
    r0(s);
}

static void write_value(Out *o, const K x);

/* item i of x (borrowed) */
static void write_item(Out *o, const K x, J i) {
    K a = prim_item(x, i);
    if (!a) {
        r0(o->buf);
        o->buf = NULL;
        return;
    }
    write_value(o, a);
    r0(a);
}

static void write_atom(Out *o, const K a) {
    int t = -a->t;
    if (t == KB) {
        puts_(o, a->g ? "true" : "false");
    } else if (t == KC) {
        put_string(o, (const char *)&a->g, 1);
    } else if (t == KS) {
        put_string(o, a->s, strlen(a->s));
    } else if (t == UU || t == KG) {
        K s = fmt_atom_string(a);
        if (s)
            put_string(o, (const char *)kC(s), (size_t)s->n);
        r0(s);
    } else if (prim_is_temporal(t)) {
        put_temporal(o, r1(a));
    } else if (obj_is_null_at(a, 0) && (t != KF && t != KE ? true : isnan(t == KF ? a->f : a->e))) {
        puts_(o, "null");
    } else if ((t == KF || t == KE) && isinf(t == KF ? a->f : a->e)) {
        F f = t == KF ? a->f : a->e;
        puts_(o, o->null0w ? "null" : f > 0 ? "inf" : "-inf");
    } else if (t > 0 && t < KENUM) {
        K s = fmt_atom_string(a);
        if (s)
            put(o, (const char *)kC(s), (size_t)s->n);
        r0(s);
    } else {
        puts_(o, "null"); /* functions and the like have no JSON form */
    }
}

/* {"k":v,...} from keys and values (borrowed, equal counts) */
static void write_object(Out *o, const K keys, const K vals) {
    put(o, "{", 1);
    for (J i = 0; o->buf && i < obj_count(keys); i++) {
        if (i)
            put(o, ",", 1);
        K k = prim_item(keys, i);
        if (k && k->t == -KS) {
            put_string(o, k->s, strlen(k->s));
        } else if (k) {
            K s = k->t == KC ? r1(k) : fmt_atom_string(k);
            if (s)
                put_string(o, (const char *)kC(s), (size_t)s->n);
            r0(s);
        }
        r0(k);
        put(o, ":", 1);
        write_item(o, vals, i);
    }
    put(o, "}", 1);
}

static void write_value(Out *o, const K x) {
    if (!o->buf)
        return;
    if (++o->depth > JSON_DEPTH || !stack_ok()) { /* and the depth rule (stack.h) */
        r0(o->buf);
        o->buf = NULL;
        kerr("stack");
        return;
    }
    if (x->t < 0) {
        write_atom(o, x);
    } else if (x->t == KC) {
        put_string(o, (const char *)kC(x), (size_t)x->n);
    } else if (x->t == XT) { /* rows as objects */
        K names = TABLE_COLS(x), cols = TABLE_DATA(x);
        J n = obj_count(x);
        put(o, "[", 1);
        for (J r = 0; o->buf && r < n; r++) {
            if (r)
                put(o, ",\n ", 3); /* q puts each row after the first on a line of its own */
            K row = ktn(0, names->n);
            for (J c = 0; row && c < names->n; c++)
                kK(row)[c] = prim_item(kK(cols)[c], r);
            if (row)
                write_object(o, names, row);
            r0(row);
        }
        put(o, "]", 1);
    } else if (x->t == XD && DICT_KEYS(x)->t == XT) { /* keyed table: its rows, keys first */
        K flat = ktd(r1(x));
        if (flat)
            write_value(o, flat);
        r0(flat);
    } else if (x->t == XD) {
        write_object(o, DICT_KEYS(x), DICT_VALS(x));
    } else if (x->t >= 0 && x->t < XT) {
        put(o, "[", 1);
        for (J i = 0; o->buf && i < x->n; i++) {
            if (i)
                put(o, ",", 1);
            write_item(o, x, i);
        }
        put(o, "]", 1);
    } else {
        puts_(o, "null");
    }
    o->depth--;
}

/* .j.j x, or .j.jd (x;options) with null0w true: x borrowed */
K prim_json_text(const K x, bool null0w) {
    Out o = {.buf = obj_vec(KC, 0), .null0w = null0w};
    if (!o.buf)
        return NULL;
    write_value(&o, x);
    return o.buf ? o.buf : (kerr_msg() ? NULL : kerr("wsfull"));
}

/* ---- reading ------------------------------------------------------------------------------ */

typedef struct In {
    const char *p, *end; /* the text left */
    int depth;
} In;

static void skip_space(In *in) {
    while (in->p < in->end && (*in->p == ' ' || *in->p == '\t' || *in->p == '\n' || *in->p == '\r'))
        in->p++;
}

static K read_value(In *in);

/* a general list (consumed) as a simple vector when its items are atoms of one type */
static K collect(K list) {
    J n = list->n;
    K *items = kK(list);
    K r = prim_collect(items, n); /* consumes the items */
    list->n = 0;
    r0(list);
    return r;
}

static K read_string(In *in) {
    in->p++; /* the opening quote */
    K s = obj_vec(KC, 0);
    while (s && in->p < in->end && *in->p != '"') {
        char c = *in->p++;
        if (c == '\\' && in->p < in->end) {
            char e = *in->p++;
            if (e == 'u' && in->end - in->p >= 4) { /* \uXXXX as UTF-8 */
                char hex[5] = {in->p[0], in->p[1], in->p[2], in->p[3], 0};
                in->p += 4;
                unsigned cp = (unsigned)strtoul(hex, NULL, 16);
                char u[3];
                int n = 0;
                if (cp < 0x80)
                    u[n++] = (char)cp;
                else if (cp < 0x800)
                    u[n++] = (char)(0xc0 | cp >> 6), u[n++] = (char)(0x80 | (cp & 63));
                else
                    u[n++] = (char)(0xe0 | cp >> 12), u[n++] = (char)(0x80 | (cp >> 6 & 63)), u[n++] = (char)(0x80 | (cp & 63));
                s = obj_push_items(s, u, n);
                continue;
            }
            c = e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e == 'b' ? '\b' : e == 'f' ? '\f' : e;
        }
        s = obj_push_atom(s, &c);
    }
    if (s && in->p >= in->end) {
        r0(s);
        return kerr("illegal char");
    }
    in->p++;
    return s;
}

static bool word(In *in, const char *w) {
    size_t n = strlen(w);
    if ((size_t)(in->end - in->p) >= n && !memcmp(in->p, w, n)) {
        in->p += n;
        return true;
    }
    return false;
}

/* [v,...] as the simplest q list that holds the items */
static K read_array(In *in) {
    in->p++;
    K items = ktn(0, 0);
    skip_space(in);
    if (in->p < in->end && *in->p == ']') {
        in->p++;
        return items;
    }
    while (items) {
        K v = read_value(in);
        if (!v) {
            r0(items);
            return NULL;
        }
        jk(&items, v);
        skip_space(in);
        if (in->p < in->end && *in->p == ',') {
            in->p++;
            continue;
        }
        if (in->p < in->end && *in->p == ']') {
            in->p++;
            break;
        }
        r0(items);
        return kerr("illegal char");
    }
    if (!items)
        return NULL;
    bool floats = true, bools = true;
    for (J i = 0; i < items->n; i++) {
        floats &= kK(items)[i]->t == -KF;
        bools &= kK(items)[i]->t == -KB;
    }
    if (floats || bools) {
        K v = obj_vec(floats ? KF : KB, items->n);
        for (J i = 0; v && i < items->n; i++)
            if (floats)
                kF(v)[i] = kK(items)[i]->f;
            else
                kG(v)[i] = kK(items)[i]->g;
        r0(items);
        return v;
    }
    return prim_rows_table(items); /* objects with the same keys are a table */
}

static K read_object(In *in) {
    in->p++;
    K keys = ktn(KS, 0), vals = ktn(0, 0);
    skip_space(in);
    if (in->p < in->end && *in->p == '}') {
        in->p++;
        return xD(keys, vals);
    }
    while (keys && vals) {
        skip_space(in);
        if (in->p >= in->end || *in->p != '"')
            break;
        K k = read_string(in);
        if (!k)
            break;
        js(&keys, sym_intern(kC(k), (size_t)k->n));
        r0(k);
        skip_space(in);
        if (in->p >= in->end || *in->p++ != ':')
            break;
        K v = read_value(in);
        if (!v)
            break;
        jk(&vals, v);
        skip_space(in);
        if (in->p < in->end && *in->p == ',') {
            in->p++;
            continue;
        }
        if (in->p < in->end && *in->p == '}') {
            in->p++;
            return xD(keys, collect(vals));
        }
        break;
    }
    r0(keys);
    r0(vals);
    return kerr_msg() ? NULL : kerr("illegal char");
}

static K read_value(In *in) {
    skip_space(in);
    if (in->p >= in->end)
        return kerr("illegal char");
    if (++in->depth > JSON_DEPTH || !stack_ok()) /* and the depth rule (stack.h) */
        return kerr("stack");
    K r;
    char c = *in->p;
    if (c == '"')
        r = read_string(in);
    else if (c == '[')
        r = read_array(in);
    else if (c == '{')
        r = read_object(in);
    else if (word(in, "true"))
        r = kb(1);
    else if (word(in, "false"))
        r = kb(0);
    else if (word(in, "null"))
        r = kf(NAN);
    else if (c == '-' || isdigit((unsigned char)c)) {
        char buf[64];
        size_t n = 0;
        while (in->p + n < in->end && n < sizeof buf - 1 && strchr("+-.eE0123456789", in->p[n]))
            n++;
        memcpy(buf, in->p, n);
        buf[n] = 0;
        char *end;
        double v = strtod(buf, &end);
        in->p += end - buf;
        r = end == buf ? kerr("illegal char") : kf(v);
    } else
        r = kerr("illegal char");
    in->depth--;
    return r;
}

K prim_json_parse(K x) {
    PRIM_ARGS1(x);
    if (x->t != KC && x->t != -KC) {
        r0(x);
        return kerr("type");
    }
    In in = {.p = x->t == KC ? kC(x) : (char *)&x->g};
    in.end = in.p + (x->t == KC ? x->n : 1);
    K r = read_value(&in);
    skip_space(&in);
    if (r && in.p < in.end) {
        r0(r);
        r = kerr("illegal char");
    }
    r0(x);
    return r;
}
