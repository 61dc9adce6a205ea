/* env.c -- global variables and namespaces.
 *
 * A namespace is an insertion-ordered table of (name, value) with a pointer-hash index.  The
 * root namespace holds names without a leading dot; ".z.pg" lives in namespace ".z" under
 * "pg" (split at the last dot).  q shows a namespace as a dict whose first entry is
 * ` -> (::) (env_namespace_dict), which is what `key` and PyKX's context probe look at. */
#include <stdio.h>
#include <stdlib.h>

#include "lang_int.h"

typedef struct Namespace {
    S name;       /* "" for root, ".z" ... */
    S *keys;      /* names in insertion order */
    K *vals;      /* their values (owned); a view's parse tree when is_view */
    K *cache;     /* a view's value while it is valid (owned), else NULL */
    unsigned char *is_view; /* ENTRY_VALUE, or a view: pending, valid (cached) or being computed */
    size_t nviews; /* entries that are views (stores check dependants only when some are) */
    size_t n;     /* entries used */
    size_t cap;   /* entries allocated */
    size_t *slot; /* hash index: entry number + 1, 0 = empty */
    size_t mask;  /* index size - 1 */
} Namespace;

/* states of is_view[i]: a view is pending until read, then valid (its value cached) until a
 * name it depends on is stored (basics/syscmds.md \b \B, learn/views.md) */
enum { ENTRY_VALUE, ENTRY_VIEW, ENTRY_VIEW_BUSY, ENTRY_VIEW_VALID };


static size_t ptr_hash(S s) { return (size_t)(((uintptr_t)s >> 3) * 0x9e3779b97f4a7c15ULL); }

static Namespace *ns_find(S name, bool create) {
    for (size_t i = 0; i < RT->lang.nspaces; i++)
        if (RT->lang.spaces[i]->name == name)
            return RT->lang.spaces[i];
    if (!create)
        return NULL;
    Namespace *ns = mem_raw_calloc(1, sizeof *ns);
    Namespace **grown = mem_raw_realloc(RT->lang.spaces, (RT->lang.nspaces + 1) * sizeof *RT->lang.spaces);
    if (!ns || !grown) {
        mem_raw_free(ns);
        if (grown)
            RT->lang.spaces = grown;
        return NULL;
    }
    RT->lang.spaces = grown;
    ns->name = name;
    RT->lang.spaces[RT->lang.nspaces++] = ns;
    return ns;
}

static long ns_index(const Namespace *ns, S key) {
    if (!ns->slot)
        return -1;
    for (size_t j = ptr_hash(key) & ns->mask; ns->slot[j]; j = (j + 1) & ns->mask)
        if (ns->keys[ns->slot[j] - 1] == key)
            return (long)ns->slot[j] - 1;
    return -1;
}

static bool ns_reindex(Namespace *ns) {
    size_t size = 16;
    while (size < ns->cap * 2)
        size *= 2;
    size_t *slot = mem_raw_calloc(size, sizeof *slot);
    if (!slot)
        return false;
    mem_raw_free(ns->slot);
    ns->slot = slot;
    ns->mask = size - 1;
    for (size_t i = 0; i < ns->n; i++) {
        size_t j = ptr_hash(ns->keys[i]) & ns->mask;
        while (slot[j])
            j = (j + 1) & ns->mask;
        slot[j] = i + 1;
    }
    return true;
}

/* the names a view's parse tree e (borrowed) reads, in order, onto *out: names in
 * applications, not inside quoted constants (learn/views.md: (+;`b;`a) reads `b`a) */
static void view_deps(const K e, K *out) {
    if (e->t == -KS) {
        for (J k = 0; k < (*out)->n; k++)
            if (kS(*out)[k] == e->s)
                return;
        js(out, e->s);
        return;
    }
    if (e->t != 0 || e->n < 2 || !obj_stack_ok())
        return;
    for (J k = 0; k < e->n; k++)
        view_deps(kK(e)[k], out);
}

