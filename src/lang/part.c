/* part.c -- partitioned databases (HDBs): `\l root` of a directory whose subdirectories are
 * partitions (named by a date, month, year or int, or listed by the segments of par.txt),
 * the .Q values that describe it, and select/exec over its tables.
 *
 * A partitioned table is a global holding the table's prototype: an empty table whose first
 * column is the partition field (date, month, year or int) and then the columns of its .d in
 * the last partition.  The prototype's column dictionary is what identifies it (part_find),
 * so a copy of the value still names the table; `cols` and `meta` see the prototype, `count`
 * asks the partitions (RT->svc.part_count).
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

/* The loaded database (one per runtime, as q keeps one per process) is RT->lang.hdb
 * (base/runtime.h, struct RtHdb). */

static void hdb_clear(void) {
    r0(RT->lang.hdb.pv), r0(RT->lang.hdb.dirs), r0(RT->lang.hdb.roots), r0(RT->lang.hdb.inview), r0(RT->lang.hdb.pt), r0(RT->lang.hdb.protos);
    r0(RT->lang.hdb.counts), r0(RT->lang.hdb.vp), r0(RT->lang.hdb.seen), mem_raw_free(RT->lang.hdb.base), mem_raw_free(RT->lang.hdb.label);
    memset(&RT->lang.hdb, 0, sizeof RT->lang.hdb);
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

/* the roots a database spans: the lines of par.txt, or the database itself; *labels (when
 * asked) names each as .Q.PD shows it: the line of par.txt, or the empty symbol for db */
static K db_roots(const char *db, K *labels) {
    char path[1200];
    snprintf(path, sizeof path, "%s/par.txt", db);
    K roots = ktn(0, 0);
    if (labels)
        *labels = ktn(KS, 0);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        jk(&roots, obj_str(db));
        if (labels)
            js(labels, ss(""));
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
        if (labels)
            js(labels, ss(line));
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
    J r;         /* the root's position in the roots list */
    S rname;     /* the root as .Q.PD names it (set before set_partitions) */
} Found;

static int found_cmp(const void *a, const void *b) {
    const Found *x = a, *y = b;
    if (x->value != y->value)
        return x->value < y->value ? -1 : 1;
    return x->r < y->r ? -1 : x->r > y->r; /* one value in two segments: par.txt's order */
}

static void found_free(Found *f, J n) {
    for (J i = 0; i < n; i++)
        mem_raw_free(f[i].dir);
    mem_raw_free(f);
}

/* s's text as a C string (the caller frees it), or NULL with 'wsfull pending */
static char *cstr(const K s) {
    char *p = mem_raw_strndup((const char *)kG(s), (size_t)s->n);
    return p ? p : (kerr("wsfull"), NULL);
}

/* the partitions under the roots (owned by the caller, *n of them), sorted by value; only
 * names of the kind the database is partitioned by (dates before months before digits) */
static Found *find_partitions(const K roots, J *n, S *pf) {
    Found *f = NULL;
    J count = 0, cap = 0;
    int best = NAME_NONE;
    bool four = true; /* every digits name has four digits: years */
    bool oom = false;
    for (J r = 0; r < roots->n && !oom; r++) {
        char *root = cstr(kK(roots)[r]);
        DIR *d = root ? opendir(root) : NULL;
        oom = !root;
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
                Found *g = mem_raw_realloc(f, (size_t)(cap ? 2 * cap : 16) * sizeof *f);
                if (!g) {
                    oom = true;
                    break;
                }
                f = g;
                cap = cap ? 2 * cap : 16;
            }
            f[count].value = v;
            f[count].kind = kind;
            if (!(f[count].dir = mem_raw_strdup(path))) {
                oom = true;
                break;
            }
            f[count].root = kK(roots)[r];
            f[count].r = r;
            count++;
            if (best == NAME_NONE || kind < best)
                best = kind;
            if (kind == NAME_DIGITS && strlen(e->d_name) != 4)
                four = false;
        }
        if (d)
            closedir(d);
        mem_raw_free(root);
    }
    if (oom) {
        found_free(f, count);
        *n = 0;
        *pf = ss("date");
        kerr("wsfull");
        return NULL;
    }
    J k = 0;
    for (J i = 0; i < count; i++) {
        if (f[i].kind == best)
            f[k++] = f[i];
        else
            mem_raw_free(f[i].dir);
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

static int sym_cmp(const void *a, const void *b) {
    return strcmp(*(const S *)a, *(const S *)b);
}

/* the tables in partition directory dir: its subdirectories holding a .d, by name */
static K partition_tables(const char *dir) {
    K out = ktn(KS, 0);
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char dfile[2500];
        snprintf(dfile, sizeof dfile, "%s/%s/.d", dir, e->d_name);
        if (access(dfile, R_OK) == 0)
            js(&out, e->d_name);
    }
    if (d)
        closedir(d);
    if (out->n > 1)
        qsort(kS(out), (size_t)out->n, sizeof(S), sym_cmp);
    return out;
}

