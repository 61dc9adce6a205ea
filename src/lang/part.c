/* part.c -- partitioned databases (HDBs): `\l root` of a directory whose subdirectories are
 * partitions (named by a date, month, year or int, or listed by the segments of par.txt),
 * the .Q values that describe it, and select/exec over its tables.
 *
 * A partitioned table is a global holding the table's prototype: an empty table whose first
 * column is the partition field (date, month, year or int) and then the columns of its .d in
 * the last partition.  The prototype's column dictionary is what identifies it (part_find),
 * so a copy of the value still names the table; `cols` and `meta` see the prototype, `count`
 * asks the partitions (prim_part_count).
 *
 * A query over a partitioned table runs in three steps:
 *   1. prune: the leading where constraints that name only the partition field are evaluated
 *      against the partition values, never the rows;
 *   2. map: for each partition left, a table of just the columns the query names is read
 *      (plus the partition field as a column, when named), the other constraints applied;
 *   3. reduce: aggregates kdb+ maps (count sum prd min max first last all any wsum, avg and
 *      wavg as two sums) are computed per partition, by group when there is a by, and the
 *      partial results combined; any other query concatenates the rows each partition kept
 *      and evaluates over them.
 * So memory follows the columns and partitions a query needs, one partition at a time where
 * it maps.  Within a partition the virtual column i counts from 0, as in kdb+. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lang_int.h"

/* src/prim/file.c */
K file_splay_names(const char *dir);
K file_column(const char *dir, S name);
K file_column_proto(const char *dir, S name, J *count);
K file_load_dir(const char *path);
extern J (*prim_part_count)(const K t);
K query_select(K t, K where, K b, K a);

/* The loaded database (one per process, as in q). */
static struct Hdb {
    S pf;      /* partition field: `date `month `year `int; NULL when none is loaded */
    K pv;      /* partition values in order (.Q.PV): a date, month or int vector */
    K dirs;    /* each partition's directory (char vectors), conformant to pv */
    K roots;   /* each partition's root (symbols `:root), conformant to pv (.Q.PD) */
    K pt;      /* the partitioned tables' names */
    K protos;  /* each table's prototype (see the head of this file), conformant to pt */
    K counts;  /* each table's rows per partition (longs, nj until counted) */
} hdb;

static void hdb_clear(void) {
    r0(hdb.pv), r0(hdb.dirs), r0(hdb.roots), r0(hdb.pt), r0(hdb.protos), r0(hdb.counts);
    memset(&hdb, 0, sizeof hdb);
}

void part_free(void) { hdb_clear(); }

/* ---- which partitions ------------------------------------------------------------------- */

enum { NAME_NONE, NAME_DATE, NAME_MONTH, NAME_DIGITS };

static bool digits(const char *s, int n) {
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* the kind of a directory name (2024.01.31, 2024.01, 42) and its value */
static int name_kind(const char *s, I *value) {
    size_t n = strlen(s);
    if (n == 10 && digits(s, 4) && s[4] == '.' && digits(s + 5, 2) && s[7] == '.' && digits(s + 8, 2)) {
        I y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
        if (m < 1 || m > 12 || d < 1 || d > 31)
            return NAME_NONE;
        *value = ymd(y, m, d);
        return NAME_DATE;
    }
    if (n == 7 && digits(s, 4) && s[4] == '.' && digits(s + 5, 2)) {
        I m = atoi(s + 5);
        if (m < 1 || m > 12)
            return NAME_NONE;
        *value = month_from_ym(atoi(s), m);
        return NAME_MONTH;
    }
    if (n >= 1 && n <= 9 && digits(s, (int)n)) {
        *value = atoi(s);
        return NAME_DIGITS;
    }
    return NAME_NONE;
}

/* the roots a database spans: the lines of par.txt, or the database itself */
static K db_roots(const char *db) {
    char path[1200];
    snprintf(path, sizeof path, "%s/par.txt", db);
    K roots = ktn(0, 0);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        jk(&roots, obj_str(db));
        return roots;
    }
    char line[1024];
    while (fgets(line, sizeof line, fp)) {
        size_t n = strcspn(line, "\r\n");
        while (n > 1 && line[n - 1] == '/') /* a trailing / would double in paths */
            n--;
        if (n == 0)
            continue;
        line[n] = 0;
        if (line[0] == '/') {
            jk(&roots, obj_str(line));
        } else { /* relative to the database */
            char full[2300];
            snprintf(full, sizeof full, "%s/%s", db, line);
            jk(&roots, obj_str(full));
        }
    }
    fclose(fp);
    return roots;
}

