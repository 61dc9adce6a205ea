/* server.c -- the event loop and client connections (Redis's ae/networking shape).
 *
 * Everything is non-blocking.  A connection reads into its own buffer; the handshake and
 * each frame are acted on only when complete, and every length is checked against the
 * configured maximum before the buffer grows (it grows only as bytes arrive, so a header
 * that lies about its length costs nothing).  Replies are written at once; only a short
 * write makes us watch for writability.  Hooks (.z.pw .z.po .z.pg .z.ps .z.pc) run user code
 * that may close any handle, its own included: a connection is "protected" while a hook
 * runs for it, and closing a protected connection only marks it, to be freed after.
 *
 * Limits (docs/compat.md "Limits"): accepted connections that have not finished the
 * handshake ("half-open") are capped apart from live ones and kept on a list, oldest first,
 * so the oldest is dropped when the cap is reached and deadlines fire from a timer (epoll_wait
 * waits until the nearest one).  Out of descriptors, accept sheds: the oldest half-open
 * connection goes, or a reserve descriptor is given up to accept and close the pending one,
 * or the listeners are unwatched for a moment; never a busy loop. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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

#include "../base/intr.h"
#include "../fmt/fmt.h"
#include "../ipc/ipc.h"
#include "../lang/lang.h"
#include "net.h"
#include "netint.h"

NetConfig net_config = {
    .max_message = (int64_t)1 << 40,
    .max_connections = 4096,
    .max_halfopen = 512,
    .handshake_ms = 10000,
    .idle_ms = 0,
};

#define ACCEPT_PAUSE_MS 100  /* listeners unwatched this long when no descriptor can be had */
#define EMFILE_LOG_MS 60000  /* "out of descriptors" is logged at most this often */
#define IDLE_SWEEP_MS 500    /* idle connections are looked for at most this often */

static int epfd = -1;           /* the loop */
static int listen_tcp = -1;     /* TCP listener */
static int listen_uds = -1;     /* abstract unix socket listener */
static int listen_port;         /* the port bound */
static Conn *conns[65536];      /* by fd (= q handle) */
static int nconns;              /* accepted connections open (half-open included) */
static bool stdin_open;         /* stdin is part of the loop (the console) */
static J timer_ms;              /* \t: .z.ts period, 0 = off */
static int64_t timer_next;      /* when .z.ts fires next (ms, monotonic) */
static bool quit_requested;     /* \\ at the console */
static const NetConsole *console_hooks; /* the binary's console on stdin, or NULL */

/* the guards against hostile peers (one record so it is visible what the loop keeps) */
static struct {
    Conn *half_oldest;          /* half-open list head: the next handshake deadline */
    Conn *half_youngest;        /* half-open list tail: where accepted connections join */
    int nhalf;                  /* connections on the half-open list */
    int reserve_fd;             /* a spare descriptor given up to shed a connection (EMFILE) */
    int64_t accept_paused_until;/* listeners unwatched until then (0: watched) */
    int64_t emfile_logged_ms;   /* when "out of descriptors" was last logged (0: never) */
    int64_t idle_next;          /* no idle deadline falls before this (0: sweep now) */
} guard = {.reserve_fd = -1};

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

/* OPENQ_HANDSHAKE_MS, OPENQ_MAX_HALFOPEN, OPENQ_MAX_CONNECTIONS override the defaults (q has
 * no flags for them; docs/compat.md "Limits") */
static void config_from_env(void) {
    static const struct { const char *name; int *field; } vars[] = {
        {"OPENQ_HANDSHAKE_MS", &net_config.handshake_ms},
        {"OPENQ_MAX_HALFOPEN", &net_config.max_halfopen},
        {"OPENQ_MAX_CONNECTIONS", &net_config.max_connections},
    };
    for (size_t i = 0; i < ARRAY_LEN(vars); i++) {
        const char *v = getenv(vars[i].name);
        char *end;
        long n = v && *v ? strtol(v, &end, 10) : 0;
        if (v && *v && !*end && n > 0 && n <= INT_MAX)
            *vars[i].field = (int)n;
    }
}

int net_listen(const char *spec) {
    if (!ensure_loop())
        return -1;
    config_from_env();
    if (guard.reserve_fd < 0)
        guard.reserve_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
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
    guard.accept_paused_until = 0;
}

int net_port(void) { return listen_port; }

/* ---- connections ------------------------------------------------------------------------------ */

/* the half-open list: accepted connections whose handshake is pending, oldest first (all
 * share one timeout, so the oldest also has the nearest deadline) */
