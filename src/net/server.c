/* server.c -- the event loop and client connections (Redis's ae/networking shape).
 *
 * Everything is non-blocking.  A connection reads into its own buffer; the handshake and
 * each frame are acted on only when complete, and every length is checked against the
 * configured maximum before the buffer grows (it grows only as bytes arrive, so a header
 * that lies about its length costs nothing).  Replies are written at once; only a short
 * write makes us watch for writability.  Hooks (.z.pw .z.po .z.pg .z.ps .z.pc) run user code
 * that may close any handle, its own included: a connection is "protected" while a hook
 * runs for it, and closing a protected connection only marks it, to be freed after. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "../fmt/fmt.h"
#include "../ipc/ipc.h"
#include "../lang/lang.h"
#include "net.h"
#include "netint.h"

NetConfig net_config = {
    .max_message = (int64_t)1 << 40,
    .max_connections = 4096,
    .handshake_ms = 10000,
    .idle_ms = 0,
};

static int epfd = -1;           /* the loop */
static int listen_tcp = -1;     /* TCP listener */
static int listen_uds = -1;     /* abstract unix socket listener */
static int listen_port;         /* the port bound */
static Conn *conns[65536];      /* by fd (= q handle) */
static int nconns;              /* client connections open */
static bool stdin_open;         /* stdin is part of the loop (the console) */
static J timer_ms;              /* \t: .z.ts period, 0 = off */
static int64_t timer_next;      /* when .z.ts fires next (ms, monotonic) */
static bool quit_requested;     /* \\ at the console */

int64_t net_now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

Conn *net_conn(int fd) { return fd >= 0 && fd < (int)ARRAY_LEN(conns) ? conns[fd] : NULL; }

static bool ensure_loop(void) {
    if (epfd >= 0)
        return true;
    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) {
        kerr("epoll");
        return false;
    }
    return true;
}

static void set_nonblocking(int fd) {
    int fl = fcntl(fd, F_GETFL, 0);
    fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

static void watch(int fd, uint32_t events, bool add) {
    struct epoll_event ev = {.events = events, .data.fd = fd};
    epoll_ctl(epfd, add ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &ev);
}

int net_fd(void) { return ensure_loop() ? epfd : -1; }

int net_connection_count(void) { return nconns; }

/* ---- listening ------------------------------------------------------------------------------ */

static int bind_tcp(const char *host, int port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_ANY);
    if (host && *host) {
        struct addrinfo hints = {.ai_family = AF_INET}, *res = NULL;
        if (getaddrinfo(host, NULL, &hints, &res) != 0 || !res) {
            close(fd);
            return -1;
        }
        a.sin_addr = ((struct sockaddr_in *)res->ai_addr)->sin_addr;
        freeaddrinfo(res);
    }
    if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0 || listen(fd, 1024) < 0) {
        close(fd);
        return -1;
    }
    set_nonblocking(fd);
    return fd;
}

/* the abstract name "\0/tmp/kx.PORT", with the exact length q uses (no trailing NUL) */
socklen_t net_uds_addr(struct sockaddr_un *a, int port) {
    memset(a, 0, sizeof *a);
    a->sun_family = AF_UNIX;
    int n = snprintf(a->sun_path + 1, sizeof a->sun_path - 1, "/tmp/kx.%d", port);
    return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + n);
}

static int bind_uds(int port) {
    const char *disabled = getenv("QUDSPATH");
    if (disabled && !*disabled)
        return -1;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_un a;
    socklen_t len = net_uds_addr(&a, port);
    if (bind(fd, (struct sockaddr *)&a, len) < 0 || listen(fd, 1024) < 0) {
        close(fd);
        return -1;
    }
    set_nonblocking(fd);
    return fd;
}

int net_listen(const char *spec) {
    if (!ensure_loop())
        return -1;
    char host[256] = "";
    const char *colon = strrchr(spec, ':');
    const char *port_text = spec;
    if (colon) {
        snprintf(host, sizeof host, "%.*s", (int)(colon - spec), spec);
        port_text = colon + 1;
    }
    char *end;
    long port = strtol(port_text, &end, 10);
    if (*end || port < 0 || port > 65535) {
        kerr("port");
        return -1;
    }
    net_unlisten();
    listen_tcp = bind_tcp(host, (int)port);
    if (listen_tcp < 0) {
        kerr(errno == EADDRINUSE ? "addr" : "port");
        return -1;
    }
    struct sockaddr_in a;
    socklen_t alen = sizeof a;
    getsockname(listen_tcp, (struct sockaddr *)&a, &alen);
    listen_port = ntohs(a.sin_port);
    watch(listen_tcp, EPOLLIN, true);
    listen_uds = bind_uds(listen_port);
    if (listen_uds >= 0)
        watch(listen_uds, EPOLLIN, true);
    return listen_port;
}