static void view_forget(Namespace *ns, size_t i) {
    r0(ns->cache[i]);
    ns->cache[i] = NULL;
    if (ns->is_view[i] == ENTRY_VIEW_VALID)
        ns->is_view[i] = ENTRY_VIEW;
}

/* key was stored: the root's views that read it (and the views that read those) are pending */
static void views_invalidate(S key) {
    Namespace *root = ns_find(sym_null, false);
    if (!root || !root->nviews)
        return;
    K changed = ktn(KS, 1);
    kS(changed)[0] = key;
    for (J c = 0; changed && c < changed->n; c++)
        for (size_t i = 0; i < root->n; i++) {
            if (root->is_view[i] != ENTRY_VIEW_VALID)
                continue;
            K deps = ktn(KS, 0);
            view_deps(root->vals[i], &deps);
            bool reads = false;
            for (J k = 0; deps && k < deps->n; k++)
                reads = reads || kS(deps)[k] == kS(changed)[c];
            r0(deps);
            if (reads) {
                view_forget(root, i);
                js(&changed, root->keys[i]);
            }
        }
    r0(changed);
}

static int ns_set(Namespace *ns, S key, K value) {
    views_invalidate(key);
    long i = ns_index(ns, key);
    if (i >= 0) {
        r0(ns->vals[i]);
        ns->vals[i] = value;
        if (ns->is_view[i] != ENTRY_VALUE)
            ns->nviews--;
        r0(ns->cache[i]);
        ns->cache[i] = NULL;
        ns->is_view[i] = ENTRY_VALUE;
        return 0;
    }
    if (ns->n == ns->cap) {
        size_t cap = ns->cap ? ns->cap * 2 : 16;
        S *keys = mem_raw_realloc(ns->keys, cap * sizeof *keys);
        if (keys)
            ns->keys = keys;
        K *vals = mem_raw_realloc(ns->vals, cap * sizeof *vals);
        if (vals)
            ns->vals = vals;
        unsigned char *views = mem_raw_realloc(ns->is_view, cap * sizeof *views);
        if (views)
            ns->is_view = views;
        K *cache = mem_raw_realloc(ns->cache, cap * sizeof *cache);
        if (cache)
            ns->cache = cache;
        if (!keys || !vals || !views || !cache) {
            r0(value);
            kerr("wsfull");
            return -1;
        }
        ns->cap = cap;
        if (!ns_reindex(ns)) {
            r0(value);
            kerr("wsfull");
            return -1;
        }
    }
    ns->keys[ns->n] = key;
    ns->vals[ns->n] = value;
    ns->cache[ns->n] = NULL;
    ns->is_view[ns->n] = ENTRY_VALUE;
    ns->n++;
    size_t j = ptr_hash(key) & ns->mask;
    while (ns->slot[j])
        j = (j + 1) & ns->mask;
    ns->slot[j] = ns->n;
    return 0;
}

/* split ".a.b.c" into namespace ".a.b" and key "c"; names without a leading dot are in the
 * root.  Returns false for a name that is itself a top-level namespace (".z"). */
static bool split_name(S name, S *ns, S *key) {
    if (name[0] != '.') {
        *ns = sym_null;
        *key = name;
        return true;
    }
    const char *dot = strrchr(name, '.');
    if (dot == name) { /* `.a`: kdb+ keeps a one-dot name in the root (unless .a is a namespace) */
        if (!name[1] || ns_find(name, false))
            return false;
        *ns = sym_null;
        *key = name;
        return true;
    }
    *ns = sym_intern(name, (size_t)(dot - name));
    *key = ss((S)dot + 1);
    return true;
}

S env_qualify(S name) {
    if (name[0] == '.' || RT->lang.context == sym_null)
        return name;
    char buf[512];
    snprintf(buf, sizeof buf, "%s.%s", RT->lang.context, name);
    return ss(buf);
}

