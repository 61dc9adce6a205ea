/* loop.c -- the event loop (Redis's ae shape): epoll over the listeners, the connections
 * and stdin; the timer (.z.ts), handshake deadlines and idle timeouts, all driven by the
 * nearest deadline epoll_wait waits for; quitting and freeing. Everything is non-blocking.
 * The loop's state is one record, NetState (netint.h), held by the runtime (RT->net). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../base/intr.h"
#include "../lang/lang.h"
#include "net.h"
#include "netint.h"

NetState *net_state_new(void) {
    NetState *s = mem_raw_kept_calloc(1, sizeof *s); /* not refused by -w: it is the server */
    if (!s) { /* the first use of the network, half a megabyte: nothing to degrade to */
        fputs("openq: out of memory for the network state\n", stderr);
        abort();
    }
    s->epfd = s->listen_tcp = s->listen_uds = -1;
    s->guard.reserve_fd = -1;
    s->config = (NetConfig){
        .max_message = (int64_t)1 << 40,
        .max_connections = 4096,
        .max_halfopen = 512,
        .handshake_ms = 10000,
        .idle_ms = 0,
        .max_queued = 1 << 20,
    };
    RT->net = s;
    runtime_on_free(RT_NET, net_free);
    return s;
}

NetConfig *net_cfg(void) { return &net_st()->config; }

#define IDLE_SWEEP_MS 500    /* idle connections are looked for at most this often */

int64_t net_now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

Conn *net_conn(int fd) { return fd >= 0 && fd < (int)ARRAY_LEN(net_st()->conns) ? net_st()->conns[fd] : NULL; }

bool net_ensure_loop(void) {
    NetState *ns = net_st();
    if (ns->epfd >= 0)
        return true;
    ns->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (ns->epfd < 0) {
        kerr("epoll");
        return false;
    }
    return true;
}

