/* evalprim.c -- the primitives about evaluation itself: value, eval, parse, reval, views,
 * @ and . (apply, index, trap and amend, by value, by name and into files), and key (of a
 * name: a namespace's or dictionary's keys; of a file handle: a directory). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "lang_int.h"

/* ---- primitives about evaluation ----------------------------------------------------------- */

K prim_identity(K x) {
    PRIM_ARGS1(x);
    return x;
}

K prim_views(K x) {
    PRIM_ARGS1(x);
    r0(x);
    return env_views(sym_null);
}

/* view `v: the text that defined view v */
K prim_view(K x) {
    PRIM_ARGS1(x);
    if (x->t != -KS) {
        r0(x);
        return kerr("type");
    }
    K t = env_view_text(env_qualify(x->s));
    r0(x);
    return t ? t : kerr("type");
}

/* reval x: value x as a read-only client would (-b): any write is 'noupdate */
K prim_reval(K x) {
    PRIM_ARGS1(x);
    bool saved = RT->lang.read_only;
    RT->lang.read_only = true;
    K r = lang_value(x);
    RT->lang.read_only = saved;
    return r;
}

K prim_assign(K x, K y) {
    PRIM_ARGS2(x, y);
    r0(x);
    return y;
}

K prim_value(K x) {
    PRIM_ARGS1(x);
    return lang_value(x);
}

K prim_eval(K x) {
    PRIM_ARGS1(x);
    if (x->t == KC)
        return lang_value(x);
    K r = eval_node(x, NULL);
    r0(x);
    return r;
}

K prim_parse(K x) {
    PRIM_ARGS1(x);
    if (x->t != KC && x->t != -KC) {
        r0(x);
        return kerr("type");
    }
    const char *s = x->t == KC ? kC(x) : (const char *)&x->g;
    size_t n = x->t == KC ? (size_t)x->n : 1;
    K r = parse_text(s, n, false);
    r0(x);
    return r;
}

/* x . y: apply x to the items of y */
K prim_dot(K x, K y) {
    PRIM_ARGS2(x, y);
    if (y->t < 0 && !obj_is_identity(y)) {
        r0(x);
        r0(y);
        return kerr("rank");
    }
    if (obj_is_identity(y)) {
        return eval_apply(x, &y, 1);
    }
    J n = obj_count(y);
    if (n > 8) {
        r0(x);
        r0(y);
        return kerr("rank");
    }
    K args[8];
    for (J i = 0; i < n; i++)
        args[i] = prim_item(y, i);
    r0(y);
    if (n == 0)
        return eval_apply(x, (K[]){obj_identity()}, 1);
    return eval_apply(x, args, (int)n);
}

static bool is_function(const K x) { return x->t >= KLAMBDA && x->t <= KFOREIGN; }

/* a trap's value: r when the call succeeded, else handler h applied to the error text (or h
 * itself when it is not a function) */
static K trap_result(K r, K h) {
    if (r) {
        r0(h);
        return r;
    }
    K text = obj_str(kerr_msg() ? kerr_msg() : "");
    kerr_clear();
    eval_trace_clear(); /* caught: its frames are no error's any more */
    if (is_function(h))
        return eval_apply(h, &text, 1);
    r0(text);
    return h;
}

/* @[f;x;handler] (trap) or @[x;i;f] / @[x;i;f;y] (amend) */
/* amending by name (@[`v;i;f], .[`v;p;f;y]): a global, or a file when the name is a file
 * handle `:path -- its contents are read, amended and written back, and a file not yet there
 * starts as () (so .[`:log;();:;()] makes an empty log, as q's tickerplant does) */

static bool names_file(S name) { return name[0] == ':'; }

/* `. (the root) or a namespace such as `.u: amended as the dictionary of its globals */
static bool names_namespace(S name) { return !strcmp(name, ".") || env_is_namespace(name); }