typedef struct Found {
    I value;     /* partition value */
    int kind;    /* NAME_* */
    char *dir;   /* root/name */
    K root;      /* its root, borrowed from the roots list */
} Found;

static int found_cmp(const void *a, const void *b) {
    const Found *x = a, *y = b;
    return x->value < y->value ? -1 : x->value > y->value;
}

static char *cstr(const K s) {
    char *p = malloc((size_t)s->n + 1);
    memcpy(p, kG(s), (size_t)s->n);
    p[s->n] = 0;
    return p;
}

/* the partitions under the roots (owned by the caller, *n of them), sorted by value; only
 * names of the kind the database is partitioned by (dates before months before digits) */
static Found *find_partitions(const K roots, J *n, S *pf) {
    Found *f = NULL;
    J count = 0, cap = 0;
    int best = NAME_NONE;
    bool four = true; /* every digits name has four digits: years */
    for (J r = 0; r < roots->n; r++) {
        char *root = cstr(kK(roots)[r]);
        DIR *d = opendir(root);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            I v;
            int kind = name_kind(e->d_name, &v);
            if (kind == NAME_NONE)
                continue;
            char path[2300];
            snprintf(path, sizeof path, "%s/%s", root, e->d_name);
            if (!file_is_dir(path))
                continue;
            if (count == cap) {
                cap = cap ? 2 * cap : 16;
                f = realloc(f, (size_t)cap * sizeof *f);
            }
            f[count].value = v;
            f[count].kind = kind;
            f[count].dir = strdup(path);
            f[count].root = kK(roots)[r];
            count++;
            if (best == NAME_NONE || kind < best)
                best = kind;
            if (kind == NAME_DIGITS && strlen(e->d_name) != 4)
                four = false;
        }
        if (d)
            closedir(d);
        free(root);
    }
    J k = 0;
    for (J i = 0; i < count; i++) {
        if (f[i].kind == best)
            f[k++] = f[i];
        else
            free(f[i].dir);
    }
    if (k)
        qsort(f, (size_t)k, sizeof *f, found_cmp);
    *n = k;
    *pf = ss(best == NAME_DATE ? "date" : best == NAME_MONTH ? "month" : four ? "year" : "int");
    return f;
}

/* ---- loading ---------------------------------------------------------------------------- */

static int pv_type(S pf) {
    return !strcmp(pf, "date") ? KD : !strcmp(pf, "month") ? KM : KI;
}

/* the prototype of table name in partition dir: the partition field, then its columns */
static K table_proto(const char *dir, S pf) {
    K names = file_splay_names(dir);
    if (!names)
        return NULL;
    K all = ktn(KS, 1), cols = ktn(0, 1);
    kS(all)[0] = pf;
    kK(cols)[0] = ktn(pv_type(pf), 0);
    for (J c = 0; c < names->n; c++) {
        J rows;
        K proto = file_column_proto(dir, kS(names)[c], &rows);
        if (!proto) {
            r0(names), r0(all), r0(cols);
            return NULL;
        }
        js(&all, kS(names)[c]);
        jk(&cols, proto);
    }
    r0(names);
    return xT(xD(all, cols));
}

static int set_global(const char *name, K v) {
    return env_set(ss((S)name), v);
}

/* .Q.pf .Q.pv .Q.PV .Q.pd .Q.PD .Q.pt .Q.pn and the partition field's global (date) */
static int publish(void) {
    K pf = obj_atom(-KS);
    pf->s = hdb.pf;
    K counts = ktn(0, hdb.pt->n); /* .Q.pn: filled in by .Q.cn */
    for (J t = 0; t < hdb.pt->n; t++)
        kK(counts)[t] = ktn(KJ, 0);
    K pn = xD(r1(hdb.pt), counts);
    if (set_global(".Q.pf", pf) < 0 || set_global(".Q.pv", r1(hdb.pv)) < 0 ||
        set_global(".Q.PV", r1(hdb.pv)) < 0 || set_global(".Q.pd", r1(hdb.roots)) < 0 ||
        set_global(".Q.PD", r1(hdb.roots)) < 0 || set_global(".Q.pt", r1(hdb.pt)) < 0 ||
        set_global(".Q.pn", pn) < 0 || env_set(hdb.pf, r1(hdb.pv)) < 0)
        return -1;
    for (J t = 0; t < hdb.pt->n; t++)
        if (env_set(kS(hdb.pt)[t], r1(kK(hdb.protos)[t])) < 0)
            return -1;
    return 0;
}

