/* lang.c -- the interpreter's entry points (lang.h): init, eval of source text, value,
 * the console's handling of one input, and the primitives about evaluation itself
 * (value, parse, eval, @ . and amend, internal n!x functions, show, exit, getenv). */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "../fmt/fmt.h"
#include "../ipc/ipc.h"
#include "lang_int.h"


/* the server's deferred replies, when linked (src/net) */
extern K net_deferred(K x) OQ_WEAK;

/* the IPC codec, when linked (src/ipc) */
extern K ipc_encode(const K x, int msgtype, int capability, int compress) OQ_WEAK;
extern K ipc_decode(const G *msg, size_t n) OQ_WEAK;
K eval_amend(K x, K *idx, int depth, K f, K y);
K env_all_namespaces(void);

/* q source run at start-up: the keywords q itself defines in q, kept in .q */
static const char *boot_q =
    ".q.each:{x'y}\n"
    ".q.over:{x/y}\n"
    ".q.scan:{x\\y}\n"
    ".q.prior:{x':y}\n"
    ".q.peach:{x'y}\n"
    ".Q.t:\" bg xhijefcspmdznuvts\"\n"
    ".Q.n:\"0123456789\"\n"
    ".Q.a:\"abcdefghijklmnopqrstuvwxyz\"\n"
    ".Q.A:\"ABCDEFGHIJKLMNOPQRSTUVWXYZ\"\n"
    ".Q.nA:.Q.n,.Q.A\n"
    ".Q.s1:{-3!x}\n"
    /* .Q.trp[f;x;h]: h gets the error text and a backtrace (none is kept here) */
    ".Q.trp:{[f;x;h] @[f;x;{[h;e] h[e;()]}[h]]}\n"
    ".Q.sbt:{\"\"}\n"
    ".q.csv:\",\"\n"
    ".q.rand:{first 1?x}\n"
    /* .Q.res: q's reserved words; .Q.ty: the type letter of a list (lower case for a vector,
     * upper case for a list of vectors of one type, else blank) */
    ".Q.res:`abs`acos`asin`atan`avg`bin`binr`cor`cos`cov`delete`dev`div`do`enlist`exec`exit`exp`from`getenv`hopen`if`in`insert`last`like`log`max`min`prd`select`setenv`sin`sqrt`ss`sum`tan`update`var`wavg`where`while`within`wsum`xexp\n"
    /* .Q.id: a name (or a table's columns, a dict's keys) made a valid q name: only .Q.an
     * chars, "a" when none is left or before a leading digit or _, "1" after a reserved word or
     * keyword; repeated column names numbered 1, 2, ... after the first */
    ".Q.id:{[kw;x]f:{[kw;x]s:(string x) where (string x) in .Q.an;s:$[\"\"~s;\"a\";s[0] in .Q.n,\"_\";\"a\",s;s];"
    "`$$[(`$s) in .Q.res,kw;s,\"1\";s]}[kw];"
    "u:{o:{sum(x#y)=y x}[;x]each til count x;`$(string x),'{$[x;string x;\"\"]}each o};"
    "$[98h=type x;(u f each cols x) xcol x;99h=type x;(u f each key x)!value x;f x]}[`aj`aj0`ajf`ajf0`all`and`any`asc`asof`attr`avgs`ceiling`cols`count`cross`cut`deltas`desc`differ`distinct`each`ej`ema`eval`except`fby`fills`first`fkeys`flip`floor`get`group`gtime`hclose`hcount`hdel`hsym`iasc`idesc`ij`ijf`inter`inv`key`keys`lj`ljf`load`lower`lsq`ltime`ltrim`mavg`maxs`mcount`md5`mdev`med`meta`mins`mmax`mmin`mmu`mod`msum`neg`next`not`null`or`over`parse`peach`pj`prds`prev`prior`rank`ratios`raze`read0`read1`reciprocal`reval`reverse`rload`rotate`rsave`rtrim`save`scan`scov`sdev`set`show`signum`ssr`string`sublist`sums`sv`svar`system`tables`til`trim`type`uj`ujf`ungroup`union`upper`upsert`value`view`views`vs`wj`wj1`xasc`xbar`xcol`xcols`xdesc`xgroup`xkey`xlog`xprev`xrank]\n"
    ".Q.an:.Q.a,.Q.A,\"_\",.Q.n\n"
    ".Q.ty:{$[(t:type x)within 1 20h;.Q.t t;t within 20 76h;\"s\";t;\" \";"
    "1<>count u:distinct type each x;\" \";(first u)within 1 19h;upper .Q.t first u;\" \"]}\n"
    /* files: .Q.dd joins a path; .Q.en enumerates a table's symbol columns against `sym,
     * kept in the file dir/sym; dsave splays tables, enumerated, first column parted */
    ".Q.dd:{` sv x,`$string y}\n"
    ".Q.ens:{[d;t;s] f:.Q.dd[d;s]; s set $[()~key f;`symbol$();get f];"
    " c:where {11h=type x} each t c0:cols t; if[count c; t:![t;();0b;c0[c]!{[s;x]((s?);x)}[s] each c0 c];"
    " f set value s]; t}\n"
    ".Q.en:{[d;t] .Q.ens[d;t;`sym]}\n"
    /* partitioned databases: .Q.pdn names a partition's directory (2024.01.31 2024.01 2024 42);
     * .Q.par locates partition p of table t, round robin over the segments of par.txt;
     * .Q.dpft saves table t as partition p, enumerated, sorted by f with `p# on it and f
     * first after the partition field */
    ".Q.pdn:{$[-13h=type x;7#string x;string x]}\n"
    ".Q.par:{[d;p;t] s:$[`par.txt in key d;`$\":\",/:read0 .Q.dd[d;`par.txt];enlist d];"
    " ` sv (s (`long$p) mod count s),(`$.Q.pdn p),t}\n"
    ".Q.dpfts:{[d;p;f;t;s] v:0!value t; if[not f in cols v;'f]; v:.Q.ens[d;f xasc v;s];"
    " (` sv .Q.par[d;p;t],`) set @[f xcols v;f;`p#]; t}\n"
    ".Q.dpft:{[d;p;f;t] .Q.dpfts[d;p;f;t;`sym]}\n"
    ".Q.dpts:{[d;p;t;s] (` sv .Q.par[d;p;t],`) set .Q.ens[d;0!value t;s]; t}\n"
    ".Q.dpt:{[d;p;t] .Q.dpts[d;p;t;`sym]}\n"
    ".Q.hdpf:{[h;d;p;f] {[d;p;f;t] .Q.dpft[d;p;f;t]; t set 0#value t}[d;p;f] each tables`.;"
    " if[h:@[hopen;h;0]; h\"\\\\l .\"; hclose h]}\n"
    ".q.dsave:{[d;t] {[d;t] .Q.dd[d;t,`] set @[.Q.en[d] value t;first cols value t;`p#]; t}[d] each t}\n"
    /* the command line: .Q.opt reads options (-name values...) into a dictionary of their
     * values (lists of strings) and keeps the arguments before the first one in .Q.x;
     * .Q.def overrides defaults with them, parsed to each default's type */
    ".Q.x:()\n"
    ".Q.opt:{[o] .Q.x::$[count i:where o like \"-[^0-9]*\";i[0]#o;o];"
    " (`$1_'first each o)!1_'o:i _ o}\n"
    ".Q.def:{[d;o] k:(key d) inter key o; d,k!{$[10h=abs t:type x;$[t<0;first first y;first y];"
    " t<0;(upper .Q.t neg t)$first y;(upper .Q.t t)$y]}'[d k;o k]}\n"
    /* JSON, digests and base64 (json.c, codec.c; .j.j .j.jd .Q.s .Q.atob are bound in C) */
    ".j.k:{-29!x}\n"
    ".Q.sha1:{-33!x}\n"
    ".Q.btoa:{-32!x}\n"
    ".Q.b6:\"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/\"\n"
    ".Q.x10:{.Q.b6(10#64)vs x}\n"
    ".Q.j10:{64 sv .Q.b6?x}\n"
    ".Q.x12:{.Q.nA(12#36)vs x}\n"
    ".Q.j12:{36 sv .Q.nA?x}\n"
    /* .Q.f: y to x decimal places, sign kept (-0.00); .Q.fmt: right-aligned in x chars, x#"*"
     * when it does not fit */
    ".Q.f:{[x;y]$[null y;\"\";(0w=abs y)|1e17<=abs[y]*10 xexp x;string y;"
    "[d:string\"j\"$abs[y]*10 xexp x;d:((0|1+x-count d)#\"0\"),d;((y<0)#\"-\"),(neg[x]_d),$[x>0;\".\",neg[x]#d;\"\"]]]}\n"
    ".Q.fmt:{[x;y;z]$[x<count s:.Q.f[y;z];x#\"*\";neg[x]$s]}\n"
    /* memory: \\w's figures by name; .Q.gc returns pooled memory to the OS */
    ".Q.w:{`used`heap`peak`wmax`mmap`mphy`syms`symw!(system\"w\"),system\"w 0\"}\n"
    ".Q.gc:{-20!0}\n"
    ".Q.host:{-12!x}\n"
    ".Q.addr:{-13!x}\n"
    /* .Q.fsn[f;file;n]: f of the complete lines of each chunk of about n bytes; the file's size */
    ".Q.fsn:{[f;x;n]s:hcount x;o:0;while[o<s;b:`char$read1(x;o;n&s-o);"
    "k:$[(o+count b)<s;1+last where\"\\n\"=b;count b];if[null k;k:count b];"
    "f -1_\"\\n\" vs(k#b),$[\"\\n\"=last k#b;\"\";\"\\n\"];o+:k];s}\n"
    ".Q.fs:{.Q.fsn[x;y;131000]}\n"
    ".Q.addmonths:{(\"d\"$m+y)+x-\"d\"$m:\"m\"$x}\n"
    ".Q.ts:{[x;y]w:first system\"w\";t:.z.p;r:.[x;y];((`long$(.z.p-t)%1000000),0|first[system\"w\"]-w;r)}\n"
    ".Q.trpd:{[f;x;h] .[f;x;{[h;e] h[e;()]}[h]]}\n"
    ".Q.bt:{[x]}\n"
    /* tables: .Q.ff adds y's missing columns as nulls; .Q.fu applies f to distinct items;
     * .Q.ft applies f to a keyed table's unkeyed form; .Q.fk a column's foreign-key table */
    ".Q.qt:{$[98h=t:type x;1b;99h=t;98h=type key x;0b]}\n"
    ".Q.ff:{[x;y]n:cols[y]except cols x;$[count n;x,'(count x)#0#n#0!y;x]}\n"
    ".Q.fu:{[f;y]$[0>type y;f y;(f u)(u:distinct y)?y]}\n"
    ".Q.ft:{[f;t]$[99h=type t;(cols key t)xkey f 0!t;f t]}\n"
    ".Q.fk:{$[(type x)within 20 76h;key x;`]}\n"
    ".Q.v:{$[-11h<>type x;x;\":\"=first string x;get x;value x]}\n"
    ".Q.V:{$[.Q.qt x;flip 0!x;x]}\n"
    ".Q.K:.z.k\n"
    ".Q.k:.z.K\n"
    ".Q.M:0W\n";

