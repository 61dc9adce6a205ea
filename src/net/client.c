/* client.c -- outbound handles: hopen/hclose, h"query" (sync), neg[h] (async), and the k.h
 * client API (khp khpu khpun khpunc k kclose) over the same connections. */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../ipc/ipc.h"
#include "../lang/lang.h"
#include "../prim/primint.h"
#include "../prim/prims.h"
#include "netint.h"

int net_connect_to(const char *host, int port, int timeout_ms, bool *local) {
    int fd;
    *local = false;
    if (!*host || !strcmp(host, "unix") || !strcmp(host, "0.0.0.0")) {
        /* q's convention: host 0.0.0.0 / unix:// is the abstract unix socket */
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return -1;
        struct sockaddr_un a;
        socklen_t len = net_uds_addr(&a, port);
        if (connect(fd, (struct sockaddr *)&a, len) < 0) {
            close(fd);
            if (*host)
                return -1;
            host = "127.0.0.1"; /* no unix socket: try loopback */
        } else {
            *local = true;
            net_set_nonblocking(fd);
            return fd;
        }
    }
    struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_STREAM}, *res = NULL;
    char ps[16];
    snprintf(ps, sizeof ps, "%d", port);
    if (getaddrinfo(!strcmp(host, "localhost") ? "127.0.0.1" : host, ps, &hints, &res) != 0 || !res)
        return -1;
    fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        freeaddrinfo(res);
        return -1;
    }
    *local = (ntohl(((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr) >> 24) == 127;
    int rc = connect(fd, res->ai_addr, res->ai_addrlen);
    freeaddrinfo(res);
    if (rc < 0 && errno != EINPROGRESS) {
        close(fd);
        return -1;
    }
    if (rc < 0) {
        struct pollfd p = {.fd = fd, .events = POLLOUT};
        int err = 0;
        socklen_t elen = sizeof err;
        if (poll(&p, 1, timeout_ms > 0 ? timeout_ms : -1) <= 0 ||
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) < 0 || err) {
            close(fd);
            return -1;
        }
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

/* wait until c's socket is ready for `events`, or the deadline (0: none) has passed */
static bool io_wait(Conn *c, short events, int64_t deadline) {
    for (;;) {
        int left = -1;
        if (deadline) {
            int64_t d = deadline - net_now_ms();
            if (d <= 0)
                return false;
            left = (int)d;
        }
        struct pollfd pf = {.fd = c->fd, .events = events};
        int r = poll(&pf, 1, left);
        if (r > 0)
            return true;
        if (r == 0 || errno != EINTR)
            return false;
    }
}

bool net_io_send_all(Conn *c, const G *p, size_t n, int64_t deadline) {
    while (n) {
        ssize_t r = net_io_send(c, p, n);
        if (r > 0) {
            p += r;
            n -= (size_t)r;
        } else if (r < 0 && (errno == EAGAIN || errno == EINTR)) {
            if (!io_wait(c, POLLOUT, deadline))
                return false;
        } else {
            return false;
        }
    }
    return true;
}

/* the read comes first: TLS may hold decrypted bytes that no poll would announce */
ssize_t net_io_recv_some(Conn *c, G *p, size_t n, int64_t deadline) {
    for (;;) {
        ssize_t r = net_io_recv(c, p, n);
        if (r >= 0)
            return r;
        if (errno != EAGAIN && errno != EINTR)
            return -1;
        if (!io_wait(c, POLLIN, deadline))
            return -1;
    }
}

bool net_io_recv_exact(Conn *c, G *p, size_t n, int64_t deadline) {
    while (n) {
        ssize_t r = net_io_recv_some(c, p, n, deadline);
        if (r <= 0)
            return false;
        p += r;
        n -= (size_t)r;
    }
    return true;
}

/* Open a connection and do the handshake; returns the handle or -1 + kerr.  A connection
 * to our own listener is refused ('hop: own listener): this single-threaded loop would wait
 * for its own handshake reply.  Without a timeout the server's reply is awaited for
 * net_cfg()->handshake_ms at most, so a silent peer cannot hang us. */
static int open_handle(const char *host, int port, const char *userpass, int timeout_ms, int capability,
                       bool tls) {
    bool local;
    int fd = net_connect_to(host, port, timeout_ms, &local);
    if (fd < 0) {
        kerr("hop");
        return -1;
    }
    if (net_is_self_connection(fd)) {
        close(fd);
        kerr("hop: own listener");
        return -1;
    }
    Conn *c = net_conn_new(fd, true);
    if (!c) {
        kerr("limit");
        return -1;
    }
    int64_t deadline = net_now_ms() + (timeout_ms > 0 ? timeout_ms : net_cfg()->handshake_ms);
    if (tls && !net_tls_connect(c, host, (int)(deadline - net_now_ms()))) {
        net_conn_free(c);
        return -1;
    }
    size_t ul = strlen(userpass);
    G *hs = mem_raw_alloc(ul + 2);
    if (!hs) {
        net_conn_free(c);
        kerr("wsfull");
        return -1;
    }
    memcpy(hs, userpass, ul);
    hs[ul] = (G)capability;
    hs[ul + 1] = 0;
    bool sent = net_io_send_all(c, hs, ul + 2, deadline);
    mem_raw_free(hs);
    G reply;
    if (!sent || !net_io_recv_exact(c, &reply, 1, deadline)) {
        net_conn_free(c);
        kerr("access");
        return -1;
    }
    c->capability = reply;
    c->local = local;
    c->read_only_hopen = RT->lang.read_only;
    return fd;
}

K net_open(K spec, int timeout_ms) {
    char text[512] = "";
    if (spec->t == -KS)
        snprintf(text, sizeof text, "%s", spec->s);
    else if (spec->t == KC)
        snprintf(text, sizeof text, "%.*s", (int)spec->n, kC(spec));
    else if (spec->t == -KJ || spec->t == -KI)
        snprintf(text, sizeof text, "::%lld", (long long)(spec->t == -KJ ? spec->j : spec->i));
    else {
        r0(spec);
        return kerr("type");
    }
    r0(spec);
    /* `:host:port[:user[:password]] */
    const char *p = text[0] == ':' ? text + 1 : text;
    char host[256] = "", rest[256] = "";
    int port = 0;
    bool tls = !strncmp(p, "tcps://", 7);
    if (tls)
        p += 7;
    bool unix_sock = !tls && !strncmp(p, "unix://", 7);
    if (unix_sock) {
        port = atoi(p + 7);
        const char *colon = strchr(p + 7, ':');
        snprintf(rest, sizeof rest, "%s", colon ? colon + 1 : "");
        strcpy(host, "unix");
    } else {
        const char *c1 = strchr(p, ':');
        if (!c1) {
            return kerr("hop");
        }
        snprintf(host, sizeof host, "%.*s", (int)(c1 - p), p);
        port = atoi(c1 + 1);
        const char *c2 = strchr(c1 + 1, ':');
        snprintf(rest, sizeof rest, "%s", c2 ? c2 + 1 : "");
    }
    if (port <= 0)
        return kerr("hop");
    int h = open_handle(host[0] ? host : "127.0.0.1", port, rest, timeout_ms, 6, tls);
    return h < 0 ? NULL : ki(h);
}

/* c's events while we wait on it: its input, and writability while our request is queued
 * (a request larger than the socket's buffer is written as the peer reads it) */
static short wait_events(const Conn *c) { return (short)(POLLIN | (c && c->out_head ? POLLOUT : 0)); }

/* act on what poll reported for c: false when c is gone */
static bool wait_ready(Conn *c, short revents) {
    int fd = c->fd;
    if (revents & POLLOUT) {
        net_flush_out(c);
        if (net_conn(fd) != c)
            return false;
    }
    if (revents & (POLLIN | POLLHUP | POLLERR))
        return net_conn_read(c) && net_conn(fd) == c; /* net_conn_read freed it if it closed */
    return true;
}

/* wait for the response to our sync request on c, serving what else arrives on it; with
 * take_async (h[]), an async message answers too.  An error response is signalled here.  Waits nest (a request served meanwhile may
 * make its own), so the innermost decides what answers it. */
static K await_reply(Conn *c, bool take_async) {
    int fd = c->fd;
    bool outer = c->take_async;
    c->take_async = take_async;
    c->awaiting++;
    while (!c->reply_ready) {
        struct pollfd pf = {.fd = fd, .events = wait_events(c)};
        int r = poll(&pf, 1, -1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0 || !wait_ready(c, pf.revents)) {
            if (net_conn(fd) == c && c->awaiting > 0) { /* closed, not yet freed (a hook protects it) */
                c->awaiting--;
                c->take_async = outer;
            }
            return kerr("close");
        }
    }
    c->awaiting--;
    c->take_async = outer;
    K x = c->reply;
    c->reply = NULL;
    c->reply_ready = false;
    if (x && x->t == KERROR) {
        K e = kerr(x->s);
        r0(x);
        return e;
    }
    return x;
}

bool net_is_handle(J handle) { return handle > 0 && handle < 65536 && net_conn((int)handle) != NULL; }

K net_handle_call(J handle, K msg) {
    bool async = handle < 0;
    J h = handle > 0 ? handle : handle > nj ? -handle : 0; /* neg[h]: async */
    Conn *c = net_conn((int)h);
    if (!c) {
        r0(msg);
        return kerr(h >= 65536 || h < 3 ? "type" : "hclose");
    }
    if (c->kind != CONN_IPC) { /* WebSocket: async sends only, as in kdb+; HTTP: none */
        K r = c->kind == CONN_WS && async ? net_ws_send(c, msg) : kerr(c->kind == CONN_WS ? "nyi" : "type");
        r0(msg);
        return r;
    }
    if (!net_send_value(c, msg, async ? IPC_ASYNC : IPC_SYNC)) {
        r0(msg);
        return NULL;
    }
    r0(msg);
    if (net_conn((int)h) != c)
        return kerr("close");
    if (async)
        return obj_identity();
    return await_reply(c, false); /* to a client that connected to us too: the same wait */
}

/* h[]: block until a message other than a request arrives on h, and return it (basics/ipc.md
 * "Async blocking"): the server's async message, or a (deferred) response; sync requests that
 * arrive meanwhile are served as usual */
K net_handle_wait(J h) {
    Conn *c = h > 2 && h < 65536 ? net_conn((int)h) : NULL;
    if (!c || c->kind != CONN_IPC)
        return kerr("type");
    return await_reply(c, true);
}

/* peach over secondary processes (basics/peach.md, "Processes"): msgs[i] goes to the next
 * handle that is free, as a sync request, so the processes work at once and a process that
 * finishes early takes the next item; the replies in item order.  An error (an item's, or a
 * handle that closes) stops handing out items; the requests already out are still answered
 * and taken, so the handles stay usable, then the first error in item order is signalled.
 * handles: ints or longs (borrowed); msgs: a general list (consumed). */
K net_peach(const K handles, K msgs) {
    J hn = handles->n, n = msgs->n;
    if (hn <= 0 || hn > 1024) {
        r0(msgs);
        return kerr(hn <= 0 ? ".z.pd" : "limit");
    }
    K out = ktn(0, n);
    J *busy = mem_raw_calloc((size_t)hn, sizeof(J)); /* 1 + the item each handle works on */
    struct pollfd *pf = mem_raw_calloc((size_t)hn, sizeof *pf);
    int *fds = mem_raw_calloc((size_t)hn, sizeof(int));
    if (!out || !busy || !pf || !fds) {
        r0(out);
        r0(msgs);
        mem_raw_free(busy);
        mem_raw_free(pf);
        mem_raw_free(fds);
        return kerr("wsfull");
    }
    for (J i = 0; i < n; i++)
        kK(out)[i] = NULL;
    for (J h = 0; h < hn; h++)
        fds[h] = handles->t == KI ? kI(handles)[h] : (int)kJ(handles)[h];
    J next = 0, pending = 0, failed = -1; /* failed: the first item (in order) that failed */
    char *err = NULL;
    for (;;) {
        for (J h = 0; h < hn && failed < 0 && next < n; h++) { /* hand out items */
            if (busy[h])
                continue;
            Conn *c = net_conn(fds[h]);
            if (!c || c->kind != CONN_IPC || !c->outbound || !net_send_value(c, kK(msgs)[next], IPC_SYNC) ||
                net_conn(fds[h]) != c) {
                failed = next;
                err = mem_raw_strdup(c && kerr_msg() ? kerr_msg() : "close");
                break;
            }
            busy[h] = ++next;
            pending++;
        }
        if (!pending)
            break;
        J np = 0;
        for (J h = 0; h < hn; h++)
            if (busy[h])
                pf[np++] = (struct pollfd){.fd = fds[h], .events = wait_events(net_conn(fds[h]))};
        int r = poll(pf, (nfds_t)np, -1);
        if (r < 0 && errno == EINTR)
            continue;
        for (J h = 0; h < hn; h++) {
            if (!busy[h])
                continue;
            J item = busy[h] - 1;
            J k = 0;
            while (k < np && pf[k].fd != fds[h])
                k++;
            if (r > 0 && !(k < np && pf[k].revents))
                continue;
            Conn *c = net_conn(fds[h]);
            bool alive = r > 0 && c && wait_ready(c, pf[k].revents);
            if (alive && !c->reply_ready)
                continue;
            busy[h] = 0;
            pending--;
            K x = alive ? c->reply : NULL;
            if (alive) {
                c->reply = NULL;
                c->reply_ready = false;
            }
            if (!x || x->t == KERROR) {
                if (failed < 0 || item < failed) {
                    failed = item;
                    mem_raw_free(err);
                    err = mem_raw_strdup(x ? x->s : "close");
                }
                r0(x);
                continue;
            }
            kK(out)[item] = x;
        }
    }
    r0(msgs);
    mem_raw_free(busy);
    mem_raw_free(pf);
    mem_raw_free(fds);
    if (failed >= 0) {
        for (J i = 0; i < n; i++)
            if (!kK(out)[i])
                kK(out)[i] = obj_identity();
        r0(out);
        K e = kerr(err ? err : "wsfull");
        mem_raw_free(err);
        return e;
    }
    return out;
}

K net_close_handle(J h) {
    Conn *c = net_conn((int)h);
    if (c)
        net_conn_close(c);
    return obj_identity();
}

K net_hopen(K spec, int timeout_ms) { return net_open(spec, timeout_ms); }

/* A one-shot request (ref/hopen.md): `:host:port msg or `::[(spec;timeout);msg] opens a
 * connection, sends msg sync, closes and gives the answer; an answer that never comes is
 * 'expected response.  `:ws://... "GET ..." opens a WebSocket client instead (ws.c). */
K net_oneshot(K spec, K msg) {
    int timeout = 0;
    if (spec->t == 0 && spec->n == 2) {
        K t = kK(spec)[1];
        if (t->t != -KJ && t->t != -KI) {
            r0(spec);
            r0(msg);
            return kerr("type");
        }
        timeout = t->t == -KJ ? (int)t->j : t->i;
        K s = r1(kK(spec)[0]);
        r0(spec);
        spec = s;
    }
    const char *text = spec->t == -KS ? spec->s : NULL;
    char buf[512];
    if (spec->t == KC && spec->n < (J)sizeof buf) {
        snprintf(buf, sizeof buf, "%.*s", (int)spec->n, kC(spec));
        text = buf;
    }
    if (text && (!strncmp(text, ":ws://", 6) || !strncmp(text, ":wss://", 7))) {
        K r = net_ws_connect(text, timeout, msg);
        r0(spec);
        r0(msg);
        return r;
    }
    K h = net_open(spec, timeout);
    if (!h) {
        r0(msg);
        return NULL;
    }
    J fd = h->i;
    r0(h);
    K r = net_handle_call(fd, msg);
    Conn *c = net_conn((int)fd);
    if (!r && kerr_msg() && !strcmp(kerr_msg(), "close"))
        kerr("expected response");
    if (c)
        net_conn_close(c);
    return r;
}

K net_hclose(J h) {
    Conn *c = net_conn((int)h);
    if (!c)
        return NULL;
    /* read-only mode: another client's connection and the server's own handles stay open; a
     * read-only query closes only what a read-only query opened */
    if (!c->read_only_hopen && lang_refuse_update())
        return NULL;
    net_conn_close(c);
    return obj_identity();
}

/* ---- k.h client API ------------------------------------------------------------------------- */

I khpunc(S host, I port, S userpass, I timeout, I capability) {
    int h = open_handle(host ? host : "", port, userpass ? userpass : "", timeout, capability ? capability : 3,
                        false);
    if (h < 0) {
        bool refused = kerr_msg() && !strcmp(kerr_msg(), "access");
        kerr_clear();
        return refused ? -1 : 0;
    }
    return h;
}

I khpun(const S host, I port, const S userpass, I timeout) { return khpunc(host, port, userpass, timeout, 6); }
I khpu(const S host, I port, const S userpass) { return khpun(host, port, userpass, 0); }
I khp(const S host, I port) { return khpu(host, port, ""); }

V kclose(I h) {
    Conn *c = net_conn(h);
    if (c && c->outbound)
        net_conn_close(c);
}

/* k(h, "expr", args..., (K)0): h > 0 sync, h < 0 async, h == 0 evaluate here */
K k(I h, const S expr, ...) {
    va_list ap;
    va_start(ap, expr);
    K args[8];
    int n = 0;
    K a;
    while (n < 8 && (a = va_arg(ap, K)) != NULL)
        args[n++] = a;
    va_end(ap);
    K msg;
    if (n == 0) {
        msg = kp(expr);
    } else {
        msg = ktn(0, n + 1);
        kK(msg)[0] = kp(expr);
        for (int i = 0; i < n; i++)
            kK(msg)[i + 1] = args[i];
    }
    K r;
    if (h == 0)
        r = lang_value(msg);
    else
        r = net_handle_call(h, msg);
    if (!r) {
        K e = krr((S)(kerr_msg() ? kerr_msg() : "error"));
        kerr_clear();
        return e;
    }
    return r;
}

/* sd1/sd0: callbacks on extra descriptors are not supported in this build */
K sd1(I fd, K (*cb)(I)) {
    UNUSED(fd);
    UNUSED(cb);
    return krr("nyi");
}
V sd0(I fd) { UNUSED(fd); }
V sd0x(I fd, I close_fd) {
    UNUSED(fd);
    UNUSED(close_fd);
}
