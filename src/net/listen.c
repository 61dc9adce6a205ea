/* listen.c -- sockets: binding the TCP and abstract unix listeners (-p, \p), accepting
 * connections, and the limits on them (docs/compat.md "Limits"): accepted connections that
 * have not finished the handshake ("half-open") are capped apart from live ones, oldest
 * dropped first; out of descriptors, accept sheds (the oldest half-open connection, or a
 * reserve descriptor given up to accept and close the pending one, or the listeners
 * unwatched for a moment), never a busy loop. */
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
#include <unistd.h>

#include "../lang/lang.h"
#include "net.h"
#include "netint.h"

#define ACCEPT_PAUSE_MS 100  /* listeners unwatched this long when no descriptor can be had */
#define EMFILE_LOG_MS 60000  /* "out of descriptors" is logged at most this often */

/* ---- listening ------------------------------------------------------------------------------ */

static int bind_tcp(const char *host, int port, bool reuse_port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (reuse_port) /* rp,: several processes share the port, the kernel balances them */
        setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
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
    net_set_nonblocking(fd);
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
    net_set_nonblocking(fd);
    return fd;
}

/* OPENQ_HANDSHAKE_MS, OPENQ_MAX_HALFOPEN, OPENQ_MAX_CONNECTIONS, OPENQ_MAX_QUEUED override the defaults (q has
 * no flags for them; docs/compat.md "Limits") */
static void config_from_env(void) {
    NetConfig *cfg = net_cfg();
    const struct { const char *name; int *field; } vars[] = {
        {"OPENQ_HANDSHAKE_MS", &cfg->handshake_ms},
        {"OPENQ_MAX_HALFOPEN", &cfg->max_halfopen},
        {"OPENQ_MAX_CONNECTIONS", &cfg->max_connections},
        {"OPENQ_MAX_QUEUED", &cfg->max_queued},
    };
    for (size_t i = 0; i < ARRAY_LEN(vars); i++) {
        const char *v = getenv(vars[i].name);
        char *end;
        long n = v && *v ? strtol(v, &end, 10) : 0;
        if (v && *v && !*end && n > 0 && n <= INT_MAX)
            *vars[i].field = (int)n;
    }
}

/* -p and \p: [rp,][host:](port | lo/hi | 0W | servicename), as basics/listening-port.md
 * gives it */
typedef struct ListenSpec {
    char host[256];  /* "" for every interface */
    int lo, hi;      /* the ports to try: one, a range, or 0 for an ephemeral one (0W) */
    bool reuse_port; /* rp, */
} ListenSpec;

static bool parse_port(const char *s, int *port) {
    if (!strcmp(s, "0W")) {
        *port = 0;
        return true;
    }
    char *end;
    errno = 0;
    long p = strtol(s, &end, 10);
    if (end != s && !*end)
        return errno == 0 && p >= 0 && p <= 65535 ? (*port = (int)p, true) : false;
    struct servent *se = *s ? getservbyname(s, "tcp") : NULL; /* a name from /etc/services */
    if (!se)
        return false;
    *port = ntohs((uint16_t)se->s_port);
    return true;
}

static bool parse_listen_spec(const char *spec, ListenSpec *ls) {
    memset(ls, 0, sizeof *ls);
    if (!strncmp(spec, "rp,", 3)) {
        ls->reuse_port = true;
        spec += 3;
    }
    const char *colon = strrchr(spec, ':');
    const char *ports = spec;
    if (colon) {
        if ((size_t)(colon - spec) >= sizeof ls->host)
            return false;
        snprintf(ls->host, sizeof ls->host, "%.*s", (int)(colon - spec), spec);
        ports = colon + 1;
    }
    char lo[64], hi[64];
    const char *slash = strchr(ports, '/');
    if (strlen(ports) >= sizeof lo)
        return false;
    if (!slash) {
        if (!parse_port(ports, &ls->lo))
            return false;
        ls->hi = ls->lo;
        return true;
    }
    snprintf(lo, sizeof lo, "%.*s", (int)(slash - ports), ports);
    snprintf(hi, sizeof hi, "%s", slash + 1);
    return parse_port(lo, &ls->lo) && parse_port(hi, &ls->hi) && ls->lo > 0 && ls->lo <= ls->hi;
}

int net_listen(const char *spec) {
    NetState *ns = net_st();
    if (!net_ensure_loop())
        return -1;
    config_from_env();
    if (ns->guard.reserve_fd < 0)
        ns->guard.reserve_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    ListenSpec ls;
    if (!parse_listen_spec(spec, &ls)) {
        kerr("port");
        return -1;
    }
    net_unlisten();
    /* a range is tried in a random order; 0W binds port 0, an ephemeral port the kernel picks */
    int span = ls.hi - ls.lo + 1, start = span > 1 ? (int)(net_now_ms() % span) : 0;
    for (int k = 0; k < span; k++) {
        int port = ls.lo + (start + k) % span;
        ns->listen_tcp = bind_tcp(ls.host, port, ls.reuse_port);
        if (ns->listen_tcp >= 0 || errno != EADDRINUSE)
            break;
    }
    if (ns->listen_tcp < 0) {
        kerr(errno == EADDRINUSE ? "addr" : "port");
        return -1;
    }
    struct sockaddr_in a;
    socklen_t alen = sizeof a;
    getsockname(ns->listen_tcp, (struct sockaddr *)&a, &alen);
    ns->listen_port = ntohs(a.sin_port);
    net_watch(ns->listen_tcp, EPOLLIN, true);
    ns->listen_uds = bind_uds(ns->listen_port);
    if (ns->listen_uds >= 0)
        net_watch(ns->listen_uds, EPOLLIN, true);
    return ns->listen_port;
}

