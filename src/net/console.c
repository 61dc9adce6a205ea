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
    char tmp[4096];
    ssize_t n = read(0, tmp, sizeof tmp);
    if (n <= 0) {
        epoll_ctl(net_state.epfd, EPOLL_CTL_DEL, 0, NULL);
        net_state.stdin_open = false;
        return;
    }
    if (net_state.console_len + (size_t)n + 1 > net_state.console_cap) {
        size_t cap = net_state.console_cap ? net_state.console_cap * 2 : 8192;
        while (cap < net_state.console_len + (size_t)n + 1)
            cap *= 2;
        char *g = mem_raw_realloc(net_state.console_buf, cap);
        if (!g)
            return;
        net_state.console_buf = g;
        net_state.console_cap = cap;
    }
    memcpy(net_state.console_buf + net_state.console_len, tmp, (size_t)n);
    net_state.console_len += (size_t)n;
    char *nl;
    while ((nl = memchr(net_state.console_buf, '\n', net_state.console_len))) {
        size_t line = (size_t)(nl - net_state.console_buf);
        int quit = 0;
        K out = lang_console(net_state.console_buf, line, &quit);
        if (out && out->n)
            printf("%.*s\n", (int)out->n, kC(out));
        fflush(stdout);
        r0(out);
        memmove(net_state.console_buf, nl + 1, net_state.console_len - line - 1);
        net_state.console_len -= line + 1;
        if (quit)
            net_state.quit_requested = true;
    }
}