/* q functions whose bodies are C, bound at start-up as callable foreign objects */
typedef struct Native {
    const char *name; /* the global it is bound to */
    K (*fn)(K x);     /* the unary body: x consumed */
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
    if (s && s->n) {
        s = obj_grow(s, 1);
        if (s)
            kC(s)[s->n++] = '\n';
    }
    return s;
}

static const Native natives[] = {
    {".j.j", native_json},
    {".j.jd", native_json_options},
    {".Q.s", native_show_text},
    {".Q.atob", prim_atob},
};

static K native_call(void *p, K *args, int n) {
    if (n != 1) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return kerr("rank");
    }
    return ((const Native *)p)->fn(args[0]);
}

static void bind_natives(void) {
    for (size_t i = 0; i < ARRAY_LEN(natives); i++)
        lang_set(ss((S)natives[i].name), obj_foreign_fn((void *)&natives[i], NULL, native_call, 1));
}

void lang_print(int fd, const char *s, size_t n, bool newline) {
    FILE *out = fd == 2 ? stderr : stdout;
    fwrite(s, 1, n, out);
    if (newline)
        fputc('\n', out);
    fflush(out);
}

static bool initialised;

extern K (*prim_global_get)(S name);
extern K (*prim_global_names)(S ns);
void zvals_free(void);