void net_unlisten(void) {
    if (listen_tcp >= 0)
        close(listen_tcp);
    if (listen_uds >= 0)
        close(listen_uds);
    listen_tcp = listen_uds = -1;
    listen_port = 0;
}

int net_port(void) { return listen_port; }

/* ---- connections ------------------------------------------------------------------------------ */

Conn *net_conn_new(int fd, bool outbound) {
    if (fd >= (int)ARRAY_LEN(conns)) {
        close(fd);
        return NULL;
    }
    Conn *c = calloc(1, sizeof *c);
    if (!c) {
        close(fd);
        return NULL;
    }
    c->fd = fd;
    c->outbound = outbound;
    c->state = outbound ? CONN_READY : CONN_HANDSHAKE;
    c->opened_ms = c->last_ms = net_now_ms();
    c->user = sym_null;
    conns[fd] = c;
    if (!outbound)
        nconns++;
    set_nonblocking(fd);
    if (outbound && ensure_loop()) /* what the other side sends unasked (a subscription's
                                     * updates) is served by the loop, as on accepted ones */
        watch(fd, EPOLLIN, true);
    return c;
}

static void conn_free(Conn *c) {
    if (epfd >= 0)
        epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    conns[c->fd] = NULL;
    if (!c->outbound)
        nconns--;
    free(c->in);
    free(c->out);
    free(c);
}

/* run a hook (the global `name`) on args, protected: errors are returned as NULL+kerr */
static K run_hook(S name, K *args, int n, bool *defined) {
    K f = lang_get(name);
    *defined = f != NULL;
    if (!f) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return NULL;
    }
    return lang_apply(f, args, n);
}

/* set .z.w .z.u .z.a for the connection whose message or event is being handled */
void net_set_caller(Conn *c) {
    lang_set_runtime(ss(".z.w"), ki(c ? c->fd : 0));
    K u = obj_atom(-KS);
    if (u)
        u->s = c ? c->user : sym_null;
    lang_set_runtime(ss(".z.u"), u);
    lang_set_runtime(ss(".z.a"), ki(c ? (I)c->addr : 0));
}

/* Close a connection: .z.pc runs first (once, for accepted connections that completed the
 * handshake); a protected connection is only marked and freed when its hook returns. */
void net_conn_close(Conn *c) {
    if (c->closing)
        return;
    c->closing = true;
    if (c->state == CONN_READY && !c->outbound) {
        c->protect++;
        net_set_caller(c);
        bool defined;
        K r = run_hook(ss(".z.pc"), (K[]){ki(c->fd)}, 1, &defined);
        if (!r)
            kerr_clear();
        r0(r);
        c->protect--;
    }
    if (c->protect == 0)
        conn_free(c);
}

/* after a hook: free a connection that asked to close while protected */
static void release_protect(Conn *c) {
    c->protect--;
    if (c->protect == 0 && c->closing)
        conn_free(c);
}

/* ---- writing ---------------------------------------------------------------------------------- */

/* queue bytes and try to write them now; false when the connection failed */
bool net_conn_send(Conn *c, const G *p, size_t n) {
    if (c->closing)
        return false;
    if (c->out_len == 0) {
        while (n) {
            ssize_t w = send(c->fd, p, n, MSG_NOSIGNAL);
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                if (errno == EAGAIN || errno == EWOULDBLOCK)
                    break;
                return false;
            }
            p += w;
            n -= (size_t)w;
        }
        if (n == 0)
            return true;
    }
    if (c->out_len + n > c->out_cap) {
        size_t cap = c->out_cap ? c->out_cap : 4096;
        while (cap < c->out_len + n)
            cap *= 2;
        G *grown = realloc(c->out, cap);
        if (!grown)
            return false;
        c->out = grown;
        c->out_cap = cap;
    }
    memcpy(c->out + c->out_len, p, n);
    c->out_len += n;
    watch(c->fd, EPOLLIN | EPOLLOUT | EPOLLRDHUP, false);
    return true;
}

static void flush_out(Conn *c) {
    size_t done = 0;
    while (done < c->out_len) {
        ssize_t w = send(c->fd, c->out + done, c->out_len - done, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            c->out_len = 0;
            net_conn_close(c);
            return;
        }
        done += (size_t)w;
    }
    memmove(c->out, c->out + done, c->out_len - done);
    c->out_len -= done;
    if (c->out_len == 0)
        watch(c->fd, EPOLLIN | EPOLLRDHUP, false);
}

