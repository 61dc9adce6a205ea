/* lang.c -- the interpreter's entry points (lang.h): start-up (the embedded boot.q and
 * doth.q, q functions with C bodies), value, and globals by name. Scripts are script.c's,
 * one console input toplevel.c's, the primitives about evaluation evalprim.c's. */
#include <stdio.h>
#include <stdlib.h>

#include "../fmt/fmt.h"
#include "lang_int.h"

/* q functions whose bodies are C, bound at start-up as callable foreign objects */
typedef struct Native {
    const char *name; /* the global it is bound to */
    K (*fn)(K x);     /* the body: x consumed (the arguments as one list past rank 1) */
    int rank;         /* 0 means 1 */
} Native;

static K native_json(K x) { /* .j.j x */
    K r = prim_json_text(x, false);
    r0(x);
    return r;
}

static K native_json_options(K x) { /* .j.jd (x;d): d`null0w says infinities are null */
    if (x->t != 0 || x->n != 2 || kK(x)[1]->t != XD) {
        r0(x);
        return kerr("type");
    }
    K opt = prim_at(r1(kK(x)[1]), ks(ss("null0w")));
    bool null0w = opt && opt->t == -KB && opt->g;
    r0(opt);
    kerr_clear();
    K r = prim_json_text(kK(x)[0], null0w);
    r0(x);
    return r;
}

static K native_show_text(K x) { /* .Q.s x: the console's text of x, ending with a newline */
    if (obj_is_identity(x)) {
        r0(x);
        return obj_strn("", 0);
    }
    K s = fmt_console(x);
    r0(x);
    if (s && s->n)
        s = obj_push_items(s, "\n", 1);
    return s;
}

/* .Q.S[(rows;cols);j;x]: the console's text of x (a table from row j) at that display size,
 * as \C gives it for HTTP pages (.h.jx) */
static K native_sized_text(K a) {
    K size = kK(a)[0], j = kK(a)[1], x = kK(a)[2];
    J rc[2] = {0, 0};
    bool ok = size->t == KJ && size->n == 2 ? (rc[0] = kJ(size)[0], rc[1] = kJ(size)[1], true)
            : size->t == KI && size->n == 2 ? (rc[0] = kI(size)[0], rc[1] = kI(size)[1], true)
            : false;
    J from = j->t == -KJ ? j->j : j->t == -KI ? j->i : -1;
    if (!ok || from < 0) {
        r0(a);
        return kerr("type");
    }
    K t = r1(x);
    if (from && (t->t == XT || (t->t == XD && DICT_KEYS(t)->t == XT))) {
        K n = kj(from);
        t = n ? prim_drop(n, t) : (r0(t), (K)NULL);
    }
    r0(a);
    if (!t)
        return NULL;
    int rows = RT->fmt.settings.console_rows, cols = RT->fmt.settings.console_cols;
    RT->fmt.settings.console_rows = (int)(rc[0] < 10 ? 10 : rc[0] > 2000 ? 2000 : rc[0]);
    RT->fmt.settings.console_cols = (int)(rc[1] < 10 ? 10 : rc[1] > 2000 ? 2000 : rc[1]);
    K s = native_show_text(t);
    RT->fmt.settings.console_rows = rows;
    RT->fmt.settings.console_cols = cols;
    return s;
}

static K native_hg(K x) { /* .Q.hg url: the body of an HTTP[S] GET */
    K r = RT->svc.http_fetch ? RT->svc.http_fetch(x, NULL, NULL) : kerr("nyi");
    r0(x);
    return r;
}

/* .Q.hp's body, given (url;mime type;body); boot.q makes the three-argument .Q.hp of it, so
 * it projects like any q function */
static K native_hp(K x) {
    K r = x->t != 0 || x->n != 3 ? kerr("rank")
          : RT->svc.http_fetch ? RT->svc.http_fetch(kK(x)[0], kK(x)[1], kK(x)[2]) : kerr("nyi");
    r0(x);
    return r;
}

static K native_backtrace(K x) { /* .Q.bt[]: print the running frames (basics/debug.md) */
    r0(x);
    K s = eval_backtrace_text();
    if (!s)
        return NULL;
    lang_print(1, kC(s), (size_t)s->n, false);
    r0(s);
    return obj_identity();
}

static K native_trp(K x) { /* .Q.trp[f;x;h] */
    K f = r1(kK(x)[0]), a = r1(kK(x)[1]), h = r1(kK(x)[2]);
    r0(x);
    return eval_trp(f, a, h, false);
}