static K global_names(S ns) {
    if (ns == sym_null) /* key `: the namespaces */
        return env_all_namespaces();
    if (!strcmp(ns, ".")) /* key `.: the root's names */
        return env_names(sym_null);
    return env_names(ns);
}

int lang_init(void) {
    if (initialised)
        return 0;
    initialised = true;
    env_init();
    prim_global_get = env_get;
    prim_past_deadline = eval_past_deadline;
    prim_global_names = global_names;
    bind_natives();
    part_init();
    K r = lang_eval(boot_q, strlen(boot_q));
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

void lang_free(void) {
    if (!initialised)
        return;
    part_free();
    env_free();
    eval_trace_clear();
    parse_origins_free();
    zvals_free();
    initialised = false;
}

/* where the statement that failed in a script was: "file:line: text" and a caret line,
 * set by the innermost script that failed, shown with the error, cleared by the console */
static char script_where[2048];

const char *lang_error_where(void) { return script_where[0] ? script_where : NULL; }
const char *lang_error_frames(void) { return eval_trace_text(); }
void lang_error_where_clear(void) { script_where[0] = 0; }

/* the length of the line at s (up to n bytes) without its \n, a trailing \r or blanks */
static size_t line_length(const char *s, size_t n, size_t *next) {
    size_t end = 0;
    while (end < n && s[end] != '\n')
        end++;
    *next = end < n ? end + 1 : n;
    while (end && (s[end - 1] == '\r' || s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
    return end;
}

static bool is_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

/* one statement of a script: a \command, k) code or q; file, when given, names the script
 * whose line `line` it starts on, for the error location */
static K eval_statement(const char *text, size_t len, const char *file, long line) {
    if (text[0] == '\\')
        return sys_command(text + 1, len - 1);
    bool k_mode = len >= 2 && text[0] == 'k' && text[1] == ')';
    size_t skip = k_mode ? 2 : 0;
    const void *saved_node = eval_error_node;
    eval_error_node = NULL;
    parse_track_positions(file && !k_mode);
    parse_set_origin(file, line);
    K tree = parse_text(text + skip, len - skip, k_mode);
    parse_set_origin(NULL, 0);
    parse_track_positions(false);
    K r = tree ? eval_node(tree, NULL) : NULL;
    if (!r && file && !script_where[0]) {
        size_t first = 0;
        while (first < len && text[first] != '\n')
            first++;
        long pos = tree && eval_error_node ? parse_position_of(eval_error_node) : -1;
        int head = snprintf(script_where, sizeof script_where, "%s:%ld: ", file, line);
        int used = snprintf(script_where + head, sizeof script_where - (size_t)head, "%.*s", (int)first, text);
        if (pos >= 0 && (size_t)pos < first && head + used + pos + 8 < (long)sizeof script_where)
            snprintf(script_where + head + used, sizeof script_where - (size_t)(head + used), "\n%*s^",
                     (int)(7 + head + pos), "");
    }
    r0(tree);
    if (r)
        eval_error_node = saved_node;
    return r;
}

/* Run a script by q's rules: a line that starts with a blank continues the statement above
 * it, and blank lines and comment lines (starting "/") between its lines are passed over; a
 * line "/" alone opens a comment block that a line "\\" alone closes; a line "\\" alone
 * outside a block ends the script; a line starting "\\" is a system command.  Statements run
 * in order; the first failure stops the script (NULL + the error, and lang_error_where names
 * file and line when file is given).  The value is the last statement's. */
K lang_eval_script(const char *src, size_t n, const char *file) {
    K last = obj_identity();
    char *buf = NULL; /* a statement gathered from several lines */
    size_t cap = 0;
    size_t i = 0;
    long lineno = 0;
    bool in_comment = false;
    while (i < n) {
        size_t next;
        size_t len = line_length(src + i, n - i, &next);
        const char *text = src + i;
        long start_line = ++lineno;
        i += next;
        if (in_comment) {
            if (len == 1 && text[0] == '\\')
                in_comment = false;
            continue;
        }
        if (len == 1 && text[0] == '/') {
            in_comment = true;
            continue;
        }
        if (len == 1 && text[0] == '\\')
            break; /* the rest of the file is not q */
        if (is_blank(text, len) || text[0] == '/')
            continue;
        /* gather the continuation lines: indented ones join, blank and comment ones between
         * them are passed over */
        size_t total = len;
        bool joined = false;
        if (text[0] != '\\') {
            size_t j = i;
            long jline = lineno;
            while (j < n) {
                size_t jn;
                size_t jl = line_length(src + j, n - j, &jn);
                const char *jt = src + j;
                if (is_blank(jt, jl) || (jt[0] == '/' && jl > 1)) {
                    j += jn, jline++;
                    continue;
                }
                if (jt[0] != ' ' && jt[0] != '\t')
                    break;
                if (!joined) {
                    if (cap < len + 1 && !(buf = realloc(buf, cap = len + 256))) {
                        r0(last);
                        return kerr("wsfull");
                    }
                    memcpy(buf, text, len);
                    joined = true;
                }
                if (cap < total + jl + 2) {
                    char *g = realloc(buf, cap = 2 * (total + jl + 2));
                    if (!g) {
                        free(buf);
                        r0(last);
                        return kerr("wsfull");
                    }
                    buf = g;
                }
                buf[total++] = '\n';
                memcpy(buf + total, jt, jl);
                total += jl;
                j += jn, jline++;
                i = j, lineno = jline;
            }
        }
        K r = eval_statement(joined ? buf : text, total, file, start_line);
        r0(last);
        if (!r) {
            free(buf);
            return NULL;
        }
        last = r;
    }
    free(buf);
    return last;
}

K lang_eval(const char *src, size_t n) { return lang_eval_script(src, n, NULL); }

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
    if (!x)
        return NULL;
    switch (x->t) {
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
        K r = obj_list(4, kj(0), r1(kK(f)[LAMBDA_PARAMS]), r1(kK(f)[LAMBDA_LOCALS]),
                       r1(kK(f)[LAMBDA_SRC]));
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
    if (obj_is_enum(x->t) || obj_is_enum(-x->t))
        return prim_unenum(x); /* value of an enumeration: its symbols */
    if (x->t > 0 && x->t < 20)
        return x; /* value of a vector is itself */
    return x;
}

K lang_get(S name) {
    K v = env_get(name);
    return v;
}

int lang_set(S name, K v) { return env_set(name, v); }

int lang_set_runtime(S name, K v) { return env_set_runtime(name, v); }

bool lang_refuse_update(void) {
    if (lang_read_only)
        kerr("noupdate");
    return lang_read_only;
}

/* `name set v: a global in the current context ('noupdate in read-only mode); v or NULL */
K lang_assign_global(S name, K v) {
    if (env_set(env_qualify(name), r1(v)) < 0) {
        r0(v);
        return NULL;
    }
    return v;
}

/* ---- primitives about evaluation ----------------------------------------------------------- */

K prim_identity(K x) {
    PRIM_ARGS1(x);
    return x;
}

K prim_views(K x) {
    PRIM_ARGS1(x);
    r0(x);
    return env_views();
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
    bool saved = lang_read_only;
    lang_read_only = true;
    K r = lang_value(x);
    lang_read_only = saved;
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

/* x@y: apply x to y (or index x at y) */
K prim_at(K x, K y) {
    PRIM_ARGS2(x, y);
    return eval_apply(x, &y, 1);
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
K file_key(const K x);

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
        lang_trap_depth++;
        K r = eval_apply(args[0], &args[1], 1);
        lang_trap_depth--;
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
    K r;
    if (i->t >= 0 && i->t < 20 && !obj_is_identity(i) && x->t != XD) {
        r = eval_amend(x, &i, 1, fn, y);
    } else {
        r = eval_amend(x, &i, 1, fn, y);
    }
    r0(i);
    r0(fn);
    return r && by_name ? amend_store(name, r) : r;
}

/* .[f;args;handler] (trap) or .[x;path;f] / .[x;path;f;y] (amend at depth) */
K prim_dotamend_n(K *args, int n) {
    if (n == 3 && is_function(args[0])) {
        lang_trap_depth++;
        K r = prim_dot(args[0], args[1]);
        lang_trap_depth--;
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

K prim_show(K x) {
    PRIM_ARGS1(x);
    K text = fmt_console(x);
    r0(x);
    if (!text)
        return NULL;
    lang_print(1, kC(text), (size_t)text->n, true);
    r0(text);
    return obj_identity();
}

K prim_exit(K x) {
    PRIM_ARGS1(x);
    int code = x->t == -KJ ? (int)x->j : x->t == -KI ? x->i : 0;
    r0(x);
    if (lang_refuse_update()) /* a read-only client (-b, reval) may not stop the process */
        return NULL;
    fflush(stdout);
    exit(code);
}

static K string_arg(K x, char *buf, size_t cap) {
    size_t n = 0;
    if (x->t == -KS)
        n = (size_t)snprintf(buf, cap, "%s", x->s);
    else if (x->t == KC)
        n = (size_t)snprintf(buf, cap, "%.*s", (int)x->n, kC(x));
    else if (x->t == -KC)
        n = (size_t)snprintf(buf, cap, "%c", x->g);
    else
        return kerr("type");
    UNUSED(n);
    return x;
}

K prim_getenv(K x) {
    PRIM_ARGS1(x);
    char name[512];
    if (!string_arg(x, name, sizeof name)) {
        r0(x);
        return NULL;
    }
    r0(x);
    const char *v = getenv(name);
    return obj_str(v ? v : "");
}

K prim_setenv(K x, K y) {
    PRIM_ARGS2(x, y);
    char name[512], val[4096];
    /* the environment is the process's: OS commands and Python read it ('noupdate read-only) */
    if (!string_arg(x, name, sizeof name) || !string_arg(y, val, sizeof val) || lang_refuse_update()) {
        r0(x);
        r0(y);
        return NULL;
    }
    setenv(name, val, 1);
    r0(x);
    r0(y);
    return obj_identity();
}

K prim_system(K x) {
    PRIM_ARGS1(x);
    if (x->t != KC && x->t != -KC) {
        r0(x);
        return kerr("type");
    }
    K r = x->t == KC ? sys_command(kC(x), (size_t)x->n) : sys_command((char *)&x->g, 1);
    r0(x);
    return r;
}

/* ---- internal functions n!x ------------------------------------------------------------------ */

K lang_internal_bang(K x, K y) {
    J n = x->t == -KJ ? x->j : x->t == -KI ? (x->i == ni ? nj : x->i) : x->t == -KH ? x->h : x->g;
    r0(x);
    if (n == nj) { /* 0N!y: print the one-line form, return y */
        K text = fmt_oneline(y);
        if (!text) {
            r0(y);
            return NULL;
        }
        lang_print(1, kC(text), (size_t)text->n, true);
        r0(text);
        return y;
    }
    switch (n) {
    case -3: {
        K r = fmt_oneline(y);
        r0(y);
        return r;
    }
    case -8: case -18: case -9:
        if (!ipc_encode || !ipc_decode) {
            r0(y);
            return kerr("nyi");
        }
        break;
    }
    switch (n) {
    case -8: {
        K r = ipc_encode(y, IPC_ASYNC, 6, 0);
        r0(y);
        return r;
    }
    case -18: {
        K r = ipc_encode(y, IPC_ASYNC, 6, 2);
        r0(y);
        return r;
    }
    case -9: {
        if (y->t != KG) {
            r0(y);
            return kerr("type");
        }
        K r = ipc_decode(kG(y), (size_t)y->n);
        r0(y);
        return r;
    }
    case -11:
        return file_replay(y);
    case -30:
        if (!net_deferred) {
            r0(y);
            return kerr("nyi");
        }
        return net_deferred(y);
    case -20: { /* .Q.gc: pooled memory back to the OS; the bytes returned */
        r0(y);
        MemStats before = mem_stats();
        mem_trim();
        MemStats after = mem_stats();
        return kj(before.pooled_bytes - after.pooled_bytes);
    }
    case -29:
        return prim_json_parse(y);
    case -32:
        return prim_btoa(y);
    case -33:
        return prim_sha1(y);
    case -16: {
        K r = kj(y->r);
        r0(y);
        return r;
    }
    case -1: /* -1!x is hsym x */
        return prim_hsym(y);
    case -2: /* -2!x is attr x */
        return prim_attr(y);
    }
    return lang_internal_more(n, y);
}

/* ---- the console --------------------------------------------------------------------------- */

/* is this parse tree an assignment (console prints nothing for it)? */
static bool is_assignment(const K tree) {
    if (tree->t != 0 || tree->n < 3)
        return false;
    K h = kK(tree)[0];
    if (h->t == KBINARY && h->g == P_IDENTITY)
        return true;
    if (h->t == KUNARY && (h->g == SF_ASSIGN_G || h->g == SF_VIEW))
        return true;
    if (h->t == KUNARY && h->g == SF_SEQ)
        return is_assignment(kK(tree)[tree->n - 1]);
    return false;
}

/* q 4's error display: 'msg, then (for a one-line input whose failing primitive is known)
 * the input as frame [0] and a caret under that primitive */
static K error_text(const char *src, size_t n) {
    const char *msg = kerr_msg() ? kerr_msg() : "error";
    long pos = eval_error_node ? parse_position_of(eval_error_node) : -1;
    bool one_line = !memchr(src, '\n', n);
    size_t len = strlen(msg) + 2 * n + 64;
    K out = obj_vec(KC, 0);
    out = obj_grow(out, (J)len);
    if (!out)
        return NULL;
    out->n = snprintf(kC(out), (size_t)len, "'%s", msg);
    const char *frames = eval_trace_text();
    const char *where = lang_error_where();
    if (frames) { /* the lambdas it unwound through, innermost first (q's debugger shows these) */
        size_t fl = strlen(frames);
        len += fl;
        out = obj_grow(out, (J)len);
        if (!out)
            return NULL;
        out->n += snprintf(kC(out) + out->n, (size_t)(len - out->n), "\n%.*s", (int)(fl ? fl - 1 : 0), frames);
    }
    if (where) { /* the failure was inside a script: its file and line, not this input */
        len += strlen(where);
        out = obj_grow(out, (J)len);
        if (!out)
            return NULL;
        out->n += snprintf(kC(out) + out->n, (size_t)(len - out->n), "\n  [0]  %s", where);
        lang_error_where_clear();
    } else if (!frames && pos >= 0 && (size_t)pos < n && one_line) {
        out->n += snprintf(kC(out) + out->n, (size_t)(len - out->n), "\n  [0]  %.*s\n%*s^", (int)n, src,
                           (int)(7 + pos), "");
    }
    kerr_clear();
    eval_trace_clear();
    return out;
}

static K console_input(const char *src, size_t n, int *quit);

K lang_console(const char *src, size_t n, int *quit) {
    K out = console_input(src, n, quit);
    parse_origins_sweep(); /* the input's tree is gone: lambdas that died with it too */
    return out;
}

static K console_input(const char *src, size_t n, int *quit) {
    *quit = 0;
    while (n && (src[n - 1] == '\n' || src[n - 1] == '\r' || src[n - 1] == ' '))
        n--;
    size_t lead = 0;
    while (lead < n && (src[lead] == ' ' || src[lead] == '\t'))
        lead++;
    src += lead;
    n -= lead;
    if (n == 0)
        return obj_strn("", 0);
    if (n == 2 && src[0] == '\\' && src[1] == '\\') {
        *quit = 1;
        return obj_strn("", 0);
    }
    if (src[0] == '/' && (n == 1 || src[1] == ' '))
        return obj_strn("", 0);
    K r;
    bool silent = false;
    eval_error_node = NULL;
    lang_error_where_clear();
    eval_trace_clear();
    lang_suspend_reset();
    if (src[0] == '\\') {
        r = sys_command(src + 1, n - 1);
    } else {
        bool k_mode = n >= 2 && src[0] == 'k' && src[1] == ')';
        parse_track_positions(!k_mode);
        K tree = parse_text(src + (k_mode ? 2 : 0), n - (k_mode ? 2 : 0), k_mode);
        parse_track_positions(false);
        if (!tree)
            return error_text(src, n);
        silent = is_assignment(tree);
        r = eval_node(tree, eval_suspended_frame()); /* q)): the suspended frame's locals */
        if (!r) { /* the caret needs the tree's nodes: report before freeing it */
            K e = error_text(src, n);
            r0(tree);
            return e;
        }
        r0(tree);
    }
    if (!r)
        return error_text(src, n);
    if (silent || obj_is_identity(r)) {
        r0(r);
        return obj_strn("", 0);
    }
    K text = fmt_console(r);
    r0(r);
    if (!text)
        return error_text(src, n);
    return text;
}