/* \l of a directory that holds partitions: q changes into it, loads the sym file and the
 * splayed tables at its top, and makes each table of the last partition a partitioned table.
 * NULL without error when path holds no partitions (the caller loads it as a directory). */
K part_load(const char *path) {
    if (!file_is_dir(path))
        return NULL;
    K roots = db_roots(path);
    J n;
    S pf;
    Found *f = find_partitions(roots, &n, &pf);
    if (!n) {
        free(f);
        r0(roots);
        return NULL;
    }
    if (lang_read_only) {
        for (J i = 0; i < n; i++)
            free(f[i].dir);
        free(f);
        r0(roots);
        return kerr("noupdate");
    }
    /* paths stay valid after the change of directory: make them absolute first */
    char cwd[1024], abs_db[1200];
    if (!getcwd(cwd, sizeof cwd))
        cwd[0] = 0;
    snprintf(abs_db, sizeof abs_db, "%s%s%s", path[0] == '/' ? "" : cwd, path[0] == '/' ? "" : "/", path);
    hdb_clear();
    hdb.pf = pf;
    hdb.pv = ktn(pv_type(pf), n);
    hdb.dirs = ktn(0, n);
    hdb.roots = ktn(KS, n);
    for (J i = 0; i < n; i++) {
        kI(hdb.pv)[i] = f[i].value;
        char full[2400], handle[2400];
        if (f[i].dir[0] == '/')
            snprintf(full, sizeof full, "%s", f[i].dir);
        else
            snprintf(full, sizeof full, "%s/%s", cwd, f[i].dir);
        kK(hdb.dirs)[i] = obj_str(full);
        char *root = cstr(f[i].root);
        bool own = !strcmp(root, path);
        snprintf(handle, sizeof handle, ":%s", own ? "." : root);
        kS(hdb.roots)[i] = ss(handle);
        free(root);
        free(f[i].dir);
    }
    free(f);
    r0(roots);
    if (chdir(abs_db) < 0) {
        hdb_clear();
        return kerr(path);
    }
    /* the tables: the splayed directories of the last partition */
    char *last = cstr(kK(hdb.dirs)[n - 1]);
    K entries = ktn(KS, 0);
    DIR *d = opendir(last);
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.')
            js(&entries, e->d_name);
    if (d)
        closedir(d);
    hdb.pt = ktn(KS, 0);
    hdb.protos = ktn(0, 0);
    hdb.counts = ktn(0, 0);
    for (J i = 0; i < entries->n; i++) {
        char tdir[2400];
        snprintf(tdir, sizeof tdir, "%s/%s", last, kS(entries)[i]);
        char dfile[2500];
        snprintf(dfile, sizeof dfile, "%s/.d", tdir);
        if (access(dfile, R_OK) != 0)
            continue;
        K proto = table_proto(tdir, pf);
        if (!proto) {
            kerr_clear(); /* an unreadable table is left out, as \l leaves out other files */
            continue;
        }
        js(&hdb.pt, kS(entries)[i]);
        jk(&hdb.protos, proto);
        K c = ktn(KJ, n);
        for (J p = 0; p < n; p++)
            kJ(c)[p] = nj;
        jk(&hdb.counts, c);
    }
    free(last);
    r0(entries);
    /* sym and the splayed tables at the top (partition names hold no table) */
    K top = file_load_dir(".");
    if (!top && kerr_msg()) {
        hdb_clear();
        return NULL;
    }
    r0(top);
    if (publish() < 0)
        return NULL;
    return obj_identity();
}

/* ---- finding a table and counting it ---------------------------------------------------- */

/* the index in .Q.pt of partitioned table t (borrowed), or -1 */
int part_find(const K t) {
    if (!hdb.pf || t->t != XT)
        return -1;
    for (J i = 0; i < hdb.pt->n; i++)
        if (kK(hdb.protos)[i]->k == t->k)
            return (int)i;
    return -1;
}