static K native_trpd(K x) { /* .Q.trpd[f;args;h] */
    K f = r1(kK(x)[0]), a = r1(kK(x)[1]), h = r1(kK(x)[2]);
    r0(x);
    return eval_trp(f, a, h, true);
}

static const Native natives[] = {
    {".Q.trp", native_trp, 3},
    {".Q.trpd", native_trpd, 3},
    {".j.j", native_json},
    {".j.jd", native_json_options},
    {".Q.s", native_show_text},
    {".Q.bt", native_backtrace},
    {".Q.atob", prim_atob},
    {".Q.hg", native_hg},
    {".Q.hp", native_hp},
    {".Q.S", native_sized_text, 3},
};

static K native_call(void *p, K *args, int n) {
    const Native *f = p;
    int rank = f->rank ? f->rank : 1;
    if (n != rank) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return kerr("rank");
    }
    if (rank == 1)
        return f->fn(args[0]);
    K list = ktn(0, n);
    if (!list) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        kK(list)[i] = args[i];
    return f->fn(list);
}

static void bind_natives(void) {
    for (size_t i = 0; i < ARRAY_LEN(natives); i++)
        lang_set(ss((S)natives[i].name),
                 obj_foreign_fn((void *)&natives[i], NULL, native_call, natives[i].rank ? natives[i].rank : 1));
}

void lang_print(int fd, const char *s, size_t n, bool newline) {
    FILE *out = fd == 2 ? stderr : stdout;
    fwrite(s, 1, n, out);
    if (newline)
        fputc('\n', out);
    fflush(out);
}


K lang_names(S ns) {
    if (ns == sym_null) /* key `: the namespaces */
        return env_all_namespaces();
    if (!strcmp(ns, ".")) /* key `.: the root's names */
        return env_names(sym_null);
    return env_names(ns);
}

/* the layer's teardown (base/runtime.h), registered by lang_init */
static void lang_state_free(void) {
    part_free();
    env_free();
    eval_trace_clear();
    parse_free();
    zvals_free();
}

int lang_init(void) {
    if (RT->lang.initialised)
        return 0;
    RT->lang.initialised = true;
    runtime_on_free(RT_LANG, lang_state_free);
    prim_init();
    env_init();
    /* what the layers below ask of the evaluator (src/base/services.h) */
    RT->svc.apply = lang_apply;
    RT->svc.global_get = env_get;
    RT->svc.global_take = env_take_any;
    RT->svc.keyword = prim_lookup;
    RT->svc.global_names = lang_names;
    RT->svc.assign_global = lang_assign_global;
    RT->svc.set_global = env_set;
    RT->svc.past_deadline = eval_past_deadline;
    bind_natives();
    part_init();
    K r = lang_eval(lang_boot_q, strlen(lang_boot_q));
    if (r) {
        r0(r);
        r = lang_eval(lang_boot_h, strlen(lang_boot_h));
    }
    if (!r) {
        fprintf(stderr, "openq: boot failed: %s\n", kerr_msg());
        kerr_clear();
        return -1;
    }
    r0(r);
    return 0;
}

void lang_free(void) { runtime_reset(); }

static K eval_string(const char *s, size_t n) {
    if (n && s[0] == '\\')
        return sys_command(s + 1, n - 1);
    bool k_mode = n >= 2 && s[0] == 'k' && s[1] == ')';
    K tree = parse_text(s + (k_mode ? 2 : 0), n - (k_mode ? 2 : 0), k_mode);
    if (!tree)
        return NULL;
    K r = eval_node(tree, NULL);
    r0(tree);
    return r;
}

/* q's value: strings evaluate, symbols look up, lists apply, dicts give values, lambdas
 * show their parts */