/* encode and send a message to c (x borrowed); false if it could not be encoded */
bool net_send_value(Conn *c, const K x, int msgtype) {
    int compress = c->local ? 0 : 1;
    K m = ipc_encode(x, msgtype, c->capability, compress);
    if (!m)
        return false;
    bool ok = net_conn_send(c, kG(m), (size_t)m->n);
    r0(m);
    if (!ok)
        net_conn_close(c);
    return true;
}

void net_send_error(Conn *c, const char *msg) {
    K m = ipc_encode_error(msg, c->capability);
    if (m) {
        if (!net_conn_send(c, kG(m), (size_t)m->n))
            net_conn_close(c);
        r0(m);
    }
}

/* ---- the handshake ------------------------------------------------------------------------------ */

static bool is_local(const struct sockaddr_storage *a) {
    if (a->ss_family == AF_UNIX)
        return true;
    if (a->ss_family == AF_INET)
        return (ntohl(((const struct sockaddr_in *)a)->sin_addr.s_addr) >> 24) == 127;
    return false;
}

/* The handshake is "user:password" + capability byte + NUL.  Credentials split at the
 * first ':'; the reply is one byte, min(capability, 6).  A rejected client is closed. */
static void finish_handshake(Conn *c, size_t nul) {
    size_t len = nul;
    int cap = 0;
    if (len >= 1 && c->in[len - 1] < 32) {
        cap = c->in[len - 1];
        len--;
    }
    const char *cred = (const char *)c->in;
    const char *colon = memchr(cred, ':', len);
    size_t ulen = colon ? (size_t)(colon - cred) : len;
    c->user = sym_intern(cred, ulen);
    K password = colon ? obj_strn(colon + 1, len - ulen - 1) : obj_strn("", 0);
    bool ok = net_auth_check(c->user, password);
    if (ok) {
        K pw = lang_get(ss(".z.pw"));
        if (pw) {
            c->protect++;
            net_set_caller(c);
            K u = obj_atom(-KS);
            u->s = c->user;
            K r = lang_apply(pw, (K[]){u, r1(password)}, 2);
            ok = r && r->t == -KB && r->g;
            if (!r)
                kerr_clear();
            r0(r);
            c->protect--;
        }
    }
    r0(password);
    /* consume the handshake bytes */
    memmove(c->in, c->in + nul + 1, c->in_len - nul - 1);
    c->in_len -= nul + 1;
    if (!ok || c->closing) {
        if (c->protect == 0)
            conn_free(c);
        return;
    }
    c->capability = cap < 6 ? cap : 6;
    G reply = (G)c->capability;
    c->state = CONN_READY;
    if (!net_conn_send(c, &reply, 1)) {
        conn_free(c);
        return;
    }
    c->protect++;
    net_set_caller(c);
    bool defined;
    K r = run_hook(ss(".z.po"), (K[]){ki(c->fd)}, 1, &defined);
    if (!r)
        kerr_clear();
    r0(r);
    release_protect(c);
}

/* ---- messages ------------------------------------------------------------------------------------ */

static Conn *current_sync; /* the connection whose sync request is being handled */

/* -30!x: (::) defers the reply to the current sync request; (h;iserror;msg) sends it */
K net_deferred(K x) {
    if (obj_is_identity(x)) {
        r0(x);
        if (!current_sync)
            return kerr("domain");
        current_sync->deferred = true;
        return obj_identity();
    }
    if (x->t != 0 || x->n != 3) {
        r0(x);
        return kerr("type");
    }
    K h = kK(x)[0], e = kK(x)[1], msg = kK(x)[2];
    Conn *c = net_conn(h->t == -KI ? h->i : h->t == -KJ ? (int)h->j : -1);
    if (!c || e->t != -KB) {
        r0(x);
        return kerr(c ? "type" : "domain");
    }
    if (e->g) {
        char text[1024];
        snprintf(text, sizeof text, "%.*s", msg->t == KC ? (int)msg->n : 0, msg->t == KC ? kC(msg) : "");
        net_send_error(c, msg->t == -KS ? msg->s : text);
    } else if (!net_send_value(c, msg, IPC_RESPONSE)) {
        r0(x);
        return NULL;
    }
    r0(x);
    return obj_identity();
}

