/* sys.c -- system commands (\t \ts \c \P \d \v \f \a \e \l \S ...), script loading, and
 * the primitives about the process: show, exit, getenv, setenv, system. */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../fmt/fmt.h"
#include "../base/pool.h"
#include "cmdline.h"
#include "lang_int.h"

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static K eval_text(const char *s, size_t n) {
    K tree = parse_text(s, n, false);
    if (!tree)
        return NULL;
    K r = eval_node(tree, NULL);
    r0(tree);
    return r;
}

/* \t [n] expr: milliseconds to run expr (n times) */
static K cmd_time(const char *arg, size_t n, bool space) {
    J reps = 1;
    if (n && arg[0] == ':') { /* \t:n: n digits, or a name or expression up to the blank
                               * whose value is an integer (KX's comb.q times \t:n a[20;5]) */
        arg++, n--;
        size_t w = 0;
        while (w < n && arg[w] != ' ')
            w++;
        size_t d = 0;
        while (d < w && isdigit((unsigned char)arg[d]))
            d++;
        if (d == w) {
            reps = strtoll(arg, NULL, 10);
        } else {
            K c = eval_text(arg, w);
            if (!c)
                return NULL;
            bool whole = c->t == -KJ || c->t == -KI || c->t == -KH;
            reps = c->t == -KJ ? c->j : c->t == -KI ? c->i : c->t == -KH ? c->h : 0;
            r0(c);
            if (!whole)
                return kerr("type");
        }
        arg += w, n -= w;
    }
    MemStats before = mem_stats();
    int64_t old_peak = mem_peak_begin(); /* the space is this expression's own peak */
    double t0 = now_ms();
    for (J i = 0; i < reps; i++) {
        K r = eval_text(arg, n);
        if (!r) {
            mem_peak_end(old_peak);
            return NULL;
        }
        r0(r);
    }
    J ms = (J)(now_ms() - t0);
    J peak = mem_stats().peak_bytes - before.live_bytes;
    mem_peak_end(old_peak);
    if (!space)
        return kj(ms);
    K v = ktn(KJ, 2);
    kJ(v)[0] = ms;
    kJ(v)[1] = peak;
    return v;
}

static K names_where(bool want_functions, bool want_tables) {
    K all = env_names(RT->lang.context);
    K out = ktn(KS, 0);
    for (J i = 0; all && i < all->n; i++) {
        K v = env_get(env_qualify(kS(all)[i]));
        if (!v)
            continue;
        bool fn = v->t >= KLAMBDA && v->t <= KFOREIGN;
        bool tb = v->t == XT || obj_is_keyed(v);
        r0(v);
        if ((want_functions && fn) || (want_tables && tb) || (!want_functions && !want_tables && !fn))
            js(&out, kS(all)[i]);
    }
    r0(all);
    return out;
}

/* the q scripts at the top of database dir, in name order, run as \l runs them */
static K run_db_scripts(const char *dir) {
    char sub[1200];
    snprintf(sub, sizeof sub, ":%s", dir);
    K handle = ks(sub);
    K names = file_key(handle);
    r0(handle);
    if (!names || names->t != KS) {
        r0(names);
        kerr_clear();
        return obj_identity();
    }
    for (J i = 0; i < names->n; i++) {
        const char *n = kS(names)[i];
        size_t len = strlen(n);
        if (len < 3 || n[0] == '.' || strcmp(n + len - 2, ".q") != 0)
            continue;
        snprintf(sub, sizeof sub, "%s/%s", dir, n);
        K r = sys_load(sub);
        if (!r) {
            r0(names);
            return NULL;
        }
        r0(r);
    }
    r0(names);
    return obj_identity();
}

/* a database directory loaded (syscmds.md, .Q.lo): its partitions, or the data files and
 * splayed tables at its top; it becomes the current directory when cd, and its scripts run
 * after the data when scripts.  NULL without error when path is no directory. */