K lang_value(K x) {
    ASSERT(RT->lang.initialised);
    if (!x)
        return NULL;
    switch (x->t) {
    case KVIEW: { /* (value or ::; parse tree; dependencies; text), learn/views.md */
        K r = ktn(0, x->n);
        for (J i = 0; r && i < x->n; i++)
            kK(r)[i] = r1(kK(x)[i]);
        r0(x);
        return r;
    }
    case KC: {
        K r = eval_string(kC(x), (size_t)x->n);
        r0(x);
        return r;
    }
    case -KC: {
        K r = eval_string((char *)&x->g, 1);
        r0(x);
        return r;
    }
    case -KS: {
        if (x->s[0] == ':') /* a file symbol: the content of the data file */
            return prim_get(x);
        K r = env_get(x->s);
        if (!r && x->s[0] != '.') {
            char buf[256];
            snprintf(buf, sizeof buf, ".q.%s", x->s);
            r = env_get(ss(buf));
        }
        K err = r ? NULL : kerr(x->s);
        UNUSED(err);
        r0(x);
        return r;
    }
    case XD: {
        K v = r1(DICT_VALS(x));
        r0(x);
        return v;
    }
    case 0: {
        if (x->n == 0)
            return x;
        /* (f; a; b): f may be a name (symbol or string) or a function */
        K head = r1(kK(x)[0]);
        if (head->t == KC || head->t == -KC) {
            K fn = lang_value(head);
            head = fn;
        } else if (head->t == -KS) {
            K fn = lang_value(head);
            head = fn;
        }
        if (!head) {
            r0(x);
            return NULL;
        }
        int n = (int)x->n - 1;
        K args[8];
        if (n > 8) {
            r0(head);
            r0(x);
            return kerr("rank");
        }
        /* value applies f to the other items as they are: a nested parse tree is data, not
         * evaluated (that is eval's work), so value(+;7;(+;2;1)) is 'type (basics/parsetrees.md) */
        for (int i = 0; i < n; i++)
            args[i] = r1(kK(x)[i + 1]);
        r0(x);
        return eval_apply(head, args, n);
    }
    case KLAMBDA: {
        K f = lambda_ensure_parsed(x);
        if (!f)
            return NULL;
        K r = parse_lambda_value(f);
        r0(f);
        return r;
    }
    case KPROJ: case KCOMP: {
        K v = obj_vec(0, x->n);
        for (J i = 0; v && i < x->n; i++)
            kK(v)[i] = r1(kK(x)[i]);
        r0(x);
        return v;
    }
    case KEACH: case KOVER: case KSCAN: case KPRIOR: case KEACHR: case KEACHL: {
        K v = r1(kK(x)[0]);
        r0(x);
        return v;
    }
    }
    if ((x->t == KUNARY || x->t == KBINARY) && x->g < PRIM_COUNT) { /* an operator: its code */
        int code = x->t == KUNARY ? prim_table[x->g].u_code : prim_table[x->g].b_code;
        if (x->t == KUNARY && x->g == PRIM_IDENTITY)
            code = 0;
        char pb[8];
        const char *d = prim_display(x, pb);
        if (code < 0 && strlen(d) == 2 && d[1] == ':') { /* a keyword q.k defines as a glyph's
                                                          * unary form: get is .: (ref/value.md) */
            K g = prim_lookup(d, 1);
            if (g && g->g < PRIM_COUNT)
                code = prim_table[g->g].u_code;
            r0(g);
        }
        if (code >= 0) {
            r0(x);
            return kj(code);
        }
        /* a keyword q.k defines as a derived function (deltas is -':, sums +\): its value is
         * the argument of the iterator (ref/value.md "derived function") */
        size_t dl = strlen(d);
        if (x->g != PRIM_IDENTITY && dl >= 2 && strchr("+-*%!&|<>=~,^#_$?@.:", d[0]) &&
            (!strcmp(d + 1, "'") || !strcmp(d + 1, "/") || !strcmp(d + 1, "\\") ||
             !strcmp(d + 1, "':") || !strcmp(d + 1, "/:") || !strcmp(d + 1, "\\:"))) {
            K g = prim_lookup(d, 1);
            if (g) {
                r0(x);
                return g;
            }
        }
        return x;
    }
    if (obj_is_enum(x->t) || obj_is_enum(-x->t))
        return prim_unenum(x); /* value of an enumeration: its symbols */
    if (x->t > 0 && x->t < KENUM)
        return x; /* value of a vector is itself */
    return x;
}

K lang_get(S name) {
    ASSERT(RT->lang.initialised); /* lang_init made the namespaces */
    K v = env_get(name);
    return v;
}

int lang_set(S name, K v) {
    ASSERT(RT->lang.initialised);
    return env_set(name, v);
}

int lang_set_runtime(S name, K v) { return env_set_runtime(name, v); }

bool lang_refuse_update(void) {
    if (RT->lang.read_only)
        kerr("noupdate");
    return RT->lang.read_only;
}

/* `name set v: a global in the current context ('noupdate in read-only mode); v or NULL */
K lang_assign_global(S name, K v) {
    if (env_set(env_qualify(name), r1(v)) < 0) {
        r0(v);
        return NULL;
    }
    return v;
}