bool env_is_namespace(S name) { return name[0] == '.' && ns_find(name, false) != NULL; }

K env_get(S name) {
    if (name[0] != '.' && RT->lang.context != sym_null) {
        K v = env_get(env_qualify(name));
        if (v)
            return v;
    }
    S ns_name, key;
    if (!split_name(name, &ns_name, &key))
        return env_namespace_dict(strcmp(name, ".") ? name : sym_null); /* `. is the root */
    Namespace *ns = ns_find(ns_name, false);
    if (!ns && ns_name[0] == '.' && ns_name[1] == 'z' && !ns_name[2])
        return zvals_get(name);
    if (!ns) {
        /* ".a.b" where .a.b is itself a namespace */
        return ns_find(name, false) ? env_namespace_dict(name) : NULL;
    }
    long i = ns_index(ns, key);
    if (i < 0) {
        if (ns_name[0] == '.' && ns_name[1] == 'z' && !ns_name[2])
            return zvals_get(name);
        if (ns_name[0] == '.' && ns_name[1] == 'q' && !ns_name[2]) { /* .q.neg: the keyword */
            K p = prim_lookup(key, strlen(key));
            if (p)
                return p;
        }
        return ns_find(name, false) ? env_namespace_dict(name) : NULL;
    }
    if (ns->is_view[i] == ENTRY_VIEW_BUSY) /* a view whose value needs itself */
        return kerr("loop");
    if (ns->is_view[i] == ENTRY_VIEW_VALID)
        return r1(ns->cache[i]);
    if (ns->is_view[i] == ENTRY_VIEW) { /* a pending view: evaluate its expression now */
        K tree = r1(ns->vals[i]);
        ns->is_view[i] = ENTRY_VIEW_BUSY;
        K v = eval_node(tree, NULL);
        i = ns_index(ns, key); /* the expression may have added, deleted or reassigned names */
        if (i >= 0 && ns->is_view[i] == ENTRY_VIEW_BUSY && ns->vals[i] == tree) {
            ns->is_view[i] = v ? ENTRY_VIEW_VALID : ENTRY_VIEW;
            if (v)
                ns->cache[i] = r1(v);
        } else if (i >= 0 && ns->is_view[i] == ENTRY_VIEW_BUSY) {
            ns->is_view[i] = ENTRY_VIEW;
        }
        r0(tree);
        return v;
    }
    return r1(ns->vals[i]);
}

static int env_store(S name, K value);

K env_take_any(S name) { return env_take(name, NULL); }

K env_take(S name, const K expect) {
    if (RT->lang.read_only)
        return NULL;
    if (name[0] != '.' && RT->lang.context != sym_null) {
        K v = env_take(env_qualify(name), expect);
        if (v)
            return v;
    }
    S ns_name, key;
    if (!split_name(name, &ns_name, &key))
        return NULL;
    Namespace *ns = ns_find(ns_name, false);
    long i = ns ? ns_index(ns, key) : -1;
    if (i < 0 || ns->is_view[i] != ENTRY_VALUE || (expect && ns->vals[i] != expect))
        return NULL;
    K v = ns->vals[i];
    ns->vals[i] = obj_identity();
    return v;
}

/* a dictionary stored under a namespace's own name sets the names its symbol keys give
 * (.ns[`b]:1 and @[`.ns;`c;:;2] amend the namespace as a dictionary); the key ` is skipped */
static int ns_set_entries(S name, K dict) {
    K keys = DICT_KEYS(dict), vals = DICT_VALS(dict);
    int rc = 0;
    for (J i = 0; rc == 0 && i < keys->n; i++) {
        if (kS(keys)[i] == sym_null)
            continue;
        char full[512];
        snprintf(full, sizeof full, "%s.%s", name, kS(keys)[i]);
        rc = env_store(ss(full), prim_item(vals, i));
    }
    r0(dict);
    return rc;
}

