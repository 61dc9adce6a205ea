/* conn.c -- client connections (Redis's networking shape): each reads into its own buffer;
 * the handshake and each frame are acted on only when complete, and every length is checked
 * against the configured maximum before the buffer grows (it grows only as bytes arrive, so
 * a header that lies about its length costs nothing); consumed bytes are skipped by an
 * offset, so a buffer of many small frames is not moved once per frame.  Replies are written
 * at once; what the socket does not take waits in an output queue of the encoded messages
 * themselves, and only then do we watch for writability.  Past max_queued (1 MB) of output
 * an accepted connection is paused (neither read nor parsed) until the queue drains: a peer
 * that never reads its replies cannot make us queue without bound.  Hooks (.z.pw .z.po
 * .z.pg .z.ps .z.pc) run user code that may close any handle, its own included: a
 * connection is "protected" while a hook runs for it, and closing a protected connection
 * only marks it, to be freed after. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "../ipc/ipc.h"
#include "../lang/lang.h"
#include "net.h"
#include "netint.h"

static void out_clear(Conn *c);
static bool process_input(Conn *c);
static void in_release_if_empty(Conn *c);

/* ---- connections ------------------------------------------------------------------------------ */

/* the half-open list: accepted connections whose handshake is pending, oldest first (all
 * share one timeout, so the oldest also has the nearest deadline) */
static void half_link(Conn *c) {
    NetState *ns = net_st();
    c->half_prev = ns->guard.half_youngest;
    c->half_next = NULL;
    if (ns->guard.half_youngest)
        ns->guard.half_youngest->half_next = c;
    else
        ns->guard.half_oldest = c;
    ns->guard.half_youngest = c;
    ns->guard.nhalf++;
}

static void half_unlink(Conn *c) {
    NetState *ns = net_st();
    if (c->outbound || c->state != CONN_HANDSHAKE)
        return;
    if (c->half_prev)
        c->half_prev->half_next = c->half_next;
    else
        ns->guard.half_oldest = c->half_next;
    if (c->half_next)
        c->half_next->half_prev = c->half_prev;
    else
        ns->guard.half_youngest = c->half_prev;
    c->half_prev = c->half_next = NULL;
    ns->guard.nhalf--;
}