static char *table_dir(int ti, J p, char *buf, size_t size) {
    K dir = kK(hdb.dirs)[p];
    snprintf(buf, size, "%.*s/%s", (int)dir->n, (char *)kG(dir), kS(hdb.pt)[ti]);
    return buf;
}

/* rows of table ti in partition p: from a column's header, once; 0 when the partition
 * lacks the table */
static J rows_in(int ti, J p) {
    J *c = &kJ(kK(hdb.counts)[ti])[p];
    if (*c != nj)
        return *c;
    char dir[2400];
    table_dir(ti, p, dir, sizeof dir);
    K names = TABLE_COLS(kK(hdb.protos)[ti]);
    J rows = 0;
    if (names->n > 1 && file_is_dir(dir)) {
        K proto = file_column_proto(dir, kS(names)[1], &rows);
        if (!proto) {
            kerr_clear();
            rows = 0;
        }
        r0(proto);
    }
    return *c = rows;
}

/* count of a partitioned table; -1 when t is none (prim_part_count) */
static J part_count(const K t) {
    int ti = part_find(t);
    if (ti < 0)
        return -1;
    J total = 0;
    for (J p = 0; p < hdb.pv->n; p++)
        total += rows_in(ti, p);
    return total;
}

/* ---- reading partitions ----------------------------------------------------------------- */

static bool has_sym(const K v, S s) {
    for (J i = 0; i < v->n; i++)
        if (kS(v)[i] == s)
            return true;
    return false;
}

/* add to *found the columns of names (and i) that parse tree e refers to */
static void refs(const K e, const K names, K *found) {
    if (!stack_ok()) /* too deep to read (stack.h): evaluating e answers 'stack anyway */
        return;
    if (e->t == -KS) {
        if ((has_sym(names, e->s) || e->s == ss("i")) && !has_sym(*found, e->s))
            js(found, e->s);
    } else if (e->t == 0) {
        for (J i = 0; i < e->n; i++)
            refs(kK(e)[i], names, found);
    }
}

/* the columns each value of dict (or single expression) x names */
static void dict_refs(const K x, const K names, K *found) {
    if (x->t != XD) {
        refs(x, names, found);
        return;
    }
    K v = DICT_VALS(x);
    for (J i = 0; i < obj_count(v); i++) {
        K e = prim_item(v, i);
        refs(e, names, found);
        r0(e);
    }
}

/* table ti's columns need (in the prototype's order) as they are in partition p */
static K read_partition(int ti, J p, const K need) {
    K proto = kK(hdb.protos)[ti];
    K names = TABLE_COLS(proto);
    char dir[2400];
    table_dir(ti, p, dir, sizeof dir);
    bool present = file_is_dir(dir);
    K outn = ktn(KS, 0), outc = ktn(0, 0);
    J rows = present ? rows_in(ti, p) : 0;
    for (J c = 0; c < names->n; c++) {
        S name = kS(names)[c];
        if (!has_sym(need, name))
            continue;
        K col;
        if (c == 0) { /* the partition field: its value on every row */
            col = ktn(kK(TABLE_DATA(proto))[0]->t, rows);
            for (J r = 0; r < rows; r++)
                kI(col)[r] = kI(hdb.pv)[p];
        } else if (!present) {
            col = r1(kK(TABLE_DATA(proto))[c]);
        } else {
            col = file_column(dir, name);
            if (col && obj_count(col) != rows) {
                r0(col);
                col = kerr("length");
            }
        }
        if (!col) {
            r0(outn), r0(outc);
            return NULL;
        }
        js(&outn, name);
        jk(&outc, col);
    }
    if (!outn->n) { /* nothing named: the rows still count (select count i) */
        js(&outn, kS(names)[0]);
        K col = ktn(kK(TABLE_DATA(proto))[0]->t, rows);
        for (J r = 0; r < rows; r++)
            kI(col)[r] = kI(hdb.pv)[p];
        jk(&outc, col);
    }
    return xT(xD(outn, outc));
}