static int set_global(const char *name, K v) {
    return env_set(ss((S)name), v);
}

static K sym_atom(S s) {
    K x = obj_atom(-KS);
    x->s = s;
    return x;
}

/* the positions in .Q.PV of the partitions in view (.Q.pv) */
static K view_parts(void) {
    K idx = ktn(KJ, 0);
    for (J p = 0; p < RT->lang.hdb.pv->n; p++)
        if (kG(RT->lang.hdb.inview)[p])
            ja(&idx, &p);
    return idx;
}

/* .Q.pv .Q.pd, the partition field's global (date) and .Q.pn (emptied: it is conformant to
 * .Q.pv), as the view gives them */
static int publish_view(void) {
    K idx = view_parts();
    K counts = ktn(0, RT->lang.hdb.pt->n); /* .Q.pn: filled in by .Q.cn */
    for (J t = 0; t < RT->lang.hdb.pt->n; t++)
        kK(counts)[t] = ktn(0, 0);
    int rc = set_global(".Q.pn", xD(r1(RT->lang.hdb.pt), counts)) < 0 ||
                     set_global(".Q.pv", eval_index(r1(RT->lang.hdb.pv), r1(idx))) < 0 ||
                     set_global(".Q.pd", eval_index(r1(RT->lang.hdb.roots), r1(idx))) < 0 ||
                     env_set(RT->lang.hdb.pf, eval_index(r1(RT->lang.hdb.pv), r1(idx))) < 0
                 ? -1
                 : 0;
    r0(idx);
    return rc;
}

/* the tables: .Q.pt, .Q.vp and each table's global */
static int publish_tables(void) {
    if (set_global(".Q.pt", r1(RT->lang.hdb.pt)) < 0 || set_global(".Q.vp", r1(RT->lang.hdb.vp)) < 0)
        return -1;
    for (J t = 0; t < RT->lang.hdb.pt->n; t++)
        if (env_set(kS(RT->lang.hdb.pt)[t], r1(kK(RT->lang.hdb.protos)[t])) < 0)
            return -1;
    return 0;
}

/* .Q.pf .Q.pv .Q.PV .Q.pd .Q.PD .Q.pt .Q.pn .Q.vp and the partition field's global (date) */
static int publish(void) {
    if (set_global(".Q.pf", sym_atom(RT->lang.hdb.pf)) < 0 || set_global(".Q.PV", r1(RT->lang.hdb.pv)) < 0 ||
        set_global(".Q.PD", r1(RT->lang.hdb.roots)) < 0 || publish_tables() < 0)
        return -1;
    return publish_view();
}

/* the symbol .Q.PD shows for partition f's root */
static S root_name(const Found *f, const K labels) {
    S l = kS(labels)[f->r];
    if (!*l)
        return ss(RT->lang.hdb.label);
    char handle[1100];
    snprintf(handle, sizeof handle, ":%s", l);
    return ss(handle);
}

/* the database's partitions become those of f (n of them, consumed; sorted): pv dirs roots, the
 * view (partitions in the old view or new to it stay in view), the counts and what .Q.bv
 * saw, kept by directory */
