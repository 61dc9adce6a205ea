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
        epoll_ctl(net_st()->epfd, EPOLL_CTL_DEL, 0, NULL);
        net_st()->stdin_open = false;
        return;
    }
    if (net_st()->console_len + (size_t)n + 1 > net_st()->console_cap) {
        size_t cap = net_st()->console_cap ? net_st()->console_cap * 2 : 8192;
        while (cap < net_st()->console_len + (size_t)n + 1)
            cap *= 2;
        char *g = realloc(net_st()->console_buf, cap);
        if (!g)
            return;
        net_st()->console_buf = g;
        net_st()->console_cap = cap;
    }
    memcpy(net_st()->console_buf + net_st()->console_len, tmp, (size_t)n);
    net_st()->console_len += (size_t)n;
    char *nl;
    while ((nl = memchr(net_st()->console_buf, '\n', net_st()->console_len))) {
        size_t line = (size_t)(nl - net_st()->console_buf);
        int quit = 0;
        K out = lang_console(net_st()->console_buf, line, &quit);
        if (out && out->n)
            printf("%.*s\n", (int)out->n, kC(out));
        fflush(stdout);
        r0(out);
        memmove(net_st()->console_buf, nl + 1, net_st()->console_len - line - 1);
        net_st()->console_len -= line + 1;
        if (quit)
            net_st()->quit_requested = true;
    }
}