static void half_link(Conn *c) {
    c->half_prev = guard.half_youngest;
    c->half_next = NULL;
    if (guard.half_youngest)
        guard.half_youngest->half_next = c;
    else
        guard.half_oldest = c;
    guard.half_youngest = c;
    guard.nhalf++;
}

static void half_unlink(Conn *c) {
    if (c->outbound || c->state != CONN_HANDSHAKE)
        return;
    if (c->half_prev)
        c->half_prev->half_next = c->half_next;
    else
        guard.half_oldest = c->half_next;
    if (c->half_next)
        c->half_next->half_prev = c->half_prev;
    else
        guard.half_youngest = c->half_prev;
    c->half_prev = c->half_next = NULL;
    guard.nhalf--;
}

Conn *net_conn_new(int fd, bool outbound) {
    if (fd >= (int)ARRAY_LEN(conns)) {
        close(fd);
        return NULL;
    }
    Conn *c = mem_alloc(mem_class(sizeof *c));
    if (!c) {
        close(fd);
        return NULL;
    }
    memset(c, 0, sizeof *c);
    c->fd = fd;
    c->outbound = outbound;
    c->state = outbound ? CONN_READY : CONN_HANDSHAKE;
    c->opened_ms = c->last_ms = net_now_ms();
    c->user = sym_null;
    conns[fd] = c;
    if (!outbound) {
        nconns++;
        half_link(c);
    }
    set_nonblocking(fd);
    if (outbound && ensure_loop()) /* what the other side sends unasked (a subscription's
                                     * updates) is served by the loop, as on accepted ones */
        watch(fd, EPOLLIN, true);
    return c;
}