void net_unlisten(void) {
    NetState *ns = net_st();
    if (ns->listen_tcp >= 0)
        close(ns->listen_tcp);
    if (ns->listen_uds >= 0)
        close(ns->listen_uds);
    ns->listen_tcp = ns->listen_uds = -1;
    ns->listen_port = 0;
    ns->guard.accept_paused_until = 0;
}

int net_port(void) { return net_st()->listen_port; }

/* drop the oldest half-open connection that no hook protects; false when there is none */
static bool drop_oldest_half_open(void) {
    for (Conn *c = net_st()->guard.half_oldest; c; c = c->half_next)
        if (!c->protect) {
            net_conn_free(c);
            return true;
        }
    return false;
}

void net_watch_listeners(bool on) {
    NetState *ns = net_st();
    int fds[] = {ns->listen_tcp, ns->listen_uds};
    for (size_t i = 0; i < ARRAY_LEN(fds); i++) {
        if (fds[i] < 0)
            continue;
        struct epoll_event ev = {.events = EPOLLIN, .data.fd = fds[i]};
        epoll_ctl(ns->epfd, on ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, fds[i], on ? &ev : NULL);
    }
}

/* Out of descriptors with a connection pending on lfd.  A level-triggered listener would
 * wake us at once, forever, so something must give: the oldest half-open connection (then
 * the caller accepts again: true), else the reserve descriptor is given up to accept and
 * close what is pending, else the listeners are unwatched for ACCEPT_PAUSE_MS. */
static bool shed_for_accept(int lfd, int err) {
    NetState *ns = net_st();
    int64_t now = net_now_ms();
    if (!ns->guard.emfile_logged_ms || now - ns->guard.emfile_logged_ms >= EMFILE_LOG_MS) {
        ns->guard.emfile_logged_ms = now;
        fprintf(stderr, "openq: accept: %s (%s); shedding connections\n", strerror(err),
                err == EMFILE ? "EMFILE" : "ENFILE");
    }
    if (drop_oldest_half_open())
        return true;
    if (ns->guard.reserve_fd >= 0) {
        close(ns->guard.reserve_fd);
        ns->guard.reserve_fd = -1;
        for (int i = 0; i < 64; i++) { /* bounded: the loop wakes again if more wait */
            int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
            if (fd < 0)
                break;
            close(fd);
        }
        ns->guard.reserve_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (ns->guard.reserve_fd >= 0)
            return false;
    }
    net_watch_listeners(false);
    ns->guard.accept_paused_until = now + ACCEPT_PAUSE_MS;
    return false;
}

void net_accept_on(int lfd) {
    NetState *ns = net_st();
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
        if (ns->nconns - ns->guard.nhalf >= net_cfg()->max_connections) {
            close(fd); /* no room for another live connection */
            continue;
        }
        if (ns->guard.nhalf >= net_cfg()->max_halfopen && !drop_oldest_half_open()) {
            close(fd);
            continue;
        }
        int one = 1;
        if (a.ss_family == AF_INET)
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        Conn *c = net_conn_new(fd, false);
        if (!c)
            continue;
        c->local = net_peer_is_local(&a);
        if (a.ss_family == AF_INET)
            c->addr = ntohl(((struct sockaddr_in *)&a)->sin_addr.s_addr);
        else
            c->addr = 0x7f000001;
        net_conn_watch(c, true);
    }
}

/* the listener of a connection's peer address, by comparing the peer with what our
 * listeners are bound to (a TCP address counts as ours when this host can bind it) */
bool net_is_self_connection(int fd) {
    NetState *ns = net_st();
    struct sockaddr_storage peer;
    socklen_t plen = sizeof peer;
    if (getpeername(fd, (struct sockaddr *)&peer, &plen) < 0)
        return false;
    if (peer.ss_family == AF_UNIX) {
        if (ns->listen_uds < 0)
            return false;
        struct sockaddr_un mine;
        socklen_t mlen = sizeof mine;
        if (getsockname(ns->listen_uds, (struct sockaddr *)&mine, &mlen) < 0)
            return false;
        return plen == mlen && memcmp(&peer, &mine, mlen) == 0;
    }
    if (peer.ss_family != AF_INET || ns->listen_tcp < 0)
        return false;
    struct sockaddr_in *p = (struct sockaddr_in *)&peer, mine;
    socklen_t mlen = sizeof mine;
    if (getsockname(ns->listen_tcp, (struct sockaddr *)&mine, &mlen) < 0 || p->sin_port != mine.sin_port)
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