/* the prototype's columns need, empty */
static K empty_of(int ti, const K need) {
    K proto = kK(hdb.protos)[ti];
    K names = TABLE_COLS(proto);
    K outn = ktn(KS, 0), outc = ktn(0, 0);
    for (J c = 0; c < names->n; c++) {
        if (!has_sym(need, kS(names)[c]) && !(c == 0 && !need->n))
            continue;
        js(&outn, kS(names)[c]);
        jk(&outc, r1(kK(TABLE_DATA(proto))[c]));
    }
    return xT(xD(outn, outc));
}

/* ---- map-reduce ------------------------------------------------------------------------- */

/* is e computed item by item (so per partition = on the whole): names, constants and the
 * atomic primitives applied to such */
static bool uniform(const K e) {
    if (!stack_ok()) /* too deep to tell (stack.h): not mapped, evaluated whole */
        return false;
    if (e->t != 0)
        return e->t < 100 || e->t == XD ? true : false;
    if (e->n == 0)
        return true;
    K h = kK(e)[0];
    static const int dyads[] = {P_PLUS, P_MINUS, P_STAR, P_PERCENT, P_AMP, P_PIPE, P_CARET,
                                P_EQ, P_LT, P_GT, P_DOLLAR, P_TILDE, P_LE, P_GE, P_NE, P_IN,
                                P_WITHIN, P_LIKE, P_DIV, P_MOD, P_XBAR};
    static const int monads[] = {P_MINUS, P_TILDE, P_CARET, P_PERCENT, P_DOLLAR, P_UNDER,
                                 P_ABS, P_SQRT, P_LOG, P_EXP, P_CEILING, P_LOWER, P_UPPER,
                                 P_SIGNUM};
    bool ok = false;
    if (h->t == KBINARY)
        for (size_t i = 0; i < sizeof dyads / sizeof *dyads; i++)
            ok = ok || h->g == dyads[i];
    if (h->t == KUNARY)
        for (size_t i = 0; i < sizeof monads / sizeof *monads; i++)
            ok = ok || h->g == monads[i];
    if (!ok)
        return false;
    for (J i = 1; i < e->n; i++)
        if (!uniform(kK(e)[i]))
            return false;
    return true;
}

/* How one aggregate maps: its partial(s) per partition, how partials combine, and whether
 * the result is the ratio of two partials (avg, wavg). */
typedef struct Mapped {
    K part[2];  /* partial expressions (one, or two for a ratio) */
    int reduce; /* the primitive combining partials (P_SUM, P_MIN, ...) */
    bool ratio; /* result = reduced part[0] % reduced part[1] */
} Mapped;

static K node1(int id, K x) { return obj_list(2, obj_prim(KUNARY, id), x); }

/* e as a mapped aggregate; false when kdb+ would not map it */
static bool map_expr(const K e, Mapped *m) {
    memset(m, 0, sizeof *m);
    if (e->t != 0 || e->n < 2)
        return false;
    for (J i = 1; i < e->n; i++)
        if (!uniform(kK(e)[i]))
            return false;
    K h = kK(e)[0];
    if (e->n == 2 && h->t == KUNARY) {
        static const int same[][2] = {{P_HASH, P_SUM}, {P_SUM, P_SUM}, {P_PRD, P_PRD},
                                      {P_MIN, P_MIN},  {P_MAX, P_MAX}, {P_STAR, P_STAR},
                                      {P_LAST, P_LAST}, {P_ALL, P_ALL}, {P_ANY, P_ANY}};
        for (size_t i = 0; i < sizeof same / sizeof *same; i++)
            if (h->g == same[i][0]) {
                m->part[0] = r1(e);
                m->reduce = same[i][1];
                return true;
            }
        if (h->g == P_AVG) { /* sum x % count of x's non-nulls */
            K x = kK(e)[1];
            m->part[0] = node1(P_SUM, r1(x));
            m->part[1] = node1(P_SUM, node1(P_TILDE, node1(P_CARET, r1(x))));
            m->reduce = P_SUM;
            m->ratio = true;
            return true;
        }
    }
    if (e->n == 3 && h->t == KBINARY && (h->g == P_WSUM || h->g == P_WAVG)) {
        m->part[0] = obj_list(3, obj_prim(KBINARY, P_WSUM), r1(kK(e)[1]), r1(kK(e)[2]));
        m->reduce = P_SUM;
        if (h->g == P_WAVG) { /* w wsum x % sum w */
            m->part[1] = node1(P_SUM, r1(kK(e)[1]));
            m->ratio = true;
        }
        return true;
    }
    return false;
}