/* the store itself, unguarded: env_set and env_set_runtime */
static int env_store(S name, K value) {
    S ns_name, key;
    if (env_is_namespace(name) && value->t == XD && DICT_KEYS(value)->t == KS)
        return ns_set_entries(name, value);
    if (!split_name(name, &ns_name, &key)) {
        r0(value);
        kerr("assign");
        return -1;
    }
    Namespace *ns = ns_find(ns_name, true);
    if (!ns) {
        r0(value);
        kerr("wsfull");
        return -1;
    }
    return ns_set(ns, key, value);
}

/* the guard for globals: read-only mode, or a peach body on (what kdb+ runs as) a secondary
 * thread, which basics/peach.md lets update local variables only */
static bool globals_refused(void) {
    if (RT->lang.peach_depth > 0 && !RT->lang.read_only) {
        kerr("noupdate");
        return true;
    }
    return lang_refuse_update();
}

/* Every store a query can cause ends here (or in env_delete / env_set_view): the read-only
 * guard for globals is this test. */
int env_set(S name, K value) {
    if (globals_refused()) {
        r0(value);
        return -1;
    }
    return env_store(name, value);
}

int env_set_runtime(S name, K value) { return env_store(name, value); }

/* delete names from namespace ns (`. the root): 0, or -1 with 'type when ns is none
 * ('noupdate when read-only) */
int env_delete(S ns_name, const K names) {
    if (globals_refused())
        return -1;
    S key = !strcmp(ns_name, ".") ? sym_null : ns_name;
    Namespace *ns = ns_find(key, false);
    if (!ns) {
        kerr("type");
        return -1;
    }
    for (J k = 0; k < names->n; k++) {
        long i = ns_index(ns, kS(names)[k]);
        if (i < 0)
            continue;
        views_invalidate(kS(names)[k]);
        r0(ns->vals[i]);
        r0(ns->cache[i]);
        if (ns->is_view[i] != ENTRY_VALUE)
            ns->nviews--;
        size_t rest = ns->n - (size_t)i - 1;
        memmove(ns->keys + i, ns->keys + i + 1, rest * sizeof *ns->keys);
        memmove(ns->vals + i, ns->vals + i + 1, rest * sizeof *ns->vals);
        memmove(ns->cache + i, ns->cache + i + 1, rest * sizeof *ns->cache);
        memmove(ns->is_view + i, ns->is_view + i + 1, rest * sizeof *ns->is_view);
        ns->n--;
        ns_reindex(ns);
    }
    return 0;
}

/* the source text of each view, for `view` (names and texts in step) */

K env_view_text(S name) {
    for (J i = 0; RT->lang.view_names && i < RT->lang.view_names->n; i++)
        if (kS(RT->lang.view_names)[i] == name)
            return r1(kK(RT->lang.view_texts)[i]);
    return NULL;
}

int env_set_view(S name, K tree, K text) {
    if (globals_refused()) { /* before the view's text is recorded */
        r0(tree);
        r0(text);
        return -1;
    }
    if (text) {
        J i = 0;
        while (RT->lang.view_names && i < RT->lang.view_names->n && kS(RT->lang.view_names)[i] != name)
            i++;
        if (!RT->lang.view_names) {
            RT->lang.view_names = ktn(KS, 0);
            RT->lang.view_texts = ktn(0, 0);
        }
        if (i < RT->lang.view_names->n) {
            r0(kK(RT->lang.view_texts)[i]);
            kK(RT->lang.view_texts)[i] = text;
        } else {
            js(&RT->lang.view_names, name);
            jk(&RT->lang.view_texts, text);
        }
    }
    if (env_set(name, tree) < 0)
        return -1;
    S ns_name = sym_null, key = name;
    if (!split_name(name, &ns_name, &key))
        return 0;
    Namespace *ns = ns_find(ns_name, false);
    long i = ns ? ns_index(ns, key) : -1;
    if (i >= 0) {
        ns->is_view[i] = ENTRY_VIEW;
        ns->nviews++;
    }
    return 0;
}