/* the value named (new reference), or NULL + error; whole says the old value is not needed */
static K amend_start(S name, bool whole) {
    if (whole) /* .[`v;();:;y] replaces v (or makes it) */
        return ktn(0, 0);
    if (names_namespace(name)) {
        K d = env_namespace_dict(strcmp(name, ".") ? name : sym_null);
        return d ? d : kerr(name);
    }
    if (!names_file(name)) {
        K x = env_get(env_qualify(name));
        return x ? x : kerr(name);
    }
    K h = obj_atom(-KS);
    h->s = name;
    K k = file_key(h);
    bool absent = k && k->t == 0 && k->n == 0;
    r0(k);
    if (absent) {
        r0(h);
        return ktn(0, 0);
    }
    return prim_get(h);
}

/* store r (consumed) under name: `name, or NULL */
static K amend_store(S name, K r) {
    K s = obj_atom(-KS);
    s->s = name;
    if (names_file(name))
        return prim_set(s, r);
    if (names_namespace(name) && r->t == XD && DICT_KEYS(r)->t == KS) { /* each global back */
        bool root = !strcmp(name, ".");
        K keys = DICT_KEYS(r), vals = DICT_VALS(r);
        for (J k = 0; k < keys->n; k++) {
            S key = kS(keys)[k];
            if (key == sym_null)
                continue;
            char full[512];
            snprintf(full, sizeof full, "%s.%s", name, key);
            if (env_set(root ? key : ss(full), prim_item(vals, k)) < 0) {
                r0(r);
                r0(s);
                return NULL;
            }
        }
        r0(r);
        return s;
    }
    if (env_set(env_qualify(name), r) < 0) {
        r0(s);
        return NULL;
    }
    return s;
}

/* @[`:dir;`c;f;y] with dir a directory (or not there yet): each symbol c of the index names
 * the file ` sv dir,c, amended whole -- so @[`:db/t;`.d;,;`new] appends to db/t/.d, and
 * @[`:db/t;`;:;t] splays t there (ref/amend.md: a handle to a datafile; ref/set.md: a path
 * ending in / is a splayed table).  Consumes i, fn and y; returns the handle. */
static K amend_files(S dir, K i, K fn, K y) {
    J n = i->t == -KS ? 1 : i->n;
    bool spread = y && i->t == KS && y->t >= 0 && obj_count(y) == n; /* y's items per file */
    K r = NULL;
    for (J j = 0; j < n; j++) {
        char path[1200];
        snprintf(path, sizeof path, "%s/%s", dir, i->t == -KS ? i->s : kS(i)[j]);
        S sub = ss(path);
        K yj = !y ? NULL : spread ? prim_item(y, j) : r1(y);
        K v;
        if (!fn) {
            v = yj;
        } else {
            K old = amend_start(sub, false);
            K a[2] = {old, yj};
            v = !old ? (r0(yj), (K)NULL) : eval_apply(r1(fn), a, yj ? 2 : 1);
        }
        r = v ? amend_store(sub, v) : NULL;
        if (!r)
            break;
        r0(r);
    }
    r0(i);
    r0(fn);
    r0(y);
    if (!r && n)
        return NULL;
    K h = obj_atom(-KS);
    h->s = dir;
    return h;
}

/* does the file handle name a directory, or nothing yet? */
static bool names_directory(S name) {
    struct stat st;
    return stat(name + 1, &st) < 0 || S_ISDIR(st.st_mode);
}

K prim_amend_n(K *args, int n) {
    if (n == 3 && is_function(args[0])) {
        RT->lang.trap_depth++;
        K r = eval_apply(args[0], &args[1], 1);
        RT->lang.trap_depth--;
        return trap_result(r, args[2]);
    }
    if (n != 3 && n != 4) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return kerr("rank");
    }
    K x = args[0], i = args[1], f = args[2], y = n == 4 ? args[3] : NULL;
    bool by_name = x->t == -KS;
    S name = by_name ? x->s : NULL;
    K fn = obj_is_identity(f) || (f->t == KBINARY && f->g == P_IDENTITY) ? (r0(f), (K)NULL) : f;
    if (!fn && !y) { /* @[x;i;:] needs a value */
        r0(x); r0(i);
        return kerr("rank");
    }
    if (by_name && names_file(name) && (i->t == -KS || i->t == KS) && names_directory(name)) {
        r0(x);
        return amend_files(name, i, fn, y);
    }
    if (by_name) {
        r0(x);
        x = amend_start(name, false);
        if (!x) {
            r0(i); r0(fn); r0(y);
            return NULL;
        }
    }
    K r = eval_amend(x, &i, 1, fn, y);
    r0(i);
    r0(fn);
    return r && by_name ? amend_store(name, r) : r;
}