static void set_partitions(Found *f, J n) {
    K pv = ktn(pv_type(RT->lang.hdb.pf), n), dirs = ktn(0, n), roots = ktn(KS, n);
    K inview = ktn(KB, n), seen = ktn(0, n);
    for (J i = 0; i < n; i++) {
        kI(pv)[i] = f[i].value;
        kK(dirs)[i] = obj_str(f[i].dir);
        kS(roots)[i] = f[i].rname;
        kG(inview)[i] = 1;
        kK(seen)[i] = obj_identity();
        for (J o = 0; RT->lang.hdb.dirs && o < RT->lang.hdb.dirs->n; o++) {
            K d = kK(RT->lang.hdb.dirs)[o];
            if ((size_t)d->n == strlen(f[i].dir) && !memcmp(kG(d), f[i].dir, (size_t)d->n)) {
                kG(inview)[i] = kG(RT->lang.hdb.inview)[o];
                r0(kK(seen)[i]);
                kK(seen)[i] = r1(kK(RT->lang.hdb.seen)[o]);
            }
        }
    }
    found_free(f, n);
    r0(RT->lang.hdb.pv), r0(RT->lang.hdb.dirs), r0(RT->lang.hdb.roots), r0(RT->lang.hdb.inview), r0(RT->lang.hdb.seen);
    RT->lang.hdb.pv = pv, RT->lang.hdb.dirs = dirs, RT->lang.hdb.roots = roots, RT->lang.hdb.inview = inview, RT->lang.hdb.seen = seen;
    for (J t = 0; RT->lang.hdb.counts && t < RT->lang.hdb.counts->n; t++) {
        K c = ktn(KJ, n);
        for (J p = 0; p < n; p++)
            kJ(c)[p] = nj;
        r0(kK(RT->lang.hdb.counts)[t]);
        kK(RT->lang.hdb.counts)[t] = c;
    }
}

/* add table name (prototype proto, consumed) to .Q.pt */
static void add_table(S name, K proto) {
    js(&RT->lang.hdb.pt, name);
    jk(&RT->lang.hdb.protos, proto);
    K c = ktn(KJ, RT->lang.hdb.pv->n);
    for (J p = 0; p < RT->lang.hdb.pv->n; p++)
        kJ(c)[p] = nj;
    jk(&RT->lang.hdb.counts, c);
}

/* \l of a directory that holds partitions: q changes into it (unless cd is false, .Q.lo),
 * loads the sym file and the splayed tables at its top, and makes each table of the last
 * partition a partitioned table.  NULL without error when path holds no partitions (the
 * caller loads it as a directory). */
K part_load(const char *path, bool cd) {
    if (!file_is_dir(path))
        return NULL;
    /* paths stay valid after the change of directory: make them absolute first */
    char cwd[1024], abs_db[1200];
    if (!getcwd(cwd, sizeof cwd))
        cwd[0] = 0;
    snprintf(abs_db, sizeof abs_db, "%s%s%s", path[0] == '/' ? "" : cwd, path[0] == '/' ? "" : "/", path);
    K labels;
    K roots = db_roots(abs_db, &labels);
    J n;
    S pf;
    Found *f = find_partitions(roots, &n, &pf);
    if (!n || RT->lang.read_only) {
        found_free(f, n);
        r0(roots), r0(labels);
        return n ? kerr("noupdate") : NULL;
    }
    if (cd && chdir(abs_db) < 0) {
        found_free(f, n);
        r0(roots), r0(labels);
        return kerr(path);
    }
    hdb_clear();
    RT->lang.hdb.pf = pf;
    RT->lang.hdb.base = mem_raw_strdup(abs_db);
    char label[1100];
    snprintf(label, sizeof label, ":%s", cd ? "." : path);
    RT->lang.hdb.label = mem_raw_strdup(label);
    if (!RT->lang.hdb.base || !RT->lang.hdb.label) {
        found_free(f, n);
        r0(roots), r0(labels);
        hdb_clear();
        return kerr("wsfull");
    }
    for (J i = 0; i < n; i++)
        f[i].rname = root_name(&f[i], labels);
    set_partitions(f, n);
    r0(roots), r0(labels);
    /* the tables: the splayed directories of the last partition */
    RT->lang.hdb.pt = ktn(KS, 0);
    RT->lang.hdb.protos = ktn(0, 0);
    RT->lang.hdb.counts = ktn(0, 0);
    RT->lang.hdb.vp = xD(ktn(KS, 0), ktn(0, 0));
    char *last = cstr(kK(RT->lang.hdb.dirs)[n - 1]);
    K entries = last ? partition_tables(last) : NULL;
    if (!entries) {
        mem_raw_free(last);
        hdb_clear();
        return kerr_msg() ? NULL : kerr("wsfull");
    }
    for (J i = 0; i < entries->n; i++) {
        char tdir[2400];
        snprintf(tdir, sizeof tdir, "%s/%s", last, kS(entries)[i]);
        K proto = table_proto(tdir, pf);
        if (!proto) {
            kerr_clear(); /* an unreadable table is left out, as \l leaves out other files */
            continue;
        }
        add_table(kS(entries)[i], proto);
    }
    mem_raw_free(last);
    r0(entries);
    /* sym and the splayed tables at the top (partition names hold no table) */
    K top = file_load_dir(cd ? "." : abs_db);
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
    if (!RT->lang.hdb.pf || t->t != XT)
        return -1;
    for (J i = 0; i < RT->lang.hdb.pt->n; i++)
        if (kK(RT->lang.hdb.protos)[i]->k == t->k)
            return (int)i;
    return -1;
}