static S partial_name(J k) {
    char buf[32];
    snprintf(buf, sizeof buf, "p%lld", (long long)k);
    return ss(buf);
}

static K sym_atom(S s) {
    K x = obj_atom(-KS);
    x->s = s;
    return x;
}

/* a (dict of output name -> expression) mapped: *partials (name -> partial expression) and
 * the Mapped of each output; false when some expression does not map */
static bool map_all(const K a, K *partials, Mapped **maps) {
    J n = obj_count(a);
    Mapped *m = calloc((size_t)(n ? n : 1), sizeof *m);
    K pn = ktn(KS, 0), pe = ktn(0, 0);
    J k = 0;
    bool ok = true;
    for (J c = 0; c < n && ok; c++) {
        K e = prim_item(DICT_VALS(a), c);
        ok = map_expr(e, &m[c]);
        r0(e);
        for (int j = 0; ok && j < 2 && m[c].part[j]; j++) {
            js(&pn, partial_name(k++));
            jk(&pe, m[c].part[j]);
            m[c].part[j] = NULL;
        }
    }
    /* the rows each partition kept: partitions that kept none give no first or last */
    js(&pn, ss("n_"));
    jk(&pe, node1(P_HASH, sym_atom(ss("i"))));
    if (!ok) {
        for (J c = 0; c < n; c++)
            r0(m[c].part[0]), r0(m[c].part[1]);
        free(m);
        r0(pn), r0(pe);
        return false;
    }
    *partials = xD(pn, pe);
    *maps = m;
    return true;
}

/* ---- the query -------------------------------------------------------------------------- */

/* does where clause e name the partition field and no other column */
static bool prunes(const K e, const K names) {
    K found = ktn(KS, 0);
    refs(e, names, &found);
    bool ok = found->n == 1 && kS(found)[0] == hdb.pf;
    r0(found);
    return ok;
}

/* partitions passing the leading where clauses 0..lead-1 (positions in .Q.pv) */
static K prune(const K where, J lead) {
    J np = hdb.pv->n;
    K idx = ktn(KJ, np);
    for (J p = 0; p < np; p++)
        kJ(idx)[p] = p;
    K names = ktn(KS, 1);
    kS(names)[0] = hdb.pf;
    for (J w = 0; w < lead && idx; w++) {
        K vals[1] = {eval_index(r1(hdb.pv), r1(idx))};
        K b = vals[0] ? eval_with_columns(kK(where)[w], names, vals) : NULL;
        r0(vals[0]);
        if (!b) {
            r0(idx);
            idx = NULL;
            break;
        }
        if (b->t == -KB) {
            if (!b->g)
                idx->n = 0;
        } else if (b->t == KB && b->n == idx->n) {
            J k = 0;
            for (J i = 0; i < idx->n; i++)
                if (kG(b)[i])
                    kJ(idx)[k++] = kJ(idx)[i];
            idx->n = k;
        } else {
            r0(idx);
            idx = kerr(b->t == KB ? "length" : "type");
        }
        r0(b);
    }
    r0(names);
    return idx;
}

static K join_rows(K acc, K t) {
    if (!t) {
        r0(acc);
        return NULL;
    }
    return acc ? prim_join(acc, t) : t;
}

/* the reduced and finished result of a mapped query: P holds each partition's partials (and
 * the keys when grouped) */
