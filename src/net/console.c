/* console.c -- the console on stdin inside the loop: lines gathered as they arrive and
 * handed to the binary's console hooks (net_set_console). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "../lang/lang.h"
#include "net.h"
#include "netint.h"

/* ---- the console on stdin ------------------------------------------------------------------- */

void net_console_read(void) {
    NetState *ns = net_st();
    char tmp[4096];
    ssize_t n = read(0, tmp, sizeof tmp);
    if (n <= 0) {
        epoll_ctl(ns->epfd, EPOLL_CTL_DEL, 0, NULL);
        ns->stdin_open = false;
        return;
    }
    char *g = mem_raw_grow(ns->console_buf, &ns->console_cap, ns->console_len + (size_t)n + 1, 1, 8192);
    if (!g)
        return;
    ns->console_buf = g;
    memcpy(ns->console_buf + ns->console_len, tmp, (size_t)n);
    ns->console_len += (size_t)n;
    char *nl;
    while ((nl = memchr(ns->console_buf, '\n', ns->console_len))) {
        size_t line = (size_t)(nl - ns->console_buf);
        int quit = 0;
        K out = lang_console(ns->console_buf, line, &quit);
        if (out && out->n)
            printf("%.*s\n", (int)out->n, kC(out));
        fflush(stdout);
        r0(out);
        memmove(ns->console_buf, nl + 1, ns->console_len - line - 1);
        ns->console_len -= line + 1;
        if (quit)
            ns->quit_requested = true;
    }
}