static char *table_dir(int ti, J p, char *buf, size_t size) {
    K dir = kK(RT->lang.hdb.dirs)[p];
    snprintf(buf, size, "%.*s/%s", (int)dir->n, (char *)kG(dir), kS(RT->lang.hdb.pt)[ti]);
    return buf;
}

/* rows of table ti in partition p: from a column's header, once; 0 when the partition
 * lacks the table */
static J rows_in(int ti, J p) {
    J *c = &kJ(kK(RT->lang.hdb.counts)[ti])[p];
    if (*c != nj)
        return *c;
    char dir[2400];
    table_dir(ti, p, dir, sizeof dir);
    K names = TABLE_COLS(kK(RT->lang.hdb.protos)[ti]);
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

/* count of a partitioned table; -1 when t is none (RT->svc.part_count) */
static J part_count(const K t) {
    int ti = part_find(t);
    if (ti < 0)
        return -1;
    J total = 0;
    for (J p = 0; p < RT->lang.hdb.pv->n; p++)
        if (kG(RT->lang.hdb.inview)[p])
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

/* add to *found the column of names (or i) that name s reads: time.minute reads time */
static void ref_name(S s, const K names, K *found) {
    const char *dot = s[0] == '.' ? NULL : strchr(s, '.');
    if (dot)
        s = sym_intern(s, (size_t)(dot - s));
    if ((has_sym(names, s) || s == ss("i")) && !has_sym(*found, s))
        js(found, s);
}

/* add to *found the columns of names (and i) that parse tree e refers to */
static void refs(const K e, const K names, K *found) {
    if (!stack_ok()) /* too deep to read (stack.h): evaluating e answers 'stack anyway */
        return;
    if (e->t == -KS) {
        ref_name(e->s, names, found);
    } else if (e->t == KS) {
        for (J i = 0; i < e->n; i++)
            ref_name(kS(e)[i], names, found);
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

/* the prototype .Q.vp holds for table ti (borrowed), or NULL when .Q.bv gave it none */
static K vp_proto(int ti) {
    K keys = DICT_KEYS(RT->lang.hdb.vp);
    for (J i = 0; i < keys->n; i++)
        if (kS(keys)[i] == kS(RT->lang.hdb.pt)[ti])
            return kK(DICT_VALS(RT->lang.hdb.vp))[i];
    return NULL;
}

/* the error for table ti missing from partition p, which q meets as a missing file: its
 * first column named (or its first column) under the partition's root as .Q.PD names it */
static K missing_error(int ti, J p, const K need) {
    K names = TABLE_COLS(kK(RT->lang.hdb.protos)[ti]);
    S col = names->n > 1 ? kS(names)[1] : kS(RT->lang.hdb.pt)[ti];
    for (J c = 1; c < names->n; c++)
        if (has_sym(need, kS(names)[c])) {
            col = kS(names)[c];
            break;
        }
    K dir = kK(RT->lang.hdb.dirs)[p];
    J at = dir->n;
    while (at > 0 && ((char *)kG(dir))[at - 1] != '/')
        at--;
    char msg[2600];
    snprintf(msg, sizeof msg, "%s/%.*s/%s/%s. OS reports: No such file or directory",
             kS(RT->lang.hdb.roots)[p] + 1, (int)(dir->n - at), (char *)kG(dir) + at, kS(RT->lang.hdb.pt)[ti], col);
    return kerr(msg);
}

/* table ti's columns need (in the prototype's order) as they are in partition p; a
 * partition without the table has none of its rows when .Q.bv allowed it (.Q.vp), and is
 * an error otherwise, as in q */
static K read_partition(int ti, J p, const K need) {
    K proto = kK(RT->lang.hdb.protos)[ti];
    K names = TABLE_COLS(proto);
    char dir[2400];
    table_dir(ti, p, dir, sizeof dir);
    bool present = file_is_dir(dir);
    K vp = present ? NULL : vp_proto(ti);
    if (!present && !vp)
        return missing_error(ti, p, need);
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
                kI(col)[r] = kI(RT->lang.hdb.pv)[p];
        } else if (!present) { /* the column of .Q.vp's prototype, or of the table's */
            K vn = TABLE_COLS(vp);
            col = r1(kK(TABLE_DATA(proto))[c]);
            for (J v = 0; v < vn->n; v++)
                if (kS(vn)[v] == name && kK(TABLE_DATA(vp))[v]->t == col->t) {
                    r0(col);
                    col = r1(kK(TABLE_DATA(vp))[v]);
                }
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
            kI(col)[r] = kI(RT->lang.hdb.pv)[p];
        jk(&outc, col);
    }
    return xT(xD(outn, outc));
}

/* the prototype's columns need, empty */
static K empty_of(int ti, const K need) {
    K proto = kK(RT->lang.hdb.protos)[ti];
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
        return e->t < KLAMBDA || e->t == XD ? true : false;
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

/* a (dict of output name -> expression) mapped: *partials (name -> partial expression) and
 * the Mapped of each output; false when some expression does not map */
static bool map_all(const K a, K *partials, Mapped **maps) {
    J n = obj_count(a);
    Mapped *m = mem_raw_calloc((size_t)(n ? n : 1), sizeof *m);
    if (!m)
        return false; /* the general path runs instead */
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
        mem_raw_free(m);
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
    bool ok = found->n == 1 && kS(found)[0] == RT->lang.hdb.pf;
    r0(found);
    return ok;
}

/* partitions passing the leading where clauses 0..lead-1 (positions in .Q.pv) */
static K prune(const K where, J lead) {
    K idx = view_parts();
    K names = ktn(KS, 1);
    kS(names)[0] = RT->lang.hdb.pf;
    for (J w = 0; w < lead && idx; w++) {
        K vals[1] = {eval_index(r1(RT->lang.hdb.pv), r1(idx))};
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
    K proto = kK(RT->lang.hdb.protos)[ti];
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
    r0(ad), r0(partials), mem_raw_free(maps), r0(need), r0(rest), r0(parts), r0(b), r0(a);
    return out;
fail:
    r0(ad), r0(partials), mem_raw_free(maps), r0(need), r0(rest), r0(parts), r0(b), r0(a);
    return NULL;
}

/* ---- .Q functions written in C ---------------------------------------------------------- */

/* the first of n arguments, the others released (unary .Q functions take what q passes) */
static K first_arg(K *args, int n) {
    for (int i = 1; i < n; i++)
        r0(args[i]);
    return args[0];
}

/* the partitioned table t (consumed), or named by t: its index in RT->lang.hdb.protos, or -1 */
static int part_of(K t) {
    if (t->t == -KS) {
        K v = env_get(t->s);
        r0(t);
        if (!v) {
            kerr_clear();
            return -1;
        }
        t = v;
    }
    int ti = part_find(t);
    r0(t);
    return ti;
}

/* .Q.cn t: rows per partition (.Q.pn filled in as a side effect) */
static K q_cn(void *ptr, K *args, int n) {
    UNUSED(ptr);
    int ti = part_of(first_arg(args, n));
    if (ti < 0)
        return kerr("type");
    K idx = view_parts();
    K out = ktn(KJ, idx->n);
    for (J i = 0; i < idx->n; i++)
        kJ(out)[i] = rows_in(ti, kJ(idx)[i]);
    r0(idx);
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
    K rows = args[1];
    int ti = part_of(args[0]);
    if (ti < 0 || rows->t != KJ) {
        r0(rows);
        return kerr("type");
    }
    K need = r1(TABLE_COLS(kK(RT->lang.hdb.protos)[ti]));
    K acc = NULL;
    J start = 0;
    for (J p = 0; p < RT->lang.hdb.pv->n; p++) {
        if (!kG(RT->lang.hdb.inview)[p])
            continue;
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

/* RT->svc.part_rows: n#t of a partitioned table t takes rows as .Q.ind does */
static K part_rows(K t, K rows) {
    K a[2] = {t, rows};
    return q_ind(NULL, a, 2);
}

/* .Q.qp x: 1b for a partitioned table, 0b for another table, 0 otherwise */
static K q_qp(void *ptr, K *args, int n) {
    UNUSED(ptr);
    K x = first_arg(args, n);
    K r = x->t == XT ? kb(part_find(x) >= 0) : kj(0);
    r0(x);
    return r;
}

/* ---- the view, missing tables, added partitions ----------------------------------------- */

static K no_database(K *args, int n) {
    for (int i = 0; i < n; i++)
        r0(args[i]);
    return kerr(".Q.PV"); /* as q meets the .Q values no database has set */
}

/* .Q.view x: every query sees only the partitions whose values are in x (.Q.pv, .Q.pd and
 * the partition field's global follow; .Q.pn is emptied); .Q.view[] gives back them all */
static K q_view(void *ptr, K *args, int n) {
    UNUSED(ptr);
    if (!RT->lang.hdb.pf)
        return no_database(args, n);
    K x = first_arg(args, n);
    K in;
    if (obj_is_identity(x)) {
        r0(x);
        in = ktn(KB, RT->lang.hdb.pv->n);
        memset(kG(in), 1, (size_t)in->n);
    } else {
        if (RT->lang.hdb.pv->t == KI && (x->t == KJ || x->t == -KJ)) /* int partitions named by longs */
            x = prim_cast(kh(KI), x);
        in = prim_in(r1(RT->lang.hdb.pv), x);
        if (!in)
            return NULL;
    }
    bool any = false;
    for (J p = 0; in->t == KB && p < in->n; p++)
        any = any || kG(in)[p];
    if (!any) {
        r0(in);
        return kerr("invalid partition filter");
    }
    r0(RT->lang.hdb.inview);
    RT->lang.hdb.inview = in;
    return publish_view() < 0 ? NULL : obj_identity();
}

/* .Q.bv[] and .Q.bvi[]: find the tables of every partition (.Q.bvi: of the partitions not
 * looked at yet) and make .Q.vp the prototype of each table some partition lacks, from the
 * last partition holding it (.Q.bv[`]: the first); a table not in .Q.pt joins it.  Queries
 * then read a partition without the table as none of its rows (read_partition). */
static K build_vp(K *args, int n, bool rescan) {
    if (!RT->lang.hdb.pf)
        return no_database(args, n);
    bool first = n > 0 && args[0]->t == -KS && !*args[0]->s;
    if (rescan || first || (n > 0 && obj_is_identity(args[0])))
        RT->lang.hdb.first = first;
    for (int i = 0; i < n; i++)
        r0(args[i]);
    J np = RT->lang.hdb.pv->n;
    for (J p = 0; p < np; p++)
        if (rescan || kK(RT->lang.hdb.seen)[p]->t != KS) {
            char *dir = cstr(kK(RT->lang.hdb.dirs)[p]);
            if (!dir)
                return NULL;
            r0(kK(RT->lang.hdb.seen)[p]);
            kK(RT->lang.hdb.seen)[p] = partition_tables(dir);
            mem_raw_free(dir);
        }
    K all = r1(RT->lang.hdb.pt);
    for (J p = 0; p < np; p++)
        for (J t = 0; t < kK(RT->lang.hdb.seen)[p]->n; t++)
            if (!has_sym(all, kS(kK(RT->lang.hdb.seen)[p])[t]))
                js(&all, kS(kK(RT->lang.hdb.seen)[p])[t]);
    K vk = ktn(KS, 0), vv = ktn(0, 0);
    J before = RT->lang.hdb.pt->n;
    for (J t = 0; t < all->n; t++) {
        S name = kS(all)[t];
        J holder = -1;
        bool missing = false;
        for (J p = 0; p < np; p++) {
            if (!has_sym(kK(RT->lang.hdb.seen)[p], name))
                missing = true;
            else if (holder < 0 || !RT->lang.hdb.first)
                holder = p;
        }
        if (!missing || holder < 0)
            continue;
        char tdir[2400];
        K d = kK(RT->lang.hdb.dirs)[holder];
        snprintf(tdir, sizeof tdir, "%.*s/%s", (int)d->n, (char *)kG(d), name);
        K proto = table_proto(tdir, RT->lang.hdb.pf);
        if (!proto) {
            r0(all), r0(vk), r0(vv);
            return NULL;
        }
        K pc = TABLE_COLS(proto), plain = ktn(0, pc->n); /* types, not attributes */
        for (J c = 0; c < pc->n; c++)
            kK(plain)[c] = ktn(kK(TABLE_DATA(proto))[c]->t, 0);
        plain = xT(xD(r1(pc), plain));
        js(&vk, name);
        jk(&vv, plain);
        if (!has_sym(RT->lang.hdb.pt, name))
            add_table(name, proto);
        else
            r0(proto);
    }
    r0(all);
    r0(RT->lang.hdb.vp);
    RT->lang.hdb.vp = xD(vk, vv);
    if (publish_tables() < 0 || (RT->lang.hdb.pt->n != before && publish_view() < 0))
        return NULL;
    return obj_identity();
}

static K q_bv(void *ptr, K *args, int n) {
    UNUSED(ptr);
    return build_vp(args, n, true);
}

static K q_bvi(void *ptr, K *args, int n) {
    UNUSED(ptr);
    return build_vp(args, n, false);
}

/* a partition's path from the symbol or string x (borrowed): `:db, `db or "db" */
static bool path_of(const K x, char *buf, size_t size) {
    if (x->t == -KS)
        snprintf(buf, size, "%s", x->s[0] == ':' ? x->s + 1 : x->s);
    else if (x->t == KC)
        snprintf(buf, size, "%.*s", (int)x->n, (char *)kG(x));
    else
        return false;
    return buf[0] != 0;
}

/* .Q.chk x: in the database at path x, every table some partition lacks is written there
 * empty, with the columns of the most recent partition holding it; one item per partition,
 * the most recent first: the partition's path when it was filled, () when not */
static K q_chk(void *ptr, K *args, int n) {
    UNUSED(ptr);
    K x = first_arg(args, n);
    char db[1100];
    bool ok = path_of(x, db, sizeof db);
    r0(x);
    if (!ok)
        return kerr("type");
    if (!file_is_dir(db)) {
        char msg[1200];
        snprintf(msg, sizeof msg, ":%s. OS reports: No such file or directory", db);
        return kerr(msg);
    }
    K roots = db_roots(db, NULL);
    J np;
    S pf;
    Found *f = find_partitions(roots, &np, &pf);
    K tabs = ktn(0, np), all = ktn(KS, 0);
    for (J p = 0; p < np; p++) {
        kK(tabs)[p] = partition_tables(f[p].dir);
        for (J t = 0; t < kK(tabs)[p]->n; t++)
            if (!has_sym(all, kS(kK(tabs)[p])[t]))
                js(&all, kS(kK(tabs)[p])[t]);
    }
    K out = ktn(0, 0);
    for (J p = np - 1; p >= 0 && out; p--) {
        bool filled = false;
        for (J t = 0; t < all->n && out; t++) {
            S name = kS(all)[t];
            if (has_sym(kK(tabs)[p], name))
                continue;
            J from = np - 1;
            while (!has_sym(kK(tabs)[from], name))
                from--;
            char src[2400], dst[2400];
            snprintf(src, sizeof src, "%s/%s", f[from].dir, name);
            snprintf(dst, sizeof dst, "%s/%s", f[p].dir, name);
            K r = file_splay_empty(src, dst);
            if (!r) {
                r0(out);
                out = NULL;
            }
            r0(r);
            filled = true;
        }
        if (!out)
            break;
        if (filled) {
            char handle[2400];
            snprintf(handle, sizeof handle, ":%s", f[p].dir);
            K one = ktn(KS, 1);
            kS(one)[0] = ss(handle);
            jk(&out, one);
        } else {
            jk(&out, ktn(0, 0));
        }
    }
    found_free(f, np);
    r0(roots), r0(tabs), r0(all);
    return out;
}

/* .Q.li x: the partitions on disk under the loaded database whose values are in x and are
 * not loaded yet join it (and the view); the tables stay those loaded */
static K q_li(void *ptr, K *args, int n) {
    UNUSED(ptr);
    if (!RT->lang.hdb.pf)
        return no_database(args, n);
    K x = first_arg(args, n);
    K labels;
    K roots = db_roots(RT->lang.hdb.base, &labels);
    J nfound;
    S pf;
    Found *f = find_partitions(roots, &nfound, &pf);
    if (pf != RT->lang.hdb.pf) { /* names of another kind: none of them is a partition here */
        found_free(f, nfound);
        f = NULL, nfound = 0;
    }
    K vals = ktn(pv_type(RT->lang.hdb.pf), nfound);
    for (J i = 0; i < nfound; i++)
        kI(vals)[i] = f[i].value;
    if (RT->lang.hdb.pv->t == KI && (x->t == KJ || x->t == -KJ))
        x = prim_cast(kh(KI), x);
    K want = prim_in(vals, x);
    if (!want || want->t != KB) {
        found_free(f, nfound);
        r0(roots), r0(labels), r0(want);
        return want ? kerr("type") : NULL;
    }
    /* the loaded partitions, then those to add */
    J np = RT->lang.hdb.pv->n, k = 0;
    Found *g = mem_raw_alloc((size_t)(np + nfound + 1) * sizeof *g);
    if (!g) {
        found_free(f, nfound);
        r0(roots), r0(labels), r0(want);
        return kerr("wsfull");
    }
    for (J p = 0; p < np; p++) {
        g[k].value = kI(RT->lang.hdb.pv)[p];
        g[k].kind = 0;
        if (!(g[k].dir = cstr(kK(RT->lang.hdb.dirs)[p]))) {
            found_free(g, k);
            found_free(f, nfound);
            r0(roots), r0(labels), r0(want);
            return NULL;
        }
        g[k].root = NULL;
        g[k].r = 0;
        g[k].rname = kS(RT->lang.hdb.roots)[p];
        k++;
    }
    for (J i = 0; i < nfound; i++) {
        bool loaded = false;
        for (J p = 0; p < np && !loaded; p++)
            loaded = !strcmp(g[p].dir, f[i].dir);
        if (loaded || !kG(want)[i]) {
            mem_raw_free(f[i].dir);
            continue;
        }
        g[k] = f[i];
        g[k].rname = root_name(&f[i], labels);
        k++;
    }
    mem_raw_free(f);
    r0(want), r0(roots), r0(labels);
    if (k > 1)
        qsort(g, (size_t)k, sizeof *g, found_cmp);
    set_partitions(g, k);
    return publish() < 0 ? NULL : obj_identity();
}

/* .Q.lo[db;cd;scripts]: load database db, changing into it only when cd, and running the
 * scripts at its top only when scripts (sys.c) */
static K q_lo(void *ptr, K *args, int n) {
    UNUSED(ptr);
    if (n != 3) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return kerr("rank");
    }
    char db[1100];
    bool ok = path_of(args[0], db, sizeof db);
    bool flags[2]; /* cd, scripts: boolean or integer atoms, true when not zero */
    for (int i = 1; i < 3; i++) {
        K a = args[i];
        J v = a->t == -KB || a->t == -KG ? a->g : a->t == -KH ? a->h : a->t == -KI ? a->i : a->j;
        ok = ok && (a->t == -KB || a->t == -KG || a->t == -KH || a->t == -KI || a->t == -KJ);
        flags[i - 1] = v != 0;
    }
    for (int i = 0; i < 3; i++)
        r0(args[i]);
    if (!ok)
        return kerr("type");
    K r = sys_load_database(db, flags[0], flags[1]);
    if (!r && !kerr_msg()) {
        char msg[1200];
        snprintf(msg, sizeof msg, ":%s. OS reports: No such file or directory", db);
        return kerr(msg);
    }
    return r;
}

void part_init(void) {
    env_set(ss(".Q.qp"), obj_foreign_fn(NULL, NULL, q_qp, 1));
    RT->svc.part_count = part_count;
    RT->svc.part_rows = part_rows;
    env_set(ss(".Q.cn"), obj_foreign_fn(NULL, NULL, q_cn, 1));
    env_set(ss(".Q.ind"), obj_foreign_fn(NULL, NULL, q_ind, 2));
    env_set(ss(".Q.view"), obj_foreign_fn(NULL, NULL, q_view, 1));
    env_set(ss(".Q.bv"), obj_foreign_fn(NULL, NULL, q_bv, 1));
    env_set(ss(".Q.bvi"), obj_foreign_fn(NULL, NULL, q_bvi, 1));
    env_set(ss(".Q.chk"), obj_foreign_fn(NULL, NULL, q_chk, 1));
    env_set(ss(".Q.li"), obj_foreign_fn(NULL, NULL, q_li, 1));
    env_set(ss(".Q.lo"), obj_foreign_fn(NULL, NULL, q_lo, 3));
}