K sys_load_database(const char *path, bool cd, bool scripts) {
    struct stat st;
    if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
        return NULL;
    K db = part_load(path, cd);
    if (!db && kerr_msg())
        return NULL;
    if (!db) {
        if (lang_refuse_update())
            return NULL;
        if (cd && chdir(path) < 0)
            return kerr(path);
        part_free(); /* no partitions here now: a database loaded before is gone */
        db = file_load_dir(cd ? "." : path);
        if (!db)
            return NULL;
    }
    if (!scripts)
        return db;
    r0(db);
    return run_db_scripts(cd ? "." : path);
}

/* \l of a directory (syscmds.md): a splayed table (it has a .d) becomes the global its
 * name gives; any other directory is a database, which becomes the current directory and
 * is loaded from there (partitions, or the data files and splayed tables at its top), then
 * its scripts run (not for \l ., which reloads only data).  NULL without error when path
 * is no directory. */
static K load_directory(const char *path) {
    struct stat st;
    if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
        return NULL;
    K t = file_load_splayed(path);
    if (t || kerr_msg())
        return t;
    return sys_load_database(path, true, strcmp(path, ".") != 0);
}

K sys_load(const char *path) {
    kerr_clear(); /* "no error" below must mean none from this load, not one left pending */
    if (RT->svc.load) { /* a script built into a higher layer (pykx.q) */
        K r = RT->svc.load(path);
        if (r || kerr_msg())
            return r;
    }
    K db = load_directory(path);
    if (db || kerr_msg())
        return db;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return kerr(path);
    fseek(fp, 0, SEEK_END);
    long size = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = mem_raw_alloc((size_t)(size > 0 ? size : 1));
    if (!buf) {
        fclose(fp);
        return kerr("wsfull");
    }
    size_t got = fread(buf, 1, (size_t)size, fp);
    fclose(fp);
    S saved = RT->lang.context;
    K r = lang_eval_script(buf, got, path);
    RT->lang.context = saved;
    mem_raw_free(buf);
    if (!r)
        return NULL;
    r0(r);
    return obj_identity();
}



static K run_command(const char *cmd, size_t n);

/* does \word arg change a setting of the process?  The settings commands read the setting
 * when given nothing and change it when given a value; \t changes the timer only when given
 * a number (\t expr times expr). */
static bool changes_setting(const char *word, const char *arg, size_t an) {
    static const char *const settings[] = {"cd", "d", "p", "P", "z", "c", "e", "g", "o", "s", "S", "T", "W"};
    if (!an)
        return false;
    if (!strcmp(word, "w")) /* \w 0 reads the symbol figures; \w MB sets the limit */
        return strtoll(arg, NULL, 10) != 0;
    if (!strcmp(word, "t")) {
        for (size_t i = 0; i < an; i++)
            if (!isdigit((unsigned char)arg[i]))
                return false;
        return true;
    }
    for (size_t i = 0; i < ARRAY_LEN(settings); i++)
        if (!strcmp(word, settings[i]))
            return true;
    return false;
}

/* a \command of n bytes: run on a NUL-terminated copy, so that the number and prefix parsing
 * below never reads past the text it was given */
K sys_command(const char *cmd, size_t n) {
    char *copy = mem_raw_alloc(n + 1);
    if (!copy)
        return kerr("wsfull");
    memcpy(copy, cmd, n);
    copy[n] = 0;
    K r = run_command(copy, n);
    mem_raw_free(copy);
    return r;
}

/* \b ns, \B ns: the views of namespace ns (the current one when NULL), sorted; the pending
 * ones */
static K views_of(const char *ns, size_t n, bool pending) {
    S name = RT->lang.context;
    if (ns) {
        char buf[256];
        snprintf(buf, sizeof buf, "%.*s", (int)n, ns);
        name = strcmp(buf, ".") ? ss(buf) : sym_null;
    }
    return pending ? env_views_pending(name) : env_views(name);
}