/* the views of namespace ns, sorted; only the pending ones when pending */
static K views_list(S ns_name, bool pending) {
    K v = ktn(KS, 0);
    Namespace *ns = ns_find(ns_name, false);
    for (size_t i = 0; ns && i < ns->n; i++)
        if (ns->is_view[i] && (!pending || ns->is_view[i] != ENTRY_VIEW_VALID))
            js(&v, ns->keys[i]);
    K r = v ? prim_asc(v) : NULL;
    if (r && (pending || !r->n) && r->u == ATTR_S) /* \B and no views show no attribute */
        r->u = ATTR_NONE;
    return r;
}

K env_views(S ns) { return views_list(ns, false); }

K env_views_pending(S ns) { return views_list(ns, true); }

K env_names(S ns_name) {
    Namespace *ns = ns_find(ns_name, false);
    K v = ktn(KS, 0);
    if (!ns || !v)
        return v;
    for (size_t i = 0; i < ns->n; i++)
        js(&v, ns->keys[i]);
    /* child namespaces of the root: .z .q ... are listed by `key `` only as themselves */
    return v;
}

static bool sym_in_list(const K v, S name) {
    for (J i = 0; i < v->n; i++)
        if (kS(v)[i] == name)
            return true;
    return false;
}

/* the keywords .q holds, in the order q's q.k defines them (key `.q, ref/key.md; .q?(+:) is
 * `flip, basics/parsetrees.md): the primitives are openq's own (src/prim/prims.def), the rest
 * .q's entries (boot.q); names openq lacks are passed over */
static const char *const q_keywords[] = {
    "neg", "not", "null", "string", "reciprocal", "floor", "ceiling", "signum", "mod", "xbar",
    "xlog", "and", "or", "each", "scan", "over", "prior", "mmu", "lsq", "inv", "md5", "ltime",
    "gtime", "count", "first", "svar", "sdev", "scov", "med", "all", "any", "rand", "sums", "prds",
    "mins", "maxs", "fills", "deltas", "ratios", "avgs", "differ", "prev", "next", "rank",
    "reverse", "iasc", "idesc", "asc", "desc", "msum", "mcount", "mavg", "mdev", "xrank", "mmin",
    "mmax", "xprev", "rotate", "ema", "distinct", "group", "where", "flip", "type", "key", "til",
    "get", "value", "attr", "cut", "set", "upsert", "raze", "union", "inter", "except", "cross",
    "sv", "vs", "sublist", "read0", "read1", "hclose", "hdel", "hsym", "hcount", "peach", "system",
    "ltrim", "rtrim", "trim", "lower", "upper", "ssr", "view", "tables", "views", "cols", "xcols",
    "keys", "xkey", "xcol", "xasc", "xdesc", "fkeys", "meta", "lj", "ljf", "aj", "aj0", "ajf",
    "ajf0", "ij", "ijf", "pj", "asof", "uj", "ujf", "wj", "wj1", "fby", "xgroup", "ungroup", "ej",
    "save", "load", "rsave", "rload", "dsave", "show", "csv", "parse", "eval", "reval",
};

/* .z.b: each name the root's views read, with the views that read it, in definition order */
K env_view_dependencies(void) {
    K names = ktn(KS, 0), users = ktn(0, 0);
    Namespace *root = ns_find(sym_null, false);
    for (size_t i = 0; root && names && users && i < root->n; i++) {
        if (root->is_view[i] == ENTRY_VALUE)
            continue;
        K deps = ktn(KS, 0);
        if (deps)
            view_deps(root->vals[i], &deps);
        for (J d = 0; deps && d < deps->n; d++) {
            J k = 0;
            while (k < names->n && kS(names)[k] != kS(deps)[d])
                k++;
            if (k == names->n) {
                js(&names, kS(deps)[d]);
                jk(&users, ktn(KS, 0));
                if (!names || !users)
                    break;
            }
            js(&kK(users)[k], root->keys[i]);
        }
        r0(deps);
    }
    if (!names || !users) {
        r0(names);
        r0(users);
        return kerr("wsfull");
    }
    return xD(names, users);
}