void net_set_nonblocking(int fd) {
    int fl = fcntl(fd, F_GETFL, 0);
    fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

void net_watch(int fd, uint32_t events, bool add) {
    struct epoll_event ev = {.events = events, .data.fd = fd};
    epoll_ctl(net_st()->epfd, add ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &ev);
}

int net_fd(void) { return net_ensure_loop() ? net_st()->epfd : -1; }

int net_connection_count(void) { return net_st()->nconns; }

K net_handles(bool sizes) {
    NetState *ns = net_st();
    K h = ktn(KI, 0), b = sizes ? ktn(KJ, 0) : NULL;
    for (int fd = 0; fd < (int)ARRAY_LEN(ns->conns) && h && (b || !sizes); fd++) {
        const Conn *c = ns->conns[fd];
        if (!c || c->closing || c->fed || c->state != CONN_READY || c->kind == CONN_HTTP)
            continue;
        I fdi = fd;
        J queued = (J)c->out_bytes;
        h = obj_push_items(h, &fdi, 1);
        if (sizes)
            b = obj_push_items(b, &queued, 1);
    }
    if (!h || (sizes && !b)) {
        r0(h);
        r0(b);
        return NULL;
    }
    if (sizes)
        return xD(h, b);
    h->u = ATTR_S;
    return h;
}

/* ---- timers ---------------------------------------------------------------------------------------- */

void net_set_timer(J ms) {
    NetState *ns = net_st();
    ns->timer_ms = ms > 0 ? ms : 0;
    ns->timer_next = net_now_ms() + ns->timer_ms;
}

static void run_timer(void) {
    NetState *ns = net_st();
    if (!ns->timer_ms || net_now_ms() < ns->timer_next)
        return;
    ns->timer_next = net_now_ms() + ns->timer_ms;
    bool defined;
    K r = net_run_hook(ss(".z.ts"), (K[]){zts_now()}, 1, &defined);
    if (!r)
        kerr_clear();
    r0(r);
}

/* close handshakes past their deadline (the oldest come first on the list) */
static void expire_handshakes(int64_t now) {
    Conn *c = net_st()->guard.half_oldest;
    while (c && now - c->opened_ms >= net_cfg()->handshake_ms) {
        Conn *next = c->half_next;
        if (!c->protect)
            net_conn_free(c);
        c = next;
    }
}

/* close connections silent for idle_ms; remembers a lower bound of the next deadline */
static void expire_idle(int64_t now) {
    NetState *ns = net_st();
    if (!net_cfg()->idle_ms || now < ns->guard.idle_next)
        return;
    int64_t next = now + net_cfg()->idle_ms;
    for (int fd = 0; fd < (int)ARRAY_LEN(ns->conns); fd++) {
        Conn *c = ns->conns[fd];
        if (!c || c->outbound || c->protect || c->state != CONN_READY)
            continue;
        if (now - c->last_ms >= net_cfg()->idle_ms)
            net_conn_close(c);
        else if (c->last_ms + net_cfg()->idle_ms < next)
            next = c->last_ms + net_cfg()->idle_ms;
    }
    /* later deadlines only: a connection made or active after now ends after next */
    ns->guard.idle_next = next > now + IDLE_SWEEP_MS ? next : now + IDLE_SWEEP_MS;
}

/* how long epoll_wait may sleep: the caller's bound, cut to the nearest deadline (.z.ts,
 * the oldest handshake, idle connections, a paused listener) */
static int wait_ms(int timeout_ms, int64_t now) {
    NetState *ns = net_st();
    int64_t due = INT64_MAX;
    if (ns->timer_ms)
        due = ns->timer_next;
    if (ns->guard.half_oldest && ns->guard.half_oldest->opened_ms + net_cfg()->handshake_ms < due)
        due = ns->guard.half_oldest->opened_ms + net_cfg()->handshake_ms;
    if (net_cfg()->idle_ms && ns->nconns > ns->guard.nhalf && ns->guard.idle_next < due)
        due = ns->guard.idle_next;
    if (ns->guard.accept_paused_until && ns->guard.accept_paused_until < due)
        due = ns->guard.accept_paused_until;
    if (due == INT64_MAX)
        return timeout_ms;
    int64_t until = due > now ? due - now : 0;
    return timeout_ms >= 0 && timeout_ms < until ? timeout_ms : (int)(until < INT_MAX ? until : INT_MAX);
}

/* ---- the loop ----------------------------------------------------------------------------------- */

int net_poll(int timeout_ms) {
    NetState *ns = net_st();
    if (!net_ensure_loop())
        return -1;
    struct epoll_event evs[256];
    int n = epoll_wait(ns->epfd, evs, (int)ARRAY_LEN(evs), wait_ms(timeout_ms, net_now_ms()));
    if (n < 0 && errno == EINTR && ns->console_hooks && intr_pending) {
        intr_take(); /* Ctrl-C with nothing running: the console's business (a new prompt) */
        ns->console_hooks->interrupted();
    }
    if (n < 0)
        return errno == EINTR ? 0 : -1;
    for (int i = 0; i < n; i++) {
        int fd = evs[i].data.fd;
        uint32_t e = evs[i].events;
        if (fd == ns->listen_tcp || fd == ns->listen_uds) {
            if (!ns->guard.accept_paused_until)
                net_accept_on(fd);
            continue;
        }
        if (fd == 0 && ns->stdin_open) {
            if (ns->console_hooks)
                ns->console_hooks->readable();
            else
                net_console_read();
            continue;
        }
        Conn *c = net_conn(fd);
        if (!c)
            continue;
        if (e & EPOLLOUT)
            net_flush_out(c);
        if (net_conn(fd) != c)
            continue;
        if (c->paused && (e & (EPOLLHUP | EPOLLERR)))
            net_conn_close(c); /* a peer gone while its replies wait: they cannot be delivered */
        else if (e & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
            net_conn_read(c);
    }
    run_timer();
    int64_t now = net_now_ms();
    expire_handshakes(now);
    expire_idle(now);
    if (ns->guard.accept_paused_until && now >= ns->guard.accept_paused_until) {
        ns->guard.accept_paused_until = 0;
        net_watch_listeners(true);
    }
    return n;
}

int net_run(void) {
    NetState *ns = net_st();
    if (!net_ensure_loop())
        return 1;
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = 0};
    ns->stdin_open = epoll_ctl(ns->epfd, EPOLL_CTL_ADD, 0, &ev) == 0;
    while (!ns->quit_requested)
        if (net_poll(-1) < 0 && errno != EINTR)
            break;
    return 0;
}

void net_request_quit(void) { net_st()->quit_requested = true; }

void net_set_console(const NetConsole *console) { net_st()->console_hooks = console; }

void net_free(void) {
    NetState *ns = RT->net;
    if (!ns)
        return;
    for (int fd = 0; fd < (int)ARRAY_LEN(ns->conns); fd++)
        if (ns->conns[fd])
            net_conn_free(ns->conns[fd]);
    net_unlisten();
    if (ns->guard.reserve_fd >= 0)
        close(ns->guard.reserve_fd);
    ns->guard.reserve_fd = -1;
    if (ns->epfd >= 0)
        close(ns->epfd);
    ns->epfd = -1;
    net_tls_release();
    mem_raw_free(ns->console_buf);
    mem_raw_free(RT->net);
    RT->net = NULL;
}