/* .[f;args;handler] (trap) or .[x;path;f] / .[x;path;f;y] (amend at depth) */
K prim_dotamend_n(K *args, int n) {
    if (n == 3 && is_function(args[0])) {
        RT->lang.trap_depth++;
        K r = prim_dot(args[0], args[1]);
        RT->lang.trap_depth--;
        return trap_result(r, args[2]);
    }
    if (n != 3 && n != 4) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return kerr("rank");
    }
    K x = args[0], path = args[1], f = args[2], y = n == 4 ? args[3] : NULL;
    bool by_name = x->t == -KS;
    S name = by_name ? x->s : NULL;
    K fn = obj_is_identity(f) || (f->t == KBINARY && f->g == P_IDENTITY) ? (r0(f), (K)NULL) : f;
    J depth = path->t < 0 ? 1 : obj_count(path);
    if (by_name) {
        r0(x);
        x = amend_start(name, depth == 0 && !fn && y);
        if (!x) {
            r0(path); r0(fn); r0(y);
            return NULL;
        }
    }
    K idx[8];
    if (depth > 8) {
        r0(x); r0(path); r0(fn); r0(y);
        return kerr("rank");
    }
    for (J d = 0; d < depth; d++)
        idx[d] = path->t < 0 ? r1(path) : prim_item(path, d);
    K r = depth == 0 ? eval_amend(x, idx, 0, fn, y) : eval_amend(x, idx, (int)depth, fn, y);
    for (J d = 0; d < depth; d++)
        r0(idx[d]);
    r0(path);
    r0(fn);
    return r && by_name ? amend_store(name, r) : r;
}

/* key x: a dict's keys, a keyed table's key, til of a count, the names in a namespace or a
 * directory, an enumeration's domain, a vector's type name */
K prim_key(K x) {
    PRIM_ARGS1(x);
    if (x->t == XD) {
        K k = r1(DICT_KEYS(x));
        r0(x);
        return k;
    }
    if (x->t == XT) {
        r0(x);
        return ktn(KS, 0);
    }
    if (x->t == -KS && x->s[0] == ':') {
        K k = file_key(x);
        r0(x);
        return k;
    }
    if (x->t == -KS) {
        S s = x->s;
        r0(x);
        if (s == sym_null || (s[0] == '.' && !s[1]))
            return lang_names(s);
        /* a name is relative to the current context unless qualified (ref/key.md); `..a
         * names a of the root from any context */
        bool root = s[0] == '.' && s[1] == '.' && s[2];
        S g = root ? ss(s + 2) : env_qualify(s);
        S saved = RT->lang.context;
        if (root)
            RT->lang.context = sym_null;
        K d = env_get(g);
        RT->lang.context = saved;
        if (d && d->t == XD) {
            K k = r1(DICT_KEYS(d));
            r0(d);
            return k;
        }
        /* whether a name is defined: the name itself, or () when there is none */
        if (d) {
            r0(d);
            return ks(s);
        }
        kerr_clear();
        return ktn(0, 0);
    }
    if (x->t == -KJ || x->t == -KI || x->t == -KH || x->t == -KB || x->t == -KG)
        return prim_til(x);
    if (obj_is_enum(x->t) || obj_is_enum(-x->t)) { /* an enumeration: its domain's name */
        S d = enum_domain(x->t < 0 ? -x->t : x->t);
        r0(x);
        return ks(d ? d : sym_null);
    }
    if (x->t > 0 && x->t < KENUM) { /* a vector: the name of its type */
        static const char *const names[20] = {"", "boolean", "guid", "", "byte", "short", "int", "long",
            "real", "float", "char", "symbol", "timestamp", "month", "date", "datetime",
            "timespan", "minute", "second", "time"};
        int t = x->t;
        r0(x);
        return ks((S)names[t]);
    }
    r0(x);
    return kerr("type");
}
