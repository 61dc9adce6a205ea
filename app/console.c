/* console.c -- the q console as a user drives it.
 *
 * On a terminal the console is part of the server's event loop (src/net): stdin is one more
 * descriptor, read a character at a time through libedit's callback interface, so clients
 * and the .z.ts timer are served while the user types, with or without -p.  An input is
 * gathered across lines while brackets are open (the prompt is then blank), run through
 * lang_console, and its display printed.  History lives in a file (console_history_path).
 *
 * Ctrl-C: the SIGINT handler only raises the interrupt request (base/intr.h); running code
 * stops with 'stop where it checks the -T deadline, Python code gets KeyboardInterrupt
 * (py_interrupt), and at the prompt the loop, woken by the signal, calls
 * console_interrupted, which drops the line and shows a new prompt. */
#include <errno.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef OPENQ_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

#include "base/defs.h"
#include "base/intr.h"
#include "console.h"
#include "fmt/fmt.h"
#include "lang/cmdline.h"
#include "lang/lang.h"
#include "net/net.h"
#ifdef OPENQ_HAVE_PYTHON
#include "py/embed.h"
#endif

#define HISTORY_LINES 1000 /* kept in the history file */

static struct {
    char *acc;              /* the input gathered while brackets are open */
    size_t len, cap;        /* its length and capacity */
    bool editing;           /* libedit's callback handler is installed */
    char history[4096];     /* the history file, "" when there is none */
    char prompt[16];        /* the prompt shown now */
    char *raw;              /* without libedit: bytes read but not yet a whole line */
    size_t raw_len, raw_cap;/* their length and capacity */
    bool terminal;          /* the console is a terminal: errors in lambdas suspend (q)) */
    int debug;              /* q)) levels open */
    bool suspended;         /* the input running now opened a q)) level (its error shown) */
    bool quit;              /* \\ or Ctrl-D: leave every level and the loop */
} con;

/* ---- Ctrl-C ------------------------------------------------------------------------------- */

static void on_sigint(int sig) {
    UNUSED(sig);
    int saved = errno;
    intr_pending = 1;
#ifdef OPENQ_HAVE_PYTHON
    py_interrupt();
#endif
    errno = saved;
}

void console_catch_interrupt(void) {
    struct sigaction old;
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        return; /* started with SIGINT ignored (nohup, a background job): keep it so */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART; /* blocking reads go on; epoll_wait returns EINTR regardless */
    sigaction(SIGINT, &sa, NULL);
}

/* ---- identity ------------------------------------------------------------------------------ */

void console_banner(void) {
    const struct passwd *pw = getpwuid(geteuid());
    char host[256] = "localhost";
    gethostname(host, sizeof host - 1);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    printf("openq %s (follows kdb+/q %s) Apache-2.0, no licence needed\n", OPENQ_VERSION,
           OPENQ_Q_VERSION);
    printf("l64/ %ld core%s, user %s, host %s; \\\\ or Ctrl-D to leave\n\n", cores,
           cores == 1 ? "" : "s", pw ? pw->pw_name : "?", host);
    fflush(stdout);
}

/* ---- one input ----------------------------------------------------------------------------- */

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

static void on_suspend(const char *msg, K lambda);

/* run one console input and print what the console prints; returns 1 to quit */
static int run_input(const char *line, size_t n) {
    int quit = 0;
    bool outer = con.suspended;
    con.suspended = false;
    void (*outer_hook)(const char *, K) = RT->svc.suspend; /* NULL: on_suspend clears it */
    RT->svc.suspend = con.terminal ? on_suspend : NULL; /* only the console's own input */
    K out = lang_console(line, n, &quit);
    RT->svc.suspend = outer_hook;
    intr_pending = 0; /* a Ctrl-C that nothing took was for this input: not for the next */
    if (out) {
        if (out->n && !con.suspended) /* a suspended error was shown at the q)) prompt */
            printf("%.*s\n", (int)out->n, kC(out));
        r0(out);
    }
    con.suspended = outer;
    fflush(stdout);
    return quit;
}

/* add a line (without its newline) to the input being gathered; true when the input is
 * complete (then it is con.acc, con.len bytes, the last newline dropped) */
static bool gather(const char *line, size_t n) {
    if (con.len + n + 2 > con.cap) {
        size_t cap = con.cap ? con.cap : 256;
        while (cap < con.len + n + 2)
            cap *= 2;
        char *g = mem_raw_realloc(con.acc, cap);
        if (!g)
            return false;
        con.acc = g;
        con.cap = cap;
    }
    memcpy(con.acc + con.len, line, n);
    con.len += n;
    con.acc[con.len++] = '\n';
    con.acc[con.len] = 0;
    return open_depth(con.acc, con.len) <= 0;
}