static void conn_free(Conn *c) {
    half_unlink(c);
    if (epfd >= 0 && !c->sink)
        epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    conns[c->fd] = NULL;
    if (!c->outbound)
        nconns--;
    r0(c->in);
    r0(c->out);
    r0(c->reply);
    mem_free(c, mem_class(sizeof *c));
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

/* append n bytes to the byte vector *buf (created when NULL); false when out of memory */
static bool bytes_append(K *buf, const G *p, size_t n) {
    if (!*buf && !(*buf = obj_reserve(KG, (J)n)))
        return false;
    if (!(*buf = obj_grow(*buf, (J)n)))
        return false;
    memcpy(kG(*buf) + (*buf)->n, p, n);
    (*buf)->n += (J)n;
    return true;
}

/* queue bytes and try to write them now; false when the connection failed */
bool net_conn_send(Conn *c, const G *p, size_t n) {
    if (c->closing)
        return false;
    if (c->sink)
        return bytes_append(c->sink, p, n);
    if (!c->out) {
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
    if (!bytes_append(&c->out, p, n))
        return false;
    watch(c->fd, EPOLLIN | EPOLLOUT | EPOLLRDHUP, false);
    return true;
}

static void flush_out(Conn *c) {
    if (!c->out)
        return;
    size_t done = 0, len = (size_t)c->out->n;
    while (done < len) {
        ssize_t w = send(c->fd, kG(c->out) + done, len - done, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            r0(c->out);
            c->out = NULL;
            net_conn_close(c);
            return;
        }
        done += (size_t)w;
    }
    if (done < len) {
        memmove(kG(c->out), kG(c->out) + done, len - done);
        c->out->n = (J)(len - done);
        return;
    }
    r0(c->out);
    c->out = NULL;
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
 * first ':'; the reply is one byte, min(capability, 6).  A rejected client is closed.
 * The -u/-U check reads the raw bytes: nothing from a peer is interned before it passes
 * (a .z.pw hook, being q code, is handed the name as a symbol: that interning is the
 * hook's price).  A client that would exceed the live-connection cap is rejected too. */
static void finish_handshake(Conn *c, size_t nul) {
    size_t len = nul;
    int cap = 0;
    G *in = kG(c->in);
    if (len >= 1 && in[len - 1] < 32) {
        cap = in[len - 1];
        len--;
    }
    const char *cred = (const char *)in;
    const char *colon = memchr(cred, ':', len);
    size_t ulen = colon ? (size_t)(colon - cred) : len;
    const char *pass = colon ? colon + 1 : "";
    size_t plen = colon ? len - ulen - 1 : 0;
    bool ok = nconns - guard.nhalf < net_config.max_connections &&
              net_auth_check(cred, ulen, pass, plen);
    K pw = ok ? lang_get(ss(".z.pw")) : NULL;
    if (ok)
        c->user = sym_intern(cred, ulen);
    if (pw) {
        c->protect++;
        net_set_caller(c);
        K u = obj_atom(-KS);
        if (u)
            u->s = c->user;
        K password;
        if (!net_config.pw_symbols) {
            password = obj_strn(pass, plen);
        } else if (plen) { /* an empty password is none, as PyKX's server sees it */
            password = obj_atom(-KS);
            if (password)
                password->s = sym_intern(pass, plen);
        } else {
            password = obj_identity();
        }
        K r = u && password ? lang_apply(pw, (K[]){u, password}, 2) : NULL;
        if (!u || !password) {
            r0(u);
            r0(password);
            r0(pw);
        }
        ok = r && r->t == -KB && r->g;
        if (!r)
            kerr_clear();
        r0(r);
        c->protect--;
    }
    /* consume the handshake bytes */
    size_t rest = (size_t)c->in->n - nul - 1;
    memmove(kG(c->in), kG(c->in) + nul + 1, rest);
    c->in->n = (J)rest;
    if (!ok || c->closing) {
        if (c->protect == 0)
            conn_free(c);
        return;
    }
    half_unlink(c);
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
    while (c->in && c->in->n) {
        G *in = kG(c->in);
        size_t in_len = (size_t)c->in->n;
        if (c->state == CONN_HANDSHAKE) {
            G *nul = memchr(in, 0, in_len);
            if (!nul) {
                if (in_len > NET_HANDSHAKE_MAX) {
                    conn_free(c);
                    return false;
                }
                return true;
            }
            int fd = c->fd;
            finish_handshake(c, (size_t)(nul - in));
            if (conns[fd] != c)
                return false;
            continue;
        }
        if (in_len < IPC_HEADER)
            return true;
        int64_t total = ipc_message_length(in);
        int fd = c->fd;
        if (total < 0 || total > net_config.max_message) {
            /* not a frame we can follow: the stream is lost, close it */
            if (total > net_config.max_message)
                net_send_error(c, "limit"); /* may close (and free) c */
            if (conns[fd] == c)
                net_conn_close(c);
            return false;
        }
        if ((int64_t)in_len < total) {
            c->want = (size_t)total;
            return true;
        }
        int msgtype = in[1];
        K x = ipc_decode(in, (size_t)total);
        memmove(in, in + total, in_len - (size_t)total);
        c->in->n = (J)(in_len - (size_t)total);
        c->want = 0;
        if (!x) {
            /* a malformed body inside a well-formed frame: answer sync with the error */
            if (msgtype == IPC_SYNC)
                net_send_error(c, kerr_msg() ? kerr_msg() : "badmsg"); /* may free c */
            kerr_clear();
            if (conns[fd] != c || c->closing)
                return false;
            continue;
        }
        dispatch(c, msgtype, x);
        if (conns[fd] != c || c->closing)
            return false;
        if (c->reply_ready && c->outbound)
            return true; /* a waiting request takes it */
    }
    return true;
}

/* Room for at least `room` more bytes in c->in.  The buffer grows geometrically with what
 * has arrived, never to the length a header claims: a peer pays with bytes sent for the
 * memory it holds (at most about twice what arrived, plus NET_IN_FIRST).  False when
 * out of memory (the connection is then closed). */
static bool in_reserve(Conn *c, size_t room) {
    if (!c->in) {
        c->in = obj_reserve(KG, NET_IN_FIRST);
        return c->in != NULL;
    }
    J have = obj_capacity(c->in) - c->in->n;
    if (have >= (J)room)
        return true;
    c->in = obj_grow(c->in, obj_capacity(c->in)); /* doubles */
    return c->in != NULL;
}

/* after the frames were consumed: an emptied buffer is given back, so an idle connection
 * holds no more than its record */
static void in_release_if_empty(Conn *c) {
    if (c->in && c->in->n == 0) {
        r0(c->in);
        c->in = NULL;
    }
}

/* read what is available; false when the connection was closed */
bool net_conn_read(Conn *c) {
    for (;;) {
        if (!in_reserve(c, 1024)) {
            net_conn_close(c);
            return false;
        }
        size_t room = (size_t)(obj_capacity(c->in) - c->in->n);
        ssize_t n = recv(c->fd, kG(c->in) + c->in->n, room, 0);
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
        c->in->n += n;
        c->last_ms = net_now_ms();
        if ((size_t)n < room)
            break;
    }
    if (!process_input(c))
        return false;
    in_release_if_empty(c);
    return true;
}

/* ---- the fuzz seam -------------------------------------------------------------------------- */

K net_feed(const G *p, size_t n, size_t chunk) {
    /* a real descriptor only to own a slot in conns[] (the handle number); never read or
     * written, since a sink connection sends nothing */
    int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return kerr("fd");
    K out = obj_reserve(KG, 64);
    if (!out) {
        close(fd);
        return NULL;
    }
    Conn *c = net_conn_new(fd, false);
    if (!c) {
        r0(out);
        return kerr("limit");
    }
    c->sink = &out;
    c->local = true;
    c->addr = 0x7f000001;
    if (!chunk)
        chunk = n ? n : 1;
    for (size_t at = 0; at < n && net_conn(fd) == c && !c->closing; at += chunk) {
        size_t k = n - at < chunk ? n - at : chunk;
        if (!in_reserve(c, k) || !(c->in = obj_grow(c->in, (J)k))) {
            net_conn_close(c);
            break;
        }
        memcpy(kG(c->in) + c->in->n, p + at, k);
        c->in->n += (J)k;
        c->last_ms = net_now_ms();
        if (!process_input(c))
            break;
        in_release_if_empty(c);
    }
    if (net_conn(fd) == c)
        net_conn_close(c);
    if (!out)
        return kerr("wsfull");
    return out;
}

/* drop the oldest half-open connection that no hook protects; false when there is none */
static bool drop_oldest_half_open(void) {
    for (Conn *c = guard.half_oldest; c; c = c->half_next)
        if (!c->protect) {
            conn_free(c);
            return true;
        }
    return false;
}

static void watch_listeners(bool on) {
    int fds[] = {listen_tcp, listen_uds};
    for (size_t i = 0; i < ARRAY_LEN(fds); i++) {
        if (fds[i] < 0)
            continue;
        struct epoll_event ev = {.events = EPOLLIN, .data.fd = fds[i]};
        epoll_ctl(epfd, on ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, fds[i], on ? &ev : NULL);
    }
}

/* Out of descriptors with a connection pending on lfd.  A level-triggered listener would
 * wake us at once, forever, so something must give: the oldest half-open connection (then
 * the caller accepts again: true), else the reserve descriptor is given up to accept and
 * close what is pending, else the listeners are unwatched for ACCEPT_PAUSE_MS. */
static bool shed_for_accept(int lfd, int err) {
    int64_t now = net_now_ms();
    if (!guard.emfile_logged_ms || now - guard.emfile_logged_ms >= EMFILE_LOG_MS) {
        guard.emfile_logged_ms = now;
        fprintf(stderr, "openq: accept: %s (%s); shedding connections\n", strerror(err),
                err == EMFILE ? "EMFILE" : "ENFILE");
    }
    if (drop_oldest_half_open())
        return true;
    if (guard.reserve_fd >= 0) {
        close(guard.reserve_fd);
        guard.reserve_fd = -1;
        for (int i = 0; i < 64; i++) { /* bounded: the loop wakes again if more wait */
            int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
            if (fd < 0)
                break;
            close(fd);
        }
        guard.reserve_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (guard.reserve_fd >= 0)
            return false;
    }
    watch_listeners(false);
    guard.accept_paused_until = now + ACCEPT_PAUSE_MS;
    return false;
}

static void accept_on(int lfd) {
    for (int accepted = 0; accepted < 256; accepted++) { /* then let other events in */
        struct sockaddr_storage a;
        socklen_t alen = sizeof a;
        int fd = accept4(lfd, (struct sockaddr *)&a, &alen, SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if ((errno == EMFILE || errno == ENFILE) && shed_for_accept(lfd, errno))
                continue;
            return;
        }
        if (nconns - guard.nhalf >= net_config.max_connections) {
            close(fd); /* no room for another live connection */
            continue;
        }
        if (guard.nhalf >= net_config.max_halfopen && !drop_oldest_half_open()) {
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

/* the listener of a connection's peer address, by comparing the peer with what our
 * listeners are bound to (a TCP address counts as ours when this host can bind it) */
bool net_is_self_connection(int fd) {
    struct sockaddr_storage peer;
    socklen_t plen = sizeof peer;
    if (getpeername(fd, (struct sockaddr *)&peer, &plen) < 0)
        return false;
    if (peer.ss_family == AF_UNIX) {
        if (listen_uds < 0)
            return false;
        struct sockaddr_un mine;
        socklen_t mlen = sizeof mine;
        if (getsockname(listen_uds, (struct sockaddr *)&mine, &mlen) < 0)
            return false;
        return plen == mlen && memcmp(&peer, &mine, mlen) == 0;
    }
    if (peer.ss_family != AF_INET || listen_tcp < 0)
        return false;
    struct sockaddr_in *p = (struct sockaddr_in *)&peer, mine;
    socklen_t mlen = sizeof mine;
    if (getsockname(listen_tcp, (struct sockaddr *)&mine, &mlen) < 0 || p->sin_port != mine.sin_port)
        return false;
    if (mine.sin_addr.s_addr != htonl(INADDR_ANY))
        return mine.sin_addr.s_addr == p->sin_addr.s_addr;
    /* bound to every address: is the peer's address one of this host's? */
    int probe = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (probe < 0)
        return false;
    struct sockaddr_in any = {.sin_family = AF_INET, .sin_addr = p->sin_addr};
    bool local = bind(probe, (struct sockaddr *)&any, sizeof any) == 0;
    close(probe);
    return local;
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

/* close handshakes past their deadline (the oldest come first on the list) */
static void expire_handshakes(int64_t now) {
    Conn *c = guard.half_oldest;
    while (c && now - c->opened_ms >= net_config.handshake_ms) {
        Conn *next = c->half_next;
        if (!c->protect)
            conn_free(c);
        c = next;
    }
}

/* close connections silent for idle_ms; remembers a lower bound of the next deadline */
static void expire_idle(int64_t now) {
    if (!net_config.idle_ms || now < guard.idle_next)
        return;
    int64_t next = now + net_config.idle_ms;
    for (int fd = 0; fd < (int)ARRAY_LEN(conns); fd++) {
        Conn *c = conns[fd];
        if (!c || c->outbound || c->protect || c->state != CONN_READY)
            continue;
        if (now - c->last_ms >= net_config.idle_ms)
            net_conn_close(c);
        else if (c->last_ms + net_config.idle_ms < next)
            next = c->last_ms + net_config.idle_ms;
    }
    /* later deadlines only: a connection made or active after now ends after next */
    guard.idle_next = next > now + IDLE_SWEEP_MS ? next : now + IDLE_SWEEP_MS;
}

/* how long epoll_wait may sleep: the caller's bound, cut to the nearest deadline (.z.ts,
 * the oldest handshake, idle connections, a paused listener) */
static int wait_ms(int timeout_ms, int64_t now) {
    int64_t due = INT64_MAX;
    if (timer_ms)
        due = timer_next;
    if (guard.half_oldest && guard.half_oldest->opened_ms + net_config.handshake_ms < due)
        due = guard.half_oldest->opened_ms + net_config.handshake_ms;
    if (net_config.idle_ms && nconns > guard.nhalf && guard.idle_next < due)
        due = guard.idle_next;
    if (guard.accept_paused_until && guard.accept_paused_until < due)
        due = guard.accept_paused_until;
    if (due == INT64_MAX)
        return timeout_ms;
    int64_t until = due > now ? due - now : 0;
    return timeout_ms >= 0 && timeout_ms < until ? timeout_ms : (int)(until < INT_MAX ? until : INT_MAX);
}

/* ---- the loop ----------------------------------------------------------------------------------- */

int net_poll(int timeout_ms) {
    if (!ensure_loop())
        return -1;
    struct epoll_event evs[256];
    int n = epoll_wait(epfd, evs, (int)ARRAY_LEN(evs), wait_ms(timeout_ms, net_now_ms()));
    if (n < 0 && errno == EINTR && console_hooks && intr_pending) {
        intr_take(); /* Ctrl-C with nothing running: the console's business (a new prompt) */
        console_hooks->interrupted();
    }
    if (n < 0)
        return errno == EINTR ? 0 : -1;
    for (int i = 0; i < n; i++) {
        int fd = evs[i].data.fd;
        uint32_t e = evs[i].events;
        if (fd == listen_tcp || fd == listen_uds) {
            if (!guard.accept_paused_until)
                accept_on(fd);
            continue;
        }
        if (fd == 0 && stdin_open) {
            if (console_hooks)
                console_hooks->readable();
            else
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
    int64_t now = net_now_ms();
    expire_handshakes(now);
    expire_idle(now);
    if (guard.accept_paused_until && now >= guard.accept_paused_until) {
        guard.accept_paused_until = 0;
        watch_listeners(true);
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

void net_set_console(const NetConsole *console) { console_hooks = console; }

void net_free(void) {
    for (int fd = 0; fd < (int)ARRAY_LEN(conns); fd++)
        if (conns[fd])
            conn_free(conns[fd]);
    net_unlisten();
    if (guard.reserve_fd >= 0)
        close(guard.reserve_fd);
    guard.reserve_fd = -1;
    if (epfd >= 0)
        close(epfd);
    epfd = -1;
    free(console_buf);
    console_buf = NULL;
    console_len = console_cap = 0;
}