static K reduce(K P, K b, const K a, const Mapped *m, bool exec) {
    bool grouped = b->t == XD && obj_count(b) > 0;
    J n = obj_count(a);
    K pn = ktn(KS, 0), pe = ktn(0, 0);
    J k = 0;
    for (J c = 0; c < n; c++)
        for (int j = 0; j < (m[c].ratio ? 2 : 1); j++) {
            S s = partial_name(k++);
            js(&pn, s);
            jk(&pe, node1(m[c].reduce, sym_atom(s)));
        }
    K by = ktn(0, 0);
    if (grouped) {
        K kn = r1(DICT_KEYS(b)), kv = ktn(0, kn->n);
        for (J i = 0; i < kn->n; i++)
            kK(kv)[i] = sym_atom(kS(kn)[i]);
        r0(by);
        by = xD(kn, kv);
    } else {
        r0(by);
        by = kb(0);
    }
    K R = query_select(P, ktn(0, 0), by, xD(pn, pe));
    r0(b);
    if (!R)
        return NULL;
    K vt = grouped ? DICT_VALS(R) : R; /* the reduced partials, one column each */
    K names = r1(DICT_KEYS(a)), cols = ktn(0, n);
    k = 0;
    for (J c = 0; c < n; c++) {
        K x = r1(kK(TABLE_DATA(vt))[k++]);
        if (m[c].ratio)
            x = prim_fdiv(x, r1(kK(TABLE_DATA(vt))[k++]));
        if (!x) {
            cols->n = c;
            r0(cols), r0(names), r0(R);
            return NULL;
        }
        kK(cols)[c] = x;
    }
    K out;
    if (grouped) {
        out = xD(r1(DICT_KEYS(R)), xT(xD(names, cols)));
    } else if (exec) { /* a dict of atoms */
        for (J c = 0; c < n; c++)
            kK(cols)[c] = prim_first(kK(cols)[c]);
        out = xD(names, cols);
    } else {
        out = xT(xD(names, cols));
    }
    r0(R);
    return out;
}

/* ?[t;c;b;a] over partitioned table t (see the head of this file); all consumed */
K part_select(K t, K where, K b, K a) {
    int ti = part_find(t);
    K proto = kK(hdb.protos)[ti];
    K names = TABLE_COLS(proto);
    r0(t);
    J nw = where->t == 0 ? where->n : 0, lead = 0;
    while (lead < nw && prunes(kK(where)[lead], names))
        lead++;
    K parts = prune(where, lead);
    if (!parts) {
        r0(where), r0(b), r0(a);
        return NULL;
    }
    K rest = ktn(0, nw - lead);
    for (J w = lead; w < nw; w++)
        kK(rest)[w - lead] = r1(kK(where)[w]);
    r0(where);
    bool exec = b->t != -KB && b->t != XD;
    bool grouped = (b->t == XD && obj_count(b) > 0) || (exec && !(b->t == 0 && b->n == 0));
    bool all_cols = a->t == 0 && a->n == 0;
    /* the columns the query names */
    K need = ktn(KS, 0);
    for (J w = 0; w < rest->n; w++)
        refs(kK(rest)[w], names, &need);
    dict_refs(b, names, &need);
    if (all_cols)
        for (J c = 0; c < names->n; c++)
            js(&need, kS(names)[c]);
    else
        dict_refs(a, names, &need);
    /* map-reduce when every output maps and every key is computed row by row */
    bool single = exec && a->t != XD; /* exec expr: one value */
    K ad;
    if (single) {
        K keys = ktn(KS, 1);
        kS(keys)[0] = ss("x");
        ad = xD(keys, obj_list(1, r1(a)));
    } else {
        ad = r1(a);
    }
    bool mappable = ad->t == XD && obj_count(ad) > 0 && !(exec && grouped);
    if (mappable && b->t == XD) {
        K bv = DICT_VALS(b);
        for (J i = 0; i < obj_count(bv) && mappable; i++) {
            K e = prim_item(bv, i);
            mappable = uniform(e);
            r0(e);
        }
    }
    K partials = NULL;
    Mapped *maps = NULL;
    if (mappable)
        mappable = map_all(ad, &partials, &maps);
    K acc = NULL;
    J used = 0;
    for (J i = 0; i < parts->n; i++) {
        K T = read_partition(ti, kJ(parts)[i], need);
        if (!T) {
            r0(acc);
            acc = NULL;
            goto fail;
        }
        K r;
        if (mappable) {
            K by = b->t == XD ? r1(b) : kb(0);
            r = query_select(T, r1(rest), by, r1(partials));
            if (r && b->t == XD && obj_count(b) > 0)
                r = ktd(r);
            if (r && !(b->t == XD && obj_count(b) > 0)) { /* kept no rows: leave it out */
                K n_ = kK(TABLE_DATA(r))[TABLE_COLS(r)->n - 1];
                if (kJ(n_)[0] == 0) {
                    r0(r);
                    continue;
                }
            }
        } else {
            r = query_select(T, r1(rest), kb(0), ktn(0, 0));
        }
        if (!r) {
            r0(acc);
            acc = NULL;
            goto fail;
        }
        acc = join_rows(acc, r);
        used++;
        if (!acc)
            goto fail;
    }
    K out;
    if (mappable && used) {
        out = reduce(acc, r1(b), ad, maps, exec);
        if (out && single) {
            K v = r1(kK(DICT_VALS(out))[0]);
            r0(out);
            out = v;
        }
    } else {
        /* every row kept, in partition order; or nothing kept: the query on no rows */
        if (!acc)
            acc = empty_of(ti, need);
        out = query_select(acc, mappable || !used ? r1(rest) : ktn(0, 0), r1(b), r1(a));
    }
    r0(ad), r0(partials), free(maps), r0(need), r0(rest), r0(parts), r0(b), r0(a);
    return out;
fail:
    r0(ad), r0(partials), free(maps), r0(need), r0(rest), r0(parts), r0(b), r0(a);
    return NULL;
}

