/* main.c -- the openq binary: `openq [file] [args] [-option [values]] ...`, read as q reads
 * its command line (src/lang/cmdline.c).
 *
 * Without -p it is the q console: prompt "q)" on a terminal (libedit line editing and
 * history, app/console.c), or, when standard input is a pipe or a file, each line executed
 * as the console would with the same output.  With -p it serves clients (src/net) and keeps
 * serving after standard input ends; on a terminal the console is served by the same loop,
 * as is the .z.ts timer with or without -p. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/defs.h"
#include "console.h"
#include "fmt/fmt.h"
#include "lang/cmdline.h"
#include "lang/lang.h"
#include "net/net.h"
#ifdef OPENQ_HAVE_PYTHON
#include "py/embed.h"
#endif

/* the options q turns into its own system commands: -P 4 is \P 4, -t 1000 is \t 1000 ... */
static const char command_options[] = "cCegoPsStTWz";

/* apply the command line's settings before the script runs; -1 with the error pending */
static int apply_options(void) {
    char cmd[512];
    for (const char *c = command_options; *c; c++) {
        const char *v = cmdline_option(*c);
        if (!v || !*v)
            continue;
        const char *v2 = cmdline_option2(*c);
        snprintf(cmd, sizeof cmd, "%c %s%s%s", *c, v, v2 ? " " : "", v2 ? v2 : "");
        K r = sys_command(cmd, strlen(cmd));
        if (!r)
            return -1;
        r0(r);
    }
    const char *w = cmdline_option('w'); /* workspace limit in MB */
    if (w && *w)
        mem_set_limit((int64_t)atoll(w) << 20);
    return 0;
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

/* \t: is the .z.ts timer set (by -t or the script)? */
static bool timer_running(void) {
    K t = sys_command("t", 1);
    bool on = t && t->t == -KI && t->i > 0;
    r0(t);
    kerr_clear();
    return on;
}

static const char usage[] =
    "usage: openq [file] [args] [-option [values]] ...\n"
    "  file         a q script, or a database directory, to load first\n"
    "  -p [host:]N  serve clients on port N (TCP, and the unix socket @/tmp/kx.N)\n"
    "  -b           read-only: clients may not change globals, files, settings or the OS\n"
    "  -u F, -U F   password file (user:password, user:md5 or user:sha1 hex per line)\n"
    "  -T N         stop a client's query after N seconds ('stop)\n"
    "  -E 0|1|2     TLS: off, plain and TLS, TLS only (KX_SSL_CERT_FILE, KX_SSL_KEY_FILE)\n"
    "  -w N         workspace limit of N MB ('wsfull)\n"
    "  -t N         the .z.ts timer every N ms\n"
    "  -c R C       console rows and columns; -P N display precision; -q quiet\n"
    "  --version    the version; -h, --help this text\n"
    "Without -p openq is the q console.  Documentation: docs/ in the source tree.\n";

/* Standard descriptors a parent closed are opened on /dev/null, so a listener or a client's
 * socket never becomes descriptor 1 or 2 (console output and error logs would go to a
 * client, and q's handles 1 and 2 would name a connection).  A write to a closed pipe (a
 * log reader that went away, `| head`) fails with EPIPE rather than killing the server. */
static void guard_std_fds(void) {
    for (int fd = 0; fd < 3; fd++)
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
            int n = open("/dev/null", fd ? O_WRONLY : O_RDONLY);
            if (n >= 0 && n != fd) { /* the lowest free descriptor is fd itself */
                dup2(n, fd);
                close(n);
            }
        }
    signal(SIGPIPE, SIG_IGN);
}

int main(int argc, char **argv) {
    guard_std_fds();
    if (argc == 2 && (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-version"))) {
        printf("openq %s (follows q %s)\n", OPENQ_VERSION, OPENQ_Q_VERSION);
        return 0;
    }
    if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
        fputs(usage, stdout);
        return 0;
    }
    if (lang_init() < 0)
        return 1;
    cmdline_parse(argc, argv);
    char why[256];
    if (!cmdline_check(why, sizeof why)) {
        fprintf(stderr, "openq: %s\n", why);
        return 1;
    }
#ifdef OPENQ_HAVE_PYTHON
    py_register_namespace();
#endif
    if (net_configure() < 0 || apply_options() < 0) {
        fprintf(stderr, "'%s\n", kerr_msg() ? kerr_msg() : "options");
        return 1;
    }
    const char *port = cmdline_option('p');
    if (port) { /* q listens before the script runs: \p in the script sees the port */
        errno = 0;
        if (net_listen(port) < 0) {
            int os = errno;
            fprintf(stderr, "openq: -p %s: %s%s%s\n", port, kerr_msg() ? kerr_msg() : "listen",
                    os ? ": " : "", os ? strerror(os) : "");
            return 1;
        }
    }
    bool terminal = isatty(0) && !getenv("OPENQ_STEPS");
    console_catch_interrupt();
    if (terminal && !cmdline_option('q'))
        console_banner();
    const char *script = cmdline_script();
    if (script) {
        K r = sys_load(script);
        if (!r) { /* q shows the error and where, then carries on without the rest */
            fprintf(stderr, "'%s\n", kerr_msg() ? kerr_msg() : "load");
            if (lang_error_frames())
                fputs(lang_error_frames(), stderr);
            else if (lang_error_where())
                fprintf(stderr, "  [0]  %s\n", lang_error_where());
            lang_error_where_clear();
            kerr_clear();
        }
        r0(r);
    }
    if (terminal) /* the console, clients and the timer in one loop */
        return console_terminal() ? 1 : leak_check();
    /* serve when listening (-p, or \p in the script) or when the timer runs */
    if (net_port() > 0 || timer_running())
        return net_run();
    if (getenv("OPENQ_STEPS")) {
        console_steps();
        return leak_check();
    }
    console_stream(stdin);
    return leak_check();
}