/* the server's answer to one decoded message from c */
static void dispatch(Conn *c, int msgtype, K x) {
    if (msgtype == IPC_RESPONSE) {
        /* a reply to a request we made on this handle (see client.c) */
        r0(c->reply);
        c->reply = x;
        c->reply_ready = true;
        return;
    }
    c->protect++;
    net_set_caller(c);
    S hook = ss(msgtype == IPC_SYNC ? ".z.pg" : ".z.ps");
    K f = lang_get(hook);
    NetGuards guards = net_query_begin();
    Conn *outer = current_sync;
    current_sync = msgtype == IPC_SYNC ? c : NULL;
    c->deferred = false;
    K r = f ? lang_apply(f, &x, 1) : lang_value(x);
    current_sync = outer;
    net_query_end(guards);
    if (msgtype == IPC_SYNC && c->deferred) {
        c->deferred = false; /* -30!(::): the reply comes later from -30!(h;iserror;msg) */
        if (!r)
            kerr_clear();
    } else if (msgtype == IPC_SYNC && !c->closing) {
        if (!r) {
            net_send_error(c, kerr_msg() ? kerr_msg() : "error");
            kerr_clear();
        } else if (!net_send_value(c, r, IPC_RESPONSE)) {
            net_send_error(c, kerr_msg() ? kerr_msg() : "type");
            kerr_clear();
        }
    } else if (!r) {
        kerr_clear(); /* async errors produce nothing on the wire */
    }
    r0(r);
    release_protect(c);
}

/* Act on every complete frame in c's buffer.  Returns false when c was closed. */
static bool process_input(Conn *c) {
    for (;;) {
        if (c->state == CONN_HANDSHAKE) {
            G *nul = memchr(c->in, 0, c->in_len);
            if (!nul) {
                if (c->in_len > NET_HANDSHAKE_MAX) {
                    conn_free(c);
                    return false;
                }
                return true;
            }
            int fd = c->fd;
            finish_handshake(c, (size_t)(nul - c->in));
            if (conns[fd] != c)
                return false;
            continue;
        }
        if (c->in_len < IPC_HEADER)
            return true;
        int64_t total = ipc_message_length(c->in);
        if (total < 0 || total > net_config.max_message) {
            /* not a frame we can follow: the stream is lost, close it */
            if (total > net_config.max_message)
                net_send_error(c, "limit");
            net_conn_close(c);
            return false;
        }
        if ((int64_t)c->in_len < total) {
            c->want = (size_t)total;
            return true;
        }
        int msgtype = c->in[1];
        K x = ipc_decode(c->in, (size_t)total);
        memmove(c->in, c->in + total, c->in_len - (size_t)total);
        c->in_len -= (size_t)total;
        c->want = 0;
        if (!x) {
            /* a malformed body inside a well-formed frame: answer sync with the error */
            if (msgtype == IPC_SYNC)
                net_send_error(c, kerr_msg() ? kerr_msg() : "badmsg");
            kerr_clear();
            continue;
        }
        int fd = c->fd;
        dispatch(c, msgtype, x);
        if (conns[fd] != c || c->closing)
            return false;
        if (c->reply_ready && c->outbound)
            return true; /* a waiting request takes it */
    }
}

/* read what is available; false when the connection was closed */
bool net_conn_read(Conn *c) {
    for (;;) {
        size_t room = c->in_cap - c->in_len;
        if (room < 4096) {
            size_t cap = c->in_cap ? c->in_cap * 2 : 16384;
            while (c->want && cap < c->want && cap < (size_t)1 << 40)
                cap *= 2;
            G *grown = realloc(c->in, cap);
            if (!grown) {
                net_conn_close(c);
                return false;
            }
            c->in = grown;
            c->in_cap = cap;
            room = c->in_cap - c->in_len;
        }
        ssize_t n = recv(c->fd, c->in + c->in_len, room, 0);
        if (n == 0) {
            net_conn_close(c);
            return false;
        }
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            net_conn_close(c);
            return false;
        }
        c->in_len += (size_t)n;
        c->last_ms = net_now_ms();
        if ((size_t)n < room)
            break;
    }
    return process_input(c);
}

static void accept_on(int lfd) {
    for (;;) {
        struct sockaddr_storage a;
        socklen_t alen = sizeof a;
        int fd = accept4(lfd, (struct sockaddr *)&a, &alen, SOCK_CLOEXEC);
        if (fd < 0)
            return;
        if (nconns >= net_config.max_connections) {
            close(fd);
            continue;
        }
        int one = 1;
        if (a.ss_family == AF_INET)
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        Conn *c = net_conn_new(fd, false);
        if (!c)
            continue;
        c->local = is_local(&a);
        if (a.ss_family == AF_INET)
            c->addr = ntohl(((struct sockaddr_in *)&a)->sin_addr.s_addr);
        else
            c->addr = 0x7f000001;
        watch(fd, EPOLLIN | EPOLLRDHUP, true);
    }
}