Conn *net_conn_new(int fd, bool outbound) {
    NetState *ns = net_st();
    if (fd >= (int)ARRAY_LEN(ns->conns)) {
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
    ns->conns[fd] = c;
    if (!outbound) {
        ns->nconns++;
        half_link(c);
    }
    net_set_nonblocking(fd);
    if (outbound && net_ensure_loop()) /* what the other side sends unasked (a subscription's
                                     * updates) is served by the loop, as on accepted ones */
        net_conn_watch(c, true);
    return c;
}

void net_conn_free(Conn *c) {
    NetState *ns = net_st();
    half_unlink(c);
    if (ns->epfd >= 0 && !c->fed)
        epoll_ctl(ns->epfd, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    ns->conns[c->fd] = NULL;
    if (!c->outbound)
        ns->nconns--;
    r0(c->in);
    out_clear(c);
    r0(c->reply);
    r0(c->ws_msg);
    net_tls_free(c);
    mem_free(c, mem_class(sizeof *c));
}

/* run a hook (the global `name`) on args, protected: errors are returned as NULL+kerr */
K net_run_hook(S name, K *args, int n, bool *defined) {
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
 * handshake; .z.wc for a WebSocket, ours as a client included; nothing for HTTP); a
 * protected connection is only marked and freed when its hook returns. */
void net_conn_close(Conn *c) {
    if (c->closing)
        return;
    c->closing = true;
    if (c->state == CONN_READY && (c->kind == CONN_WS || (!c->outbound && c->kind == CONN_IPC))) {
        c->protect++;
        net_set_caller(c);
        bool defined;
        K r = net_run_hook(ss(c->kind == CONN_WS ? ".z.wc" : ".z.pc"), (K[]){ki(c->fd)}, 1, &defined);
        if (!r)
            kerr_clear();
        r0(r);
        c->protect--;
    }
    ASSERT(c->protect >= 0);
    if (c->protect == 0)
        net_conn_free(c);
}

/* after a hook: free a connection that asked to close while protected */
bool net_release_protect(Conn *c) {
    ASSERT(c->protect > 0); /* each release pairs with a protect++ before a hook */
    c->protect--;
    if (c->protect == 0 && c->closing) {
        net_conn_free(c);
        return true;
    }
    return false;
}

K net_apply_guarded(Conn *c, K f, K *args, int n) {
    c->protect++;
    net_set_caller(c);
    NetGuards guards = net_query_begin();
    K r = lang_apply(f, args, n);
    net_query_end(guards);
    return r;
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

/* The output queue: encoded messages wait in their own memory, each written from an offset
 * (writev over the first pieces), so a large reply is never copied or moved; small sends
 * are gathered into a buffer of the queue's own at its tail. */

#define OUT_GATHER 65536 /* a gathering buffer takes small sends until it holds this much */
#define OUT_IOV 64       /* pieces handed to one writev */

/* the bytes of a vector's items */
static size_t data_bytes(const K v) { return (size_t)v->n * (size_t)obj_width(v->t); }

static OutChunk *chunk_push(Conn *c, K buf, size_t off, bool copied) {
    OutChunk *q = mem_alloc(mem_class(sizeof *q));
    if (!q) {
        r0(buf);
        return NULL;
    }
    *q = (OutChunk){.buf = buf, .len = data_bytes(buf), .off = off, .copied = copied};
    if (c->out_tail)
        c->out_tail->next = q;
    else
        c->out_head = q;
    c->out_tail = q;
    c->out_bytes += q->len - off;
    return q;
}

static void chunk_pop(Conn *c) {
    OutChunk *q = c->out_head;
    c->out_head = q->next;
    if (!c->out_head)
        c->out_tail = NULL;
    r0(q->buf);
    mem_free(q, mem_class(sizeof *q));
}

static void out_clear(Conn *c) {
    while (c->out_head)
        chunk_pop(c);
    c->out_bytes = 0;
}

/* queue a copy of p[0..n); false when out of memory */
static bool out_copy(Conn *c, const G *p, size_t n) {
    OutChunk *t = c->out_tail;
    if (t && t->copied && (size_t)t->buf->n < OUT_GATHER) {
        if (!bytes_append(&t->buf, p, n))
            return false;
        t->len += n;
        c->out_bytes += n;
        return true;
    }
    K b = NULL;
    return bytes_append(&b, p, n) && chunk_push(c, b, 0, true);
}

/* write from the head of the queue until it is empty or the socket is full; false on error */
static bool out_write(Conn *c) {
    while (c->out_head) {
        struct iovec iov[OUT_IOV];
        int n = 0;
        for (OutChunk *q = c->out_head; q && n < OUT_IOV; q = q->next)
            iov[n++] = (struct iovec){kG(q->buf) + q->off, q->len - q->off};
        ssize_t w = net_io_sendv(c, iov, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return errno == EAGAIN || errno == EWOULDBLOCK;
        }
        c->out_bytes -= (size_t)w;
        while (w > 0) {
            OutChunk *q = c->out_head;
            size_t left = q->len - q->off;
            if ((size_t)w < left) {
                q->off += (size_t)w;
                break;
            }
            w -= (ssize_t)left;
            chunk_pop(c);
        }
    }
    return true;
}

/* write p[0..n) straight to the socket while the queue is empty: how many bytes went, or
 * -1 when the connection failed */
static ssize_t write_now(Conn *c, const G *p, size_t n) {
    size_t done = 0;
    while (!c->out_head && done < n) {
        ssize_t w = net_io_send(c, p + done, n - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            return -1;
        }
        done += (size_t)w;
    }
    return (ssize_t)done;
}

void net_conn_watch(Conn *c, bool add) {
    if (c->fed)
        return;
    uint32_t ev = c->paused ? 0 : c->outbound ? EPOLLIN : EPOLLIN | EPOLLRDHUP;
    if (c->out_head)
        ev |= EPOLLOUT;
    if (add || ev != c->events)
        net_watch(c->fd, ev, add);
    c->events = ev;
}

bool net_conn_send(Conn *c, const G *p, size_t n) {
    if (c->closing)
        return false;
    ssize_t done = write_now(c, p, n);
    if (done < 0)
        return false;
    if ((size_t)done == n)
        return true;
    if (!out_copy(c, p + done, n - (size_t)done))
        return false;
    net_conn_watch(c, false);
    return true;
}

bool net_conn_send_parts(Conn *c, K parts) {
    J i = 0, np = parts->n;
    size_t off = 0; /* bytes of piece i already written */
    while (!c->closing && !c->out_head && i < np) {
        struct iovec iov[OUT_IOV];
        int n = 0;
        for (J j = i; j < np && n < OUT_IOV; j++) {
            size_t skip = j == i ? off : 0;
            iov[n++] = (struct iovec){kG(kK(parts)[j]) + skip, data_bytes(kK(parts)[j]) - skip};
        }
        ssize_t w = net_io_sendv(c, iov, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            r0(parts);
            return false;
        }
        for (size_t left = (size_t)w; left > 0;) {
            size_t rest = data_bytes(kK(parts)[i]) - off;
            if (left < rest) {
                off += left;
                break;
            }
            left -= rest;
            i++, off = 0;
        }
    }
    bool ok = !c->closing;
    for (; ok && i < np; i++, off = 0)
        ok = chunk_push(c, r1(kK(parts)[i]), off, false) != NULL;
    r0(parts);
    if (ok && c->out_head)
        net_conn_watch(c, false);
    return ok;
}

bool net_conn_send_k(Conn *c, K m) {
    size_t n = (size_t)m->n;
    if (c->closing || n < NET_OUT_COPY) {
        bool ok = net_conn_send(c, kG(m), n);
        r0(m);
        return ok;
    }
    ssize_t done = write_now(c, kG(m), n);
    if (done < 0) {
        r0(m);
        return false;
    }
    if ((size_t)done == n) {
        r0(m);
        return true;
    }
    if (!chunk_push(c, m, (size_t)done, false))
        return false;
    net_conn_watch(c, false);
    return true;
}

bool net_out_full(Conn *c) {
    if (c->outbound || c->out_bytes < (size_t)net_cfg()->max_queued)
        return false;
    if (!c->paused) {
        c->paused = true;
        net_conn_watch(c, false);
    }
    return true;
}

void net_flush_out(Conn *c) {
    if (!out_write(c)) {
        out_clear(c);
        net_conn_close(c);
        return;
    }
    if (!c->out_head && c->close_after_write) {
        net_conn_close(c);
        return;
    }
    bool resume = c->paused && c->out_bytes < (size_t)net_cfg()->max_queued;
    if (resume)
        c->paused = false;
    net_conn_watch(c, false);
    /* the requests that waited in the buffer are served now (the loop reads more when the
     * socket has it); one whose hook is running resumes in that hook's loop */
    if (resume && !c->protect && net_in_len(c) && process_input(c))
        in_release_if_empty(c);
}

void net_conn_close_after_write(Conn *c) {
    c->close_after_write = true;
    if (!c->out_head)
        net_conn_close(c);
}

/* encode and send a message to c (x borrowed); false if it could not be encoded */
bool net_send_value(Conn *c, const K x, int msgtype) {
    int compress = c->local ? 0 : 1;
    /* uncompressed: large vectors go out from their own memory, not copied into the message */
    K m = compress ? ipc_encode(x, msgtype, c->capability, compress) : ipc_encode_parts(x, msgtype, c->capability);
    if (!m)
        return false;
    if (!(m->t == KG ? net_conn_send_k(c, m) : net_conn_send_parts(c, m)))
        net_conn_close(c);
    return true;
}

void net_send_error(Conn *c, const char *msg) {
    K m = ipc_encode_error(msg, c->capability);
    if (m && !net_conn_send_k(c, m))
        net_conn_close(c);
}

/* ---- the handshake ------------------------------------------------------------------------------ */

bool net_peer_is_local(const struct sockaddr_storage *a) {
    if (a->ss_family == AF_UNIX)
        return true;
    if (a->ss_family == AF_INET)
        return (ntohl(((const struct sockaddr_in *)a)->sin_addr.s_addr) >> 24) == 127;
    return false;
}

/* The -u/-U check reads the raw bytes: nothing from a peer is interned before it passes
 * (a .z.pw hook, being q code, is handed the name as a symbol: that interning is the
 * hook's price).  HTTP's Basic credentials come through here too. */
bool net_login(Conn *c, const char *cred, size_t ulen, const char *pass, size_t plen) {
    if (!net_auth_check(cred, ulen, pass, plen))
        return false;
    K pw = lang_get(ss(".z.pw"));
    c->user = sym_intern(cred, ulen);
    bool ok = true;
    if (pw) {
        c->protect++;
        net_set_caller(c);
        K u = obj_atom(-KS);
        if (u)
            u->s = c->user;
        K password;
        if (!net_cfg()->pw_symbols) {
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
    return ok && !c->closing;
}

void net_conn_ready(Conn *c) {
    half_unlink(c);
    c->state = CONN_READY;
}

/* The handshake is "user:password" + capability byte + NUL.  Credentials split at the
 * first ':'; the reply is one byte, min(capability, 6).  A rejected client is closed.
 * A client that would exceed the live-connection cap is rejected too. */
static void finish_handshake(Conn *c, size_t nul) {
    size_t len = nul;
    int cap = 0;
    G *in = net_in_ptr(c);
    if (len >= 1 && in[len - 1] < 32) {
        cap = in[len - 1];
        len--;
    }
    const char *cred = (const char *)in;
    const char *colon = memchr(cred, ':', len);
    size_t ulen = colon ? (size_t)(colon - cred) : len;
    const char *pass = colon ? colon + 1 : "";
    size_t plen = colon ? len - ulen - 1 : 0;
    bool ok = net_st()->nconns - net_st()->guard.nhalf < net_cfg()->max_connections &&
              net_login(c, cred, ulen, pass, plen);
    net_in_consume(c, nul + 1); /* the handshake bytes */
    if (!ok || c->closing) {
        if (c->protect == 0)
            net_conn_free(c);
        return;
    }
    net_conn_ready(c);
    c->capability = cap < 6 ? cap : 6;
    G reply = (G)c->capability;
    if (!net_conn_send(c, &reply, 1)) {
        ASSERT(c->protect == 0); /* the rule: a connection a hook runs for is only marked */
        net_conn_free(c);
        return;
    }
    c->protect++;
    net_set_caller(c);
    bool defined;
    K r = net_run_hook(ss(".z.po"), (K[]){ki(c->fd)}, 1, &defined);
    if (!r)
        kerr_clear();
    r0(r);
    net_release_protect(c);
}

/* ---- messages ------------------------------------------------------------------------------------ */


/* -30!x: (::) defers the reply to the current sync request; (h;iserror;msg) sends it */
K net_deferred(K x) {
    if (obj_is_identity(x)) {
        r0(x);
        if (!net_st()->current_sync)
            return kerr("domain");
        net_st()->current_sync->deferred = true;
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
    NetState *ns = net_st();
    if (msgtype == IPC_RESPONSE) {
        /* a reply to a request we made on this handle (see client.c); a client's response
         * nobody asked for is dropped, so it cannot answer the server's next request */
        if (!c->outbound && !c->awaiting) {
            r0(x);
            return;
        }
        r0(c->reply);
        c->reply = x;
        c->reply_ready = true;
        return;
    }
    if (msgtype == IPC_ASYNC && c->awaiting && c->take_async) { /* h[] takes it, unevaluated */
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
    Conn *outer = ns->current_sync;
    ns->current_sync = msgtype == IPC_SYNC ? c : NULL;
    c->deferred = false;
    K r = f ? lang_apply(f, &x, 1) : lang_value(x);
    ns->current_sync = outer;
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
    net_release_protect(c);
}

/* Act on every complete frame in c's buffer.  Returns false when c was closed. */
static bool process_input(Conn *c) {
    NetState *ns = net_st();
    while (net_in_len(c)) {
        G *in = net_in_ptr(c);
        size_t in_len = net_in_len(c);
        if (c->kind == CONN_IPC && c->state == CONN_HANDSHAKE && !c->outbound) {
            int http = net_http_sniff(in, in_len); /* "GET " or "POST ": HTTP on the q port */
            if (http < 0)
                return true;
            if (http > 0)
                c->kind = CONN_HTTP;
        }
        if (c->kind != CONN_IPC)
            return net_http_input(c);
        if (c->state == CONN_HANDSHAKE) {
            G *nul = memchr(in, 0, in_len);
            if (!nul) {
                if (in_len > NET_HANDSHAKE_MAX) {
                    ASSERT(c->protect == 0);
                    net_conn_free(c);
                    return false;
                }
                return true;
            }
            int fd = c->fd;
            finish_handshake(c, (size_t)(nul - in));
            if (ns->conns[fd] != c)
                return false;
            continue;
        }
        if (net_out_full(c))
            return true; /* the rest waits until the replies drain (net_flush_out) */
        if (in_len < IPC_HEADER)
            return true;
        int64_t total = ipc_message_length(in);
        int fd = c->fd;
        if (total < 0 || total > net_cfg()->max_message) {
            /* not a frame we can follow: the stream is lost, close it */
            if (total > net_cfg()->max_message)
                net_send_error(c, "limit"); /* may close (and free) c */
            if (ns->conns[fd] == c)
                net_conn_close(c);
            return false;
        }
        if ((int64_t)in_len < total) {
            c->want = (size_t)total;
            return true;
        }
        int msgtype = in[1];
        K x = ipc_decode(in, (size_t)total);
        net_in_consume(c, (size_t)total);
        c->want = 0;
        if (!x) {
            /* a malformed body inside a well-formed frame: answer sync with the error */
            if (msgtype == IPC_SYNC)
                net_send_error(c, kerr_msg() ? kerr_msg() : "badmsg"); /* may free c */
            kerr_clear();
            if (ns->conns[fd] != c || c->closing)
                return false;
            continue;
        }
        dispatch(c, msgtype, x);
        if (ns->conns[fd] != c || c->closing)
            return false;
        if (c->reply_ready && (c->outbound || c->awaiting))
            return true; /* a waiting request takes it */
    }
    return true;
}

void net_in_consume(Conn *c, size_t n) {
    c->in_at += n;
    if (c->in_at == (size_t)c->in->n)
        c->in->n = 0, c->in_at = 0;
}

/* Room for at least `room` more bytes in c->in, the consumed bytes dropped first.  The
 * buffer grows geometrically with what has arrived, never to the length a header claims: a
 * peer pays with bytes sent for the memory it holds (at most about twice what arrived, plus
 * NET_IN_FIRST).  A reply on a connection we opened is the exception: it grows at once to the
 * frame its header gives (within -max_message), so a large result is not copied on each
 * doubling.  False when out of memory (the connection is then closed). */
static bool in_reserve(Conn *c, size_t room) {
    if (!c->in) {
        c->in = obj_reserve(KG, NET_IN_FIRST);
        return c->in != NULL;
    }
    if (c->in_at) {
        size_t rest = net_in_len(c);
        memmove(kG(c->in), net_in_ptr(c), rest);
        c->in->n = (J)rest;
        c->in_at = 0;
    }
    J have = obj_capacity(c->in) - c->in->n;
    if (have >= (J)room)
        return true;
    size_t len = net_in_len(c);
    J more = c->outbound && c->want > len + (size_t)have ? (J)(c->want - len) : obj_capacity(c->in); /* else doubles */
    c->in = obj_grow(c->in, more);
    return c->in != NULL;
}

/* after the frames were consumed: an emptied buffer is given back, so an idle connection
 * holds no more than its record */
static void in_release_if_empty(Conn *c) {
    if (c->in && !net_in_len(c)) {
        r0(c->in);
        c->in = NULL;
        c->in_at = 0;
    }
}

/* Read what is available, then act on it; false when the connection was closed.  A paused
 * connection is not read.  A plain socket gives NET_IN_READ bytes per call beyond the frame
 * awaited, so one peer's flood neither monopolises the loop nor fills memory (the loop comes
 * back for the rest); TLS is read until it would block (its own buffer would hide the rest
 * from the loop). */
bool net_conn_read(Conn *c) {
    if (c->paused)
        return true;
    if (!net_tls_sniff(c))
        return false;
    for (size_t got = 0;;) {
        if (!c->tls && got >= NET_IN_READ && net_in_len(c) >= c->want)
            break;
        if (!in_reserve(c, 1024)) {
            net_conn_close(c);
            return false;
        }
        size_t room = (size_t)(obj_capacity(c->in) - c->in->n);
        ssize_t n = net_io_recv(c, kG(c->in) + c->in->n, room);
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
        got += (size_t)n;
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

/* what the seam's end of the pair has been sent, appended to *out (NULL once out of memory) */
static void feed_drain(int peer, K *out) {
    G buf[16384];
    ssize_t r;
    while ((r = recv(peer, buf, sizeof buf, MSG_DONTWAIT)) > 0)
        *out = *out ? obj_push_items(*out, buf, r) : NULL;
}

/* what the loop does for a writable connection, until its queue is empty or it is gone */
static void feed_pump(int fd, Conn *c, int peer, K *out) {
    for (;;) {
        feed_drain(peer, out);
        if (net_conn(fd) != c || !c->out_head)
            return;
        net_flush_out(c);
    }
}

K net_feed(const G *p, size_t n, size_t chunk) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
        return kerr("fd");
    int small = 4096;
    setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
    K out = obj_reserve(KG, 64);
    if (!out) {
        close(sv[0]);
        close(sv[1]);
        return NULL;
    }
    int fd = sv[0];
    Conn *c = net_conn_new(fd, false);
    if (!c) {
        close(sv[1]);
        r0(out);
        return kerr("limit");
    }
    c->fed = true;
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
        bool open = process_input(c);
        feed_pump(fd, c, sv[1], &out);
        if (!open || net_conn(fd) != c)
            break;
        in_release_if_empty(c);
    }
    if (net_conn(fd) == c)
        net_conn_close(c);
    feed_drain(sv[1], &out);
    close(sv[1]);
    if (!out)
        return kerr("wsfull");
    return out;
}