/* \x name: delete the global (a .z hook returns to its default: none) */
static K expunge(const char *arg, size_t n) {
    char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)n, arg);
    char *dot = strrchr(buf, '.');
    const char *ns = ".", *key = buf;
    if (dot && dot != buf) { /* .z.pi: pi in .z */
        *dot = 0;
        ns = buf, key = dot + 1;
    }
    K v = obj_vec(KS, 1);
    if (!v)
        return NULL;
    kS(v)[0] = ss((S)key);
    int rc = env_delete(ss((S)ns), v);
    r0(v);
    return rc < 0 ? NULL : obj_identity();
}

/* \r src dst: rename(2); 'os with the reason when it fails */
static K rename_file(const char *arg, size_t n) {
    char src[1024], dst[1024];
    if (sscanf(arg, "%1023s %1023s", src, dst) != 2) {
        (void)n;
        return kerr("rank");
    }
    if (lang_refuse_update())
        return NULL;
    if (rename(src, dst) < 0) {
        char msg[256];
        snprintf(msg, sizeof msg, "os: %s", strerror(errno));
        return kerr(msg);
    }
    return obj_identity();
}

/* \1 file, \2 file: stdout or stderr appended to file from now on (\1 /dev/stdin: back to
 * the terminal), the directories made when missing */
static K redirect(FILE *stream, const char *arg, size_t n) {
    char path[1024];
    snprintf(path, sizeof path, "%.*s", (int)n, arg);
    if (lang_refuse_update())
        return NULL;
    for (char *p = path + 1; *p; p++) /* intermediate directories */
        if (*p == '/') {
            *p = 0;
            mkdir(path, 0777);
            *p = '/';
        }
    fflush(stream);
    if (!freopen(path, "a", stream)) {
        char msg[1200];
        snprintf(msg, sizeof msg, "%s: %s", path, strerror(errno));
        return kerr(msg);
    }
    return obj_identity();
}

/* \q args: start another q process (this binary) with args, detached: the shell runs it in
 * the background and returns at once; its output goes where this process's goes.  KX's
 * e/mserve.q starts its workers so.  Undocumented in q; an OS command here, so refused where
 * OS commands are. */
static K spawn_self(const char *arg, size_t an) {
    if (lang_refuse_update())
        return NULL;
    if (getenv("OPENQ_NO_SHELL"))
        return kerr("os");
    char self[2048];
    ssize_t l = readlink("/proc/self/exe", self, sizeof self - 1);
    if (l <= 0 || memchr(self, '\'', (size_t)l))
        return kerr("os");
    self[l] = 0;
    char shell[6144];
    int m = snprintf(shell, sizeof shell, "exec '%s' %.*s </dev/null &", self, (int)an, arg);
    if (m < 0 || (size_t)m >= sizeof shell)
        return kerr("limit");
    fflush(stdout);
    fflush(stderr);
    return system(shell) == 0 ? obj_identity() : kerr("os");
}