/* entry i of ns, a view, as `. holds it: (its value or ::; parse tree; dependencies; text) */
static K view_object(const Namespace *ns, size_t i) {
    K deps = ktn(KS, 0);
    if (deps)
        view_deps(ns->vals[i], &deps);
    K text = env_view_text(ns->keys[i]);
    K v = obj_vec(KVIEW, 4);
    if (!v || !deps) {
        r0(v);
        r0(deps);
        r0(text);
        return NULL;
    }
    kK(v)[0] = ns->is_view[i] == ENTRY_VIEW_VALID && ns->cache[i] ? r1(ns->cache[i]) : obj_identity();
    kK(v)[1] = r1(ns->vals[i]);
    kK(v)[2] = deps;
    kK(v)[3] = text ? text : obj_strn("", 0);
    return v;
}

K env_namespace_dict(S name) {
    Namespace *ns = ns_find(name, false);
    if (!ns)
        return NULL;
    K keys = ktn(KS, 1), vals = ktn(0, 1);
    if (!keys || !vals) {
        r0(keys);
        r0(vals);
        return NULL;
    }
    kS(keys)[0] = sym_null;
    kK(vals)[0] = obj_identity();
    bool dotq = name[0] == '.' && name[1] == 'q' && !name[2];
    for (size_t k = 0; dotq && k < ARRAY_LEN(q_keywords); k++) {
        S kw = sym_intern(q_keywords[k], strlen(q_keywords[k]));
        long i = ns_index(ns, kw);
        K v = i >= 0 ? r1(ns->vals[i]) : prim_lookup(kw, strlen(kw));
        if (v) {
            js(&keys, kw);
            jk(&vals, v);
        }
    }
    for (size_t i = 0; i < ns->n; i++) {
        if (dotq && sym_in_list(keys, ns->keys[i]))
            continue; /* listed among the keywords */
        js(&keys, ns->keys[i]);
        jk(&vals, ns->is_view[i] == ENTRY_VALUE ? r1(ns->vals[i]) : view_object(ns, i));
    }
    return xD(keys, vals);
}

/* every namespace name (for `key `) */
K env_all_namespaces(void) {
    K v = ktn(KS, 0);
    for (size_t i = 0; v && i < RT->lang.nspaces; i++)
        if (RT->lang.spaces[i]->name != sym_null && !strchr(RT->lang.spaces[i]->name + 1, '.') &&
            strcmp(RT->lang.spaces[i]->name, ".z"))
            js(&v, RT->lang.spaces[i]->name + 1); /* `key `` lists q Q h pykx ..., not z, as q does */
    return v;
}

void env_init(void) {
    RT->lang.context = sym_null;
    ns_find(sym_null, true);
    ns_find(ss(".q"), true);
    ns_find(ss(".Q"), true);
    ns_find(ss(".h"), true);
    ns_find(ss(".z"), true);
}

void env_free(void) {
    r0(RT->lang.view_names);
    r0(RT->lang.view_texts);
    RT->lang.view_names = RT->lang.view_texts = NULL;
    for (size_t i = 0; i < RT->lang.nspaces; i++) {
        Namespace *ns = RT->lang.spaces[i];
        for (size_t j = 0; j < ns->n; j++) {
            r0(ns->vals[j]);
            r0(ns->cache[j]);
        }
        mem_raw_free(ns->keys);
        mem_raw_free(ns->vals);
        mem_raw_free(ns->cache);
        mem_raw_free(ns->is_view);
        mem_raw_free(ns->slot);
        mem_raw_free(ns);
    }
    mem_raw_free(RT->lang.spaces);
    RT->lang.spaces = NULL;
    RT->lang.nspaces = 0;
}