/* ---- the console on stdin ------------------------------------------------------------------- */

static char *console_buf;
static size_t console_len, console_cap;

static void console_read(void) {
    char tmp[4096];
    ssize_t n = read(0, tmp, sizeof tmp);
    if (n <= 0) {
        epoll_ctl(epfd, EPOLL_CTL_DEL, 0, NULL);
        stdin_open = false;
        return;
    }
    if (console_len + (size_t)n + 1 > console_cap) {
        size_t cap = console_cap ? console_cap * 2 : 8192;
        while (cap < console_len + (size_t)n + 1)
            cap *= 2;
        char *g = realloc(console_buf, cap);
        if (!g)
            return;
        console_buf = g;
        console_cap = cap;
    }
    memcpy(console_buf + console_len, tmp, (size_t)n);
    console_len += (size_t)n;
    char *nl;
    while ((nl = memchr(console_buf, '\n', console_len))) {
        size_t line = (size_t)(nl - console_buf);
        int quit = 0;
        K out = lang_console(console_buf, line, &quit);
        if (out && out->n)
            printf("%.*s\n", (int)out->n, kC(out));
        fflush(stdout);
        r0(out);
        memmove(console_buf, nl + 1, console_len - line - 1);
        console_len -= line + 1;
        if (quit)
            quit_requested = true;
    }
}

/* ---- timers ---------------------------------------------------------------------------------------- */

void net_set_timer(J ms) {
    timer_ms = ms > 0 ? ms : 0;
    timer_next = net_now_ms() + timer_ms;
}

static void run_timer(void) {
    if (!timer_ms || net_now_ms() < timer_next)
        return;
    timer_next = net_now_ms() + timer_ms;
    bool defined;
    K r = run_hook(ss(".z.ts"), (K[]){zts_now()}, 1, &defined);
    if (!r)
        kerr_clear();
    r0(r);
}

static void expire_handshakes(void) {
    int64_t now = net_now_ms();
    for (int fd = 0; fd < (int)ARRAY_LEN(conns); fd++) {
        Conn *c = conns[fd];
        if (!c || c->outbound || c->protect)
            continue;
        if (c->state == CONN_HANDSHAKE && now - c->opened_ms > net_config.handshake_ms)
            conn_free(c);
        else if (net_config.idle_ms && c->state == CONN_READY && now - c->last_ms > net_config.idle_ms)
            net_conn_close(c);
    }
}

/* ---- the loop ----------------------------------------------------------------------------------- */

int net_poll(int timeout_ms) {
    if (!ensure_loop())
        return -1;
    if (timer_ms) {
        int64_t until = timer_next - net_now_ms();
        if (until < 0)
            until = 0;
        if (timeout_ms < 0 || until < timeout_ms)
            timeout_ms = (int)until;
    }
    struct epoll_event evs[256];
    int n = epoll_wait(epfd, evs, (int)ARRAY_LEN(evs), timeout_ms);
    if (n < 0)
        return errno == EINTR ? 0 : -1;
    for (int i = 0; i < n; i++) {
        int fd = evs[i].data.fd;
        uint32_t e = evs[i].events;
        if (fd == listen_tcp || fd == listen_uds) {
            accept_on(fd);
            continue;
        }
        if (fd == 0 && stdin_open) {
            console_read();
            continue;
        }
        Conn *c = net_conn(fd);
        if (!c)
            continue;
        if (e & EPOLLOUT)
            flush_out(c);
        if (!net_conn(fd))
            continue;
        if (e & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
            net_conn_read(c);
    }
    run_timer();
    static int64_t last_sweep;
    if (net_now_ms() - last_sweep > 500) {
        last_sweep = net_now_ms();
        expire_handshakes();
    }
    return n;
}

int net_run(void) {
    if (!ensure_loop())
        return 1;
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = 0};
    stdin_open = epoll_ctl(epfd, EPOLL_CTL_ADD, 0, &ev) == 0;
    while (!quit_requested)
        if (net_poll(-1) < 0 && errno != EINTR)
            break;
    return 0;
}

void net_request_quit(void) { quit_requested = true; }

void net_free(void) {
    for (int fd = 0; fd < (int)ARRAY_LEN(conns); fd++)
        if (conns[fd])
            conn_free(conns[fd]);
    net_unlisten();
    if (epfd >= 0)
        close(epfd);
    epfd = -1;
    free(console_buf);
    console_buf = NULL;
    console_len = console_cap = 0;
}