/* ---- .Q functions written in C ---------------------------------------------------------- */

/* .Q.cn t: rows per partition (.Q.pn filled in as a side effect) */
static K q_cn(void *ptr, K *args, int n) {
    UNUSED(ptr);
    for (int i = 1; i < n; i++)
        r0(args[i]);
    K t = args[0];
    if (t->t == -KS) {
        K v = env_get(t->s);
        r0(t);
        if (!v)
            return kerr("type");
        t = v;
    }
    int ti = part_find(t);
    r0(t);
    if (ti < 0)
        return kerr("type");
    K out = ktn(KJ, hdb.pv->n);
    for (J p = 0; p < hdb.pv->n; p++)
        kJ(out)[p] = rows_in(ti, p);
    K pn = env_get(ss(".Q.pn"));
    if (pn && pn->t == XD && (J)ti < obj_count(pn)) {
        pn = obj_own(pn);
        DICT_VALS(pn) = obj_own(DICT_VALS(pn));
        r0(kK(DICT_VALS(pn))[ti]);
        kK(DICT_VALS(pn))[ti] = r1(out);
        env_set(ss(".Q.pn"), pn);
    } else {
        r0(pn);
    }
    return out;
}

/* .Q.ind[t;rows]: rows of partitioned table t by their position in the whole table */
static K q_ind(void *ptr, K *args, int n) {
    UNUSED(ptr);
    if (n != 2) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return kerr("rank");
    }
    K t = args[0], rows = args[1];
    if (t->t == -KS) {
        K v = env_get(t->s);
        r0(t);
        t = v ? v : obj_identity();
    }
    int ti = part_find(t);
    r0(t);
    if (ti < 0 || rows->t != KJ) {
        r0(rows);
        return kerr("type");
    }
    K need = r1(TABLE_COLS(kK(hdb.protos)[ti]));
    K acc = NULL;
    J start = 0;
    for (J p = 0; p < hdb.pv->n; p++) {
        J cnt = rows_in(ti, p);
        K local = ktn(KJ, 0);
        for (J i = 0; i < rows->n; i++)
            if (kJ(rows)[i] >= start && kJ(rows)[i] < start + cnt) {
                J r = kJ(rows)[i] - start;
                ja(&local, &r);
            }
        start += cnt;
        if (!local->n) {
            r0(local);
            continue;
        }
        K T = read_partition(ti, p, need);
        acc = join_rows(acc, T ? eval_index(T, local) : (r0(local), NULL));
        if (!acc)
            break;
    }
    bool failed = !acc && kerr_msg();
    if (!acc && !failed)
        acc = empty_of(ti, need);
    r0(need);
    r0(rows);
    return acc;
}

/* .Q.qp x: 1b for a partitioned table, 0b for another table, 0 otherwise */
static K q_qp(void *ptr, K *args, int n) {
    UNUSED(ptr);
    for (int i = 1; i < n; i++)
        r0(args[i]);
    K x = args[0];
    K r = x->t == XT ? kb(part_find(x) >= 0) : kj(0);
    r0(x);
    return r;
}

void part_init(void) {
    env_set(ss(".Q.qp"), obj_foreign_fn(NULL, NULL, q_qp, 1));
    prim_part_count = part_count;
    env_set(ss(".Q.cn"), obj_foreign_fn(NULL, NULL, q_cn, 1));
    env_set(ss(".Q.ind"), obj_foreign_fn(NULL, NULL, q_ind, 2));
}