/* the prompt: q) (q)) and more in the debugger), blank while an input continues, none
 * with -q (q's quiet mode) */
static const char *prompt_now(void) {
    if (cmdline_option('q'))
        con.prompt[0] = 0;
    else if (con.len)
        snprintf(con.prompt, sizeof con.prompt, "  ");
    else
        snprintf(con.prompt, sizeof con.prompt, "q)%.*s", con.debug < 8 ? con.debug : 8, "))))))))");
    return con.prompt;
}

static void leave(void) {
    con.quit = true;
    net_request_quit();
}

/* a line from the terminal: gather it, run the input once complete; \ alone leaves a
 * q)) level */
static void terminal_line(const char *line, size_t n) {
    if (con.debug && !con.len && n == 1 && line[0] == '\\') {
        con.debug--;
        return;
    }
    if (!gather(line, n))
        return;
    int quit = run_input(con.acc, con.len - 1);
    con.len = 0;
    if (con.debug && lang_debug_signalled()) /* 'err: this level ends, the frame unwinds with err */
        con.debug--;
    if (quit)
        leave();
}

/* ---- history ------------------------------------------------------------------------------ */

/* OPENQ_HISTORY names the file ("" turns history off); else ~/.openq_history */
static void history_path(void) {
    const char *env = getenv("OPENQ_HISTORY");
    const char *home = getenv("HOME");
    if (env)
        snprintf(con.history, sizeof con.history, "%s", env);
    else if (home && *home)
        snprintf(con.history, sizeof con.history, "%s/.openq_history", home);
    else
        con.history[0] = 0;
}

/* ---- the terminal with libedit ------------------------------------------------------------ */

#ifdef OPENQ_HAVE_LIBEDIT
static void on_line(char *line);

static void editing_start(void) {
    rl_callback_handler_install(prompt_now(), on_line);
    con.editing = true;
}

static void editing_stop(void) {
    if (con.editing)
        rl_callback_handler_remove(); /* the terminal as it was */
    con.editing = false;
}

static void on_line(char *line) {
    if (!line) { /* Ctrl-D */
        editing_stop();
        fputc('\n', stdout);
        fflush(stdout);
        leave();
        return;
    }
    size_t n = strlen(line);
    if (n) {
        add_history(line);
        if (con.history[0])
            write_history(con.history);
    }
    /* the handler is installed afresh for each line: every libedit then shows the prompt
     * and goes on reading a character at a time */
    editing_stop();
    int level = con.debug;
    terminal_line(line, n);
    free(line); /* libedit malloc'd the line */
    if (con.debug >= level && !con.quit) /* else the level left shows its own prompt */
        editing_start();
}

static void terminal_readable(void) {
    if (con.editing)
        rl_callback_read_char();
}

static void terminal_interrupted(void) {
    con.len = 0; /* the input gathered so far is dropped */
    if (!con.editing)
        return;
    rl_replace_line("", 0);
    editing_stop();
    fputc('\n', stdout);
    fflush(stdout);
    editing_start();
}

static void terminal_leave(void) {
    editing_stop();
    if (con.history[0])
        write_history(con.history);
}
#else
/* ---- the terminal without libedit: whole lines, the prompt printed ------------------------ */

static void terminal_readable(void) {
    char tmp[4096];
    ssize_t n = read(0, tmp, sizeof tmp);
    if (n <= 0) {
        fputc('\n', stdout);
        leave();
        return;
    }
    if (con.raw_len + (size_t)n > con.raw_cap) {
        size_t cap = con.raw_cap ? con.raw_cap * 2 : 8192;
        while (cap < con.raw_len + (size_t)n)
            cap *= 2;
        char *g = mem_raw_realloc(con.raw, cap);
        if (!g)
            return;
        con.raw = g;
        con.raw_cap = cap;
    }
    memcpy(con.raw + con.raw_len, tmp, (size_t)n);
    con.raw_len += (size_t)n;
    char *nl;
    while ((nl = memchr(con.raw, '\n', con.raw_len))) {
        size_t line = (size_t)(nl - con.raw);
        terminal_line(con.raw, line);
        memmove(con.raw, nl + 1, con.raw_len - line - 1);
        con.raw_len -= line + 1;
    }
    fputs(prompt_now(), stdout);
    fflush(stdout);
}

