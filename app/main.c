/* main.c -- the openq binary: `openq [script.q] [-p [host:]port] [options]`.
 *
 * Without -p it is the q console: prompt "q)" on a terminal (libedit line editing when
 * built with it), or, when standard input is a pipe or a file, each line executed as the
 * console would with the same output.  With -p it serves clients (src/net) and keeps
 * serving after standard input ends. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef OPENQ_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

#include "base/defs.h"
#include "fmt/fmt.h"
#include "lang/lang.h"
#include "net/net.h"

/* the server is linked when src/net provides it */
extern int net_listen(const char *spec) OQ_WEAK;
extern int net_run(void) OQ_WEAK;
extern int net_configure(int argc, char **argv) OQ_WEAK;
/* the .pykx namespace, when built with Python (src/py) */
extern void py_register_namespace(void) OQ_WEAK;

K sys_load(const char *path);

typedef struct Options {
    const char *script; /* script to load first, or NULL */
    const char *port;   /* -p argument, or NULL */
} Options;

static void parse_options(int argc, char **argv, Options *o) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-p") && i + 1 < argc)
            o->port = argv[++i];
        else if (!strcmp(a, "-c") && i + 2 < argc) {
            fmt_settings.console_rows = atoi(argv[++i]);
            fmt_settings.console_cols = atoi(argv[++i]);
        } else if (!strcmp(a, "-P") && i + 1 < argc)
            fmt_settings.precision = atoi(argv[++i]);
        else if (!strcmp(a, "-w") && i + 1 < argc) /* workspace limit in MB, as q's -w */
            mem_set_limit((int64_t)atoll(argv[++i]) << 20);
        else if (a[0] == '-' && i + 1 < argc && argv[i + 1][0] != '-')
            i++; /* options of other layers (-u -U -T ...): handled by net_configure */
        else if (a[0] != '-' && !o->script)
            o->script = a;
    }
}

/* run one console input and print what the console prints; returns 1 to quit */
static int run_input(const char *line, size_t n) {
    int quit = 0;
    K out = lang_console(line, n, &quit);
    if (out) {
        if (out->n)
            printf("%.*s\n", (int)out->n, kC(out));
        r0(out);
    }
    fflush(stdout);
    return quit;
}

/* open brackets, braces and parentheses outside strings: input continues while > 0 */
static int open_depth(const char *s, size_t n) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
        } else if (c == '/' && (i == 0 || s[i - 1] == ' ')) {
            while (i < n && s[i] != '\n')
                i++;
        }
    }
    return depth;
}

/* Read lines from fp, joining lines while brackets are open; run each complete input. */
static int console_stream(FILE *fp, bool prompt) {
    char *line = NULL;
    size_t cap = 0;
    char *acc = NULL;
    size_t acc_len = 0;
    for (;;) {
        if (prompt) {
            fputs(acc_len ? "  " : "q)", stdout);
            fflush(stdout);
        }
        ssize_t got = getline(&line, &cap, fp);
        if (got < 0)
            break;
        char *grown = realloc(acc, acc_len + (size_t)got + 1);
        if (!grown)
            break;
        acc = grown;
        memcpy(acc + acc_len, line, (size_t)got);
        acc_len += (size_t)got;
        acc[acc_len] = 0;
        if (open_depth(acc, acc_len) > 0)
            continue;
        while (acc_len && (acc[acc_len - 1] == '\n' || acc[acc_len - 1] == '\r'))
            acc_len--;
        int quit = run_input(acc, acc_len);
        acc_len = 0;
        if (quit) {
            free(line);
            free(acc);
            return 1;
        }
    }
    free(line);
    free(acc);
    return 0;
}

#ifdef OPENQ_HAVE_LIBEDIT
static int console_tty(void) {
    char *acc = NULL;
    size_t acc_len = 0;
    for (;;) {
        char *line = readline(acc_len ? "  " : "q)");
        if (!line)
            break;
        size_t n = strlen(line);
        if (n)
            add_history(line);
        char *grown = realloc(acc, acc_len + n + 2);
        if (!grown) {
            free(line);
            break;
        }
        acc = grown;
        memcpy(acc + acc_len, line, n);
        acc_len += n;
        acc[acc_len++] = '\n';
        acc[acc_len] = 0;
        free(line);
        if (open_depth(acc, acc_len) > 0)
            continue;
        int quit = run_input(acc, acc_len - 1);
        acc_len = 0;
        if (quit)
            break;
    }
    free(acc);
    return 0;
}
#endif

/* OPENQ_STEPS=1: stdin carries records "<length>\n<bytes>", each one console input (which
 * may span lines); after each input's output comes the line "\001END\001".  Test drivers
 * (the conformance runner) use it to feed multi-line inputs exactly. */
static void console_steps(void) {
    for (;;) {
        long len;
        if (scanf("%ld", &len) != 1 || len < 0 || getchar() != '\n')
            return;
        char *buf = malloc((size_t)len + 1);
        if (!buf || fread(buf, 1, (size_t)len, stdin) != (size_t)len) {
            free(buf);
            return;
        }
        int quit = run_input(buf, (size_t)len);
        free(buf);
        fputs("\001END\001\n", stdout);
        fflush(stdout);
        if (quit)
            return;
    }
}

/* OPENQ_LEAKCHECK=1: free everything at exit and report objects still alive */
static int leak_check(void) {
    if (!getenv("OPENQ_LEAKCHECK"))
        return 0;
    kerr_clear();
    lang_free();
    MemStats st = mem_stats();
    if (st.live_blocks) {
        fprintf(stderr, "openq: %lld objects leaked\n", (long long)st.live_blocks);
        return 3;
    }
    return 0;
}

int main(int argc, char **argv) {
    Options o = {0};
    parse_options(argc, argv, &o);
    if (lang_init() < 0)
        return 1;
    if (py_register_namespace)
        py_register_namespace();
    if (net_configure && net_configure(argc, argv) < 0) {
        fprintf(stderr, "'%s\n", kerr_msg() ? kerr_msg() : "options");
        return 1;
    }
    if (o.script) {
        K r = sys_load(o.script);
        if (!r) {
            fprintf(stderr, "'%s\n", kerr_msg() ? kerr_msg() : "load");
            kerr_clear();
        }
        r0(r);
    }
    if (o.port) {
        if (!net_listen || !net_run) {
            fprintf(stderr, "openq: serving is not built yet\n");
            return 1;
        }
        if (net_listen(o.port) < 0) {
            fprintf(stderr, "'%s\n", kerr_msg() ? kerr_msg() : "listen");
            return 1;
        }
        return net_run();
    }
    if (getenv("OPENQ_STEPS")) {
        console_steps();
        return leak_check();
    }
    if (isatty(0)) {
#ifdef OPENQ_HAVE_LIBEDIT
        console_tty();
#else
        console_stream(stdin, true);
#endif
    } else {
        console_stream(stdin, false);
    }
    return leak_check();
}