static K run_command(const char *cmd, size_t n) {
    while (n && (cmd[n - 1] == ' ' || cmd[n - 1] == '\n'))
        n--;
    size_t w = 0;
    while (w < n && !isspace((unsigned char)cmd[w]))
        w++;
    const char *arg = cmd + w;
    size_t an = n - w;
    while (an && isspace((unsigned char)*arg))
        arg++, an--;
    char word[16] = {0};
    memcpy(word, cmd, w < sizeof word - 1 ? w : sizeof word - 1);
    /* read-only mode: settings are the server's, shared by every client */
    if (changes_setting(word, arg, an) && lang_refuse_update())
        return NULL;

    if (!strcmp(word, "t") || !strncmp(cmd, "t:", 2)) {
        if (w > 1) /* \t:n expr */
            return cmd_time(cmd + 1, n - 1, false);
        if (an == 0)
            return ki((I)RT->lang.timer_ms);
        bool digits = true;
        for (size_t i = 0; i < an; i++)
            digits = digits && isdigit((unsigned char)arg[i]);
        if (digits) { /* \t ms: the .z.ts timer */
            RT->lang.timer_ms = strtoll(arg, NULL, 10);
            if (RT->svc.set_timer)
                RT->svc.set_timer(RT->lang.timer_ms);
            return obj_identity();
        }
        return cmd_time(arg, an, false);
    }
    if (!strcmp(word, "ts") || !strncmp(cmd, "ts:", 3))
        return w > 2 ? cmd_time(cmd + 2, n - 2, true) : cmd_time(arg, an, true);
    if (!strcmp(word, "P")) {
        if (an == 0)
            return ki(RT->fmt.settings.precision);
        int p = atoi(arg);
        if (p < 0 || p > 17)
            return kerr("domain");
        RT->fmt.settings.precision = p;
        return obj_identity();
    }
    if (!strcmp(word, "c") || !strcmp(word, "C")) { /* console size; HTTP size (.h.jx pages) */
        int *rows = word[0] == 'c' ? &RT->fmt.settings.console_rows : &RT->lang.http_rows;
        int *cols = word[0] == 'c' ? &RT->fmt.settings.console_cols : &RT->lang.http_cols;
        if (an == 0) {
            K v = ktn(KJ, 2); /* q shows 25 80 and 36 2000 */
            kJ(v)[0] = *rows;
            kJ(v)[1] = *cols;
            return v;
        }
        int r = 0, c = 0;
        if (sscanf(arg, "%d %d", &r, &c) == 2) { /* coerced to [10,2000] (basics/syscmds.md) */
            *rows = r < 10 ? 10 : r > 2000 ? 2000 : r;
            *cols = c < 10 ? 10 : c > 2000 ? 2000 : c;
        }
        return obj_identity();
    }
    if (!strcmp(word, "d")) {
        if (an == 0) {
            K s = obj_atom(-KS);
            s->s = RT->lang.context == sym_null ? ss(".") : RT->lang.context;
            return s;
        }
        S ctx = sym_intern(arg, an);
        RT->lang.context = strcmp(ctx, ".") == 0 ? sym_null : ctx;
        return obj_identity();
    }
    if (!strcmp(word, "cd")) { /* \cd: the working directory; \cd dir: change it */
        if (!an) {
            char dir[4096];
            return getcwd(dir, sizeof dir) ? obj_str(dir) : kerr("os");
        }
        char dir[4096]; /* a missing directory is made first (basics/syscmds.md#cd) */
        snprintf(dir, sizeof dir, "%.*s", (int)an, arg);
        if (chdir(dir) == 0)
            return obj_identity();
        if (errno != ENOENT || lang_refuse_update())
            return kerr_msg() ? NULL : kerr(dir);
        for (char *p = dir + 1;; p++)
            if (*p == '/' || !*p) {
                char c = *p;
                *p = 0;
                if (mkdir(dir, 0777) < 0 && errno != EEXIST)
                    return kerr(dir);
                if (!(*p = c))
                    break;
            }
        return chdir(dir) == 0 ? obj_identity() : kerr(dir);
    }
    if (!strcmp(word, "v"))
        return names_where(false, false);
    if (!strcmp(word, "f"))
        return names_where(true, false);
    if (!strcmp(word, "a"))
        return names_where(false, true);
    if (!strcmp(word, "l")) {
        char path[1024];
        snprintf(path, sizeof path, "%.*s", (int)an, arg);
        return sys_load(path);
    }
    if (!strcmp(word, "p")) {
        if (RT->svc.port)
            return RT->svc.port(arg, an);
        return an ? kerr("nyi") : ki(0);
    }
    if (!strcmp(word, "z")) { /* how "D"$ reads slashed dates: 0 mm/dd/yyyy, 1 dd/mm/yyyy */
        if (!an)
            return kj(RT->prim.date_dmy);
        RT->prim.date_dmy = arg[0] == '1';
        return obj_identity();
    }
    if (!strcmp(word, "S")) { /* the random seed: Roll, Deal and Permute repeat from it */
        if (!an)
            return kj(prim_seed_get());
        prim_seed(strtoll(arg, NULL, 10));
        return obj_identity();
    }
    if (!strcmp(word, "s")) { /* secondary threads (basics/syscmds.md#s): up to -s's value */
        if (!an)
            return ki(pool_setting());
        const char *cmd = cmdline_option('s');
        long most = cmd && *cmd ? strtol(cmd, NULL, 10) : 0;
        if (!strcmp(arg, "0N"))
            return ki((I)most);
        char *end;
        long n = strtol(arg, &end, 10);
        if (end == arg || *end)
            return kerr("type");
        if (n > POOL_MAX_THREADS || n < -POOL_MAX_THREADS || (n > 0 && n > most))
            return kerr("limit");
        pool_set((int)n);
        return obj_identity();
    }
    if (!strcmp(word, "e") || !strcmp(word, "g") || !strcmp(word, "W") ||
        !strcmp(word, "o") || !strcmp(word, "T"))
        return an ? obj_identity() : ki(0);
    if (!strcmp(word, "w") && an && strtoll(arg, NULL, 10) > 0) { /* \w MB: the workspace limit */
        mem_set_limit(strtoll(arg, NULL, 10) << 20);
        return obj_identity();
    }
    if (!strcmp(word, "w") && an) { /* \w 0: the symbols interned and their bytes */
        K v = ktn(KJ, 2);
        kJ(v)[0] = (J)sym_count();
        kJ(v)[1] = (J)sym_bytes();
        return v;
    }
    if (!strcmp(word, "w")) {
        MemStats st = mem_stats();
        K v = ktn(KJ, 6);
        kJ(v)[0] = st.live_bytes;
        kJ(v)[1] = st.live_bytes + st.pooled_bytes;
        kJ(v)[2] = 0;
        kJ(v)[3] = st.peak_bytes;
        kJ(v)[4] = st.mapped_bytes; /* mmap: column files mapped */
        kJ(v)[5] = 0;
        return v;
    }
    if (!strcmp(word, "b") || !strcmp(word, "B")) /* \b [ns]: the views; \B the pending ones */
        return views_of(an ? arg : NULL, an, word[0] == 'B');
    if (!strcmp(word, "x") && an) /* \x .z.pi: the hook's definition goes, the default is back */
        return expunge(arg, an);
    if (!strcmp(word, "r") && an) /* \r src dst: rename a file */
        return rename_file(arg, an);
    if (!strcmp(word, "u") && !an) /* -u/-U files are read at every login: nothing to reload */
        return obj_identity();
    if ((!strcmp(word, "1") || !strcmp(word, "2")) && an) /* \1 file, \2 file: redirect */
        return redirect(word[0] == '1' ? stdout : stderr, arg, an);
    if (!strcmp(word, "r") || !strcmp(word, "_"))
        return kerr("nyi"); /* replication, hidden code: docs/migrating.md */
    if (!strcmp(word, "q")) /* \q args: another process of this binary, in the background */
        return spawn_self(arg, an);
    if (w == 1 && cmd[0] == '\\') /* \\: quitting is the console's; read-only may not ask */
        return lang_refuse_update() ? NULL : obj_identity();
    /* an OS command: run it and return its output lines (test drivers that replay untrusted
     * documentation turn this off with OPENQ_NO_SHELL); never in read-only mode */
    if (lang_refuse_update())
        return NULL;
    if (getenv("OPENQ_NO_SHELL"))
        return kerr("os");
    char shell[4096];
    snprintf(shell, sizeof shell, "%.*s", (int)n, cmd);
    /* the command gets SIGPIPE's default action back (the server ignores it, and an ignored
     * signal stays ignored across exec: `yes | head` would never end) */
    void (*was)(int) = signal(SIGPIPE, SIG_DFL);
    FILE *p = popen(shell, "r");
    signal(SIGPIPE, was);
    if (!p)
        return kerr("os");
    K lines = ktn(0, 0);
    char buf[4096];
    while (fgets(buf, sizeof buf, p)) {
        size_t l = strlen(buf);
        if (l && buf[l - 1] == '\n')
            l--;
        jk(&lines, obj_strn(buf, l));
    }
    int rc = pclose(p);
    if (rc != 0) {
        r0(lines);
        return kerr("os");
    }
    return lines;
}

/* ---- the process ------------------------------------------------------------------------- */

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