static void terminal_interrupted(void) {
    con.len = con.raw_len = 0;
    printf("\n%s", prompt_now());
    fflush(stdout);
}

static void terminal_leave(void) {}
#endif

/* ---- the debug prompt ---------------------------------------------------------------------- */

/* An error left a lambda (RT->svc.suspend): show it and its frame, then serve a q)) level
 * -- console input runs in the suspended frame, clients and the timer are served -- until
 * \\ leaves it (or the user quits).  The input that was running is kept aside meanwhile. */
static void on_suspend(const char *msg, K lambda) {
    (void)lambda;
    K where = lang_debug_where(); /* 'msg, the frame and its caret */
    if (where)
        printf("%.*s\n", (int)where->n, kC(where));
    else
        printf("'%s\n", msg);
    r0(where);
    fflush(stdout);
    con.suspended = true;
    int level = ++con.debug;
    char *acc = con.acc;
    size_t len = con.len, cap = con.cap;
    con.acc = NULL;
    con.len = con.cap = 0;
#ifdef OPENQ_HAVE_LIBEDIT
    editing_start();
#else
    fputs(prompt_now(), stdout);
    fflush(stdout);
#endif
    void (*hook)(const char *, K) = RT->svc.suspend;
    RT->svc.suspend = NULL; /* clients and the timer served meanwhile never suspend */
    while (con.debug >= level && !con.quit)
        if (net_poll(-1) < 0 && errno != EINTR)
            break;
    RT->svc.suspend = hook; /* the frames unwinding from here may suspend again ('err) */
    if (lang_debug_signalled()) /* 'err: shown where it stops, at the next q)) or at q) */
        con.suspended = false;
#ifdef OPENQ_HAVE_LIBEDIT
    editing_stop();
#endif
    if (con.debug >= level)
        con.debug = level - 1;
    mem_raw_free(con.acc);
    con.acc = acc;
    con.len = len;
    con.cap = cap;
}

static const NetConsole terminal_hooks = {
    .readable = terminal_readable,
    .interrupted = terminal_interrupted,
};

/* exit (the q keyword) ends the process from inside an input: the terminal and the history
 * are put back on the way out */
static void at_exit(void) { terminal_leave(); }

int console_terminal(void) {
    con.terminal = true;
    history_path();
#ifdef OPENQ_HAVE_LIBEDIT
    rl_catch_signals = 0; /* SIGINT is ours (console_catch_interrupt) */
    rl_readline_name = "openq";
    using_history();
    stifle_history(HISTORY_LINES);
    if (con.history[0])
        read_history(con.history);
    editing_start();
#else
    fputs(prompt_now(), stdout);
    fflush(stdout);
#endif
    atexit(at_exit);
    net_set_console(&terminal_hooks);
    int rc = net_run();
    net_set_console(NULL);
    terminal_leave();
    mem_raw_free(con.acc);
    mem_raw_free(con.raw);
    con.acc = con.raw = NULL;
    con.len = con.cap = con.raw_len = con.raw_cap = 0;
    return rc;
}

/* ---- pipes and files ---------------------------------------------------------------------- */

int console_stream(FILE *fp) {
    char *line = NULL;
    size_t cap = 0;
    int quit = 0;
    for (;;) {
        ssize_t got = getline(&line, &cap, fp);
        if (got < 0)
            break;
        while (got && (line[got - 1] == '\n' || line[got - 1] == '\r'))
            got--;
        if (!gather(line, (size_t)got))
            continue;
        quit = run_input(con.acc, con.len - 1);
        con.len = 0;
        if (quit)
            break;
    }
    free(line); /* getline's buffer, from libc's malloc */
    mem_raw_free(con.acc);
    con.acc = NULL;
    con.len = con.cap = 0;
    return quit;
}

/* OPENQ_STEPS=1: stdin carries records "<length>\n<bytes>", each one console input (which
 * may span lines); after each input's output comes the line "\001END\001".  Test drivers
 * (the conformance runner) use it to feed multi-line inputs exactly. */
void console_steps(void) {
    for (;;) {
        long len;
        if (scanf("%ld", &len) != 1 || len < 0 || getchar() != '\n')
            return;
        char *buf = mem_raw_alloc((size_t)len + 1);
        if (!buf || fread(buf, 1, (size_t)len, stdin) != (size_t)len) {
            mem_raw_free(buf);
            return;
        }
        int quit = run_input(buf, (size_t)len);
        mem_raw_free(buf);
        fputs("\001END\001\n", stdout);
        fflush(stdout);
        if (quit)
            return;
    }
}
