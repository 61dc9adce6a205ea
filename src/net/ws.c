/* ws.c -- WebSocket (RFC 6455) on the q port: an HTTP GET with "Upgrade: websocket" is
 * answered 101 (Sec-WebSocket-Accept: base64 of SHA-1 of the key and the RFC's GUID), .z.wo
 * runs, and from then on the connection carries frames.  A client's frames must be masked;
 * a message (text: a string, binary: bytes) may come in fragments, gathered up to
 * HTTP_BODY_MAX bytes (and the message limit), then handed to .z.ws.  Pings are answered, a close
 * frame is echoed and the connection closed (.z.wc runs).  A length past the cap (a 2^63
 * one included), an unmasked or malformed frame sends a close frame with 1009 or 1002 and
 * closes.  neg[h] sends a string as a text frame and bytes as a binary one.
 *
 * As a client (kb/websockets.md): (`$":ws://host:port") "GET / HTTP/1.1\r\nHost: ...\r\n\r\n"
 * sends that request with the upgrade's fields added, waits for the 101 (its
 * Sec-WebSocket-Accept checked) and gives (handle; response head), or (0Ni; response) when
 * the server did not switch.  The connection is then served by the loop like an accepted
 * one, except that our frames are masked and the server's must not be; .z.ws gets its
 * messages and .z.wc runs when it closes; wss:// goes through the TLS client. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <unistd.h>

#include "../lang/lang.h"
#include "../prim/primint.h"
#include "../prim/prims.h"
#include "netint.h"

enum { WS_CONT = 0, WS_TEXT = 1, WS_BINARY = 2, WS_CLOSE = 8, WS_PING = 9, WS_PONG = 10 };

int64_t net_ws_parse(const G *p, size_t n, uint64_t max, WsFrame *f) {
    memset(f, 0, sizeof *f);
    if (n < 2)
        return 0;
    f->fin = p[0] & 0x80;
    f->opcode = p[0] & 0x0f;
    f->masked = p[1] & 0x80;
    uint64_t len = p[1] & 0x7f;
    size_t at = 2;
    if ((p[0] & 0x70) || (f->opcode > WS_BINARY && f->opcode < WS_CLOSE) || f->opcode > WS_PONG) {
        f->close_code = 1002; /* reserved bits (no extensions were agreed) or opcode */
        return -1;
    }
    if (len == 126) {
        if (n < 4)
            return 0;
        len = (uint64_t)p[2] << 8 | p[3];
        at = 4;
    } else if (len == 127) {
        if (n < 10)
            return 0;
        len = 0;
        for (int i = 0; i < 8; i++)
            len = len << 8 | p[2 + i];
        at = 10;
        if (len >> 63) {
            f->close_code = 1002; /* the most significant bit must be 0 */
            return -1;
        }
    }
    if (f->opcode >= WS_CLOSE && (len > 125 || !f->fin)) {
        f->close_code = 1002; /* control frames are short and never fragmented */
        return -1;
    }
    if (len > max) {
        f->close_code = 1009;
        return -1;
    }
    if (f->masked) {
        if (n < at + 4)
            return 0;
        memcpy(f->mask, p + at, 4);
        at += 4;
    }
    f->payload = at;
    f->len = len;
    if (n - at < len)
        return 0;
    return (int64_t)(at + len);
}

/* one frame from us: header then payload, masked when we are the client (RFC 6455 5.3: a
 * fresh unpredictable key per frame); false when the send failed.  A server's payload held
 * by a vector (owner, borrowed, or NULL) is queued as that vector, not copied. */
static bool send_frame(Conn *c, int opcode, const G *p, size_t n, K owner) {
    G head[14];
    size_t h = 0;
    G mask = c->outbound ? 0x80 : 0;
    head[h++] = (G)(0x80 | opcode);
    if (n < 126) {
        head[h++] = (G)(mask | n);
    } else if (n < 65536) {
        head[h++] = mask | 126;
        head[h++] = (G)(n >> 8);
        head[h++] = (G)n;
    } else {
        head[h++] = mask | 127;
        for (int i = 7; i >= 0; i--)
            head[h++] = (G)((uint64_t)n >> (8 * i));
    }
    if (!c->outbound)
        return net_conn_send(c, head, h) &&
               (n == 0 || (owner ? net_conn_send_k(c, r1(owner)) : net_conn_send(c, p, n)));
    G key[4];
    if (getrandom(key, sizeof key, 0) != (ssize_t)sizeof key)
        return false;
    memcpy(head + h, key, 4);
    h += 4;
    if (!net_conn_send(c, head, h))
        return false;
    G buf[4096];
    for (size_t at = 0; at < n; at += sizeof buf) {
        size_t k = n - at < sizeof buf ? n - at : sizeof buf;
        for (size_t i = 0; i < k; i++)
            buf[i] = p[at + i] ^ key[(at + i) & 3];
        if (!net_conn_send(c, buf, k))
            return false;
    }
    return true;
}

/* a close frame with `code`, then close once it is written */
static void close_with(Conn *c, int code) {
    G body[2] = {(G)(code >> 8), (G)code};
    send_frame(c, WS_CLOSE, body, code ? 2 : 0, NULL);
    net_conn_close_after_write(c);
}

/* Sec-WebSocket-Accept for key[0..n): base64 of SHA-1 of the key and the RFC's GUID (a
 * string, or NULL) */
static K accept_value(const char *key, size_t n) {
    static const char guid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    K k = obj_reserve(KC, (J)(n + sizeof guid - 1));
    if (k) {
        memcpy(kC(k), key, n);
        memcpy(kC(k) + n, guid, sizeof guid - 1);
        k->n = (J)(n + sizeof guid - 1);
    }
    K accept = k ? prim_btoa(prim_sha1(k)) : NULL;
    if (accept && accept->t != KC) {
        r0(accept);
        accept = NULL;
    }
    return accept;
}

bool net_ws_accept(Conn *c, const char *key, size_t n) {
    K accept = accept_value(key, n);
    if (!accept) {
        r0(accept);
        kerr_clear();
        net_conn_close(c);
        return false;
    }
    char head[256];
    int len = snprintf(head, sizeof head,
                       "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                       "Connection: Upgrade\r\nSec-WebSocket-Accept: %.*s\r\n\r\n",
                       (int)accept->n, kC(accept));
    r0(accept);
    c->kind = CONN_WS;
    if (!net_conn_send(c, (const G *)head, (size_t)len)) {
        net_conn_close(c);
        return false;
    }
    c->protect++;
    net_set_caller(c);
    bool defined;
    K r = net_run_hook(ss(".z.wo"), (K[]){ki(c->fd)}, 1, &defined);
    if (!r)
        kerr_clear();
    r0(r);
    return !net_release_protect(c);
}

/* a whole message to .z.ws (msg consumed): its result is not sent, as in kdb+ */
static void deliver(Conn *c, K msg) {
    K f = lang_get(ss(".z.ws"));
    if (!f) {
        r0(msg);
        return;
    }
    K r = net_apply_guarded(c, f, &msg, 1);
    if (!r)
        kerr_clear();
    r0(r);
    net_release_protect(c);
}

/* append the unmasked payload of f (at p) to *buf, created as type t */
static bool gather(K *buf, int t, const G *p, const WsFrame *f) {
    size_t n = (size_t)f->len;
    if (!*buf && !(*buf = obj_reserve(t, (J)n)))
        return false;
    if (!(*buf = obj_grow(*buf, (J)n)))
        return false;
    G *dst = kG(*buf) + (*buf)->n;
    for (size_t i = 0; i < n; i++)
        dst[i] = p[f->payload + i] ^ (f->masked ? f->mask[i & 3] : 0);
    (*buf)->n += (J)n;
    return true;
}

bool net_ws_input(Conn *c) {
    int fd = c->fd;
    while (net_in_len(c) && !c->closing && !c->close_after_write) {
        if (net_out_full(c))
            return true; /* the next frames wait until what we send drains */
        uint64_t max = (uint64_t)(HTTP_BODY_MAX < net_cfg()->max_message ? HTTP_BODY_MAX : net_cfg()->max_message);
        WsFrame f;
        int64_t total = net_ws_parse(net_in_ptr(c), net_in_len(c), max, &f);
        if (total == 0)
            return true;
        if (total < 0 || f.masked == c->outbound) { /* clients mask, servers do not */
            net_in_consume(c, net_in_len(c));
            close_with(c, total < 0 ? f.close_code : 1002);
            break;
        }
        const G *p = net_in_ptr(c);
        K payload = NULL;
        bool ok = true;
        if (f.opcode == WS_CONT || ((f.opcode == WS_TEXT || f.opcode == WS_BINARY) && !f.fin)) {
            /* a fragment: the first names the type, the last completes the message */
            if ((f.opcode == WS_CONT) != (c->ws_opcode != 0) ||
                (c->ws_msg && (uint64_t)c->ws_msg->n + f.len > max)) {
                net_in_consume(c, net_in_len(c));
                close_with(c, c->ws_msg && f.opcode == WS_CONT ? 1009 : 1002);
                break;
            }
            if (f.opcode != WS_CONT)
                c->ws_opcode = f.opcode;
            ok = gather(&c->ws_msg, c->ws_opcode == WS_TEXT ? KC : KG, p, &f);
            if (ok && f.fin) {
                payload = c->ws_msg;
                c->ws_msg = NULL;
                c->ws_opcode = 0;
            }
        } else if (f.opcode == WS_TEXT || f.opcode == WS_BINARY) {
            if (c->ws_opcode) { /* a new message inside a fragmented one */
                net_in_consume(c, net_in_len(c));
                close_with(c, 1002);
                break;
            }
            ok = gather(&payload, f.opcode == WS_TEXT ? KC : KG, p, &f);
        } else {
            K body = NULL;
            ok = gather(&body, KG, p, &f);
            if (ok && f.opcode == WS_PING)
                ok = send_frame(c, WS_PONG, kG(body), (size_t)body->n, body);
            if (ok && f.opcode == WS_CLOSE) {
                /* echo the status code (if any) and close */
                int code = body->n >= 2 ? kG(body)[0] << 8 | kG(body)[1] : 0;
                r0(body);
                net_in_consume(c, net_in_len(c));
                close_with(c, code);
                break;
            }
            r0(body);
        }
        net_in_consume(c, (size_t)total);
        if (!ok) {
            r0(payload);
            kerr_clear();
            net_conn_close(c);
            return false;
        }
        if (payload)
            deliver(c, payload);
        if (net_st()->conns[fd] != c)
            return false;
    }
    return net_st()->conns[fd] == c && !c->closing;
}

K net_ws_send(Conn *c, const K x) {
    if (x->t != KC && x->t != KG)
        return kerr("type");
    if (!send_frame(c, x->t == KC ? WS_TEXT : WS_BINARY, kG(x), (size_t)x->n, x)) {
        net_conn_close(c);
        return kerr("close");
    }
    return obj_identity();
}

/* ---- the client ---------------------------------------------------------------------------- */

/* the user's request with the upgrade's fields added before its blank line */
static K upgrade_request(const K req, const char *key, const char *auth) {
    const char *t = (const char *)kC(req);
    size_t n = (size_t)req->n;
    const char *blank = n >= 4 ? memmem(t, n, "\r\n\r\n", 4) : NULL;
    size_t head = blank ? (size_t)(blank - t) + 2 : n;
    K s = net_put(obj_strn("", 0), t, head);
    if (!blank && !(n >= 2 && t[n - 2] == '\r' && t[n - 1] == '\n'))
        s = net_puts(s, "\r\n");
    size_t vn;
    if (!net_http_field(t, head, "Upgrade", &vn))
        s = net_puts(s, "Upgrade: websocket\r\n");
    if (!net_http_field(t, head, "Connection", &vn))
        s = net_puts(s, "Connection: Upgrade\r\n");
    s = net_puts(net_puts(net_puts(s, "Sec-WebSocket-Key: "), key), "\r\nSec-WebSocket-Version: 13\r\n");
    return net_puts(net_put_basic_auth(s, auth), "\r\n");
}

/* the response head, read a byte at a time so that frames the server sends straight after
 * it stay in the socket for the loop; NULL + kerr */
static K read_head(Conn *c, int64_t deadline) {
    K h = obj_reserve(KC, 256);
    while (h) {
        G b;
        if (!net_io_recv_exact(c, &b, 1, deadline)) {
            r0(h);
            return kerr("conn: no upgrade response");
        }
        h = obj_push_items(h, &b, 1);
        if (h && h->n >= 4 && !memcmp(kC(h) + h->n - 4, "\r\n\r\n", 4))
            return h;
        if (h && h->n > HTTP_HEAD_MAX) {
            r0(h);
            return kerr("conn: upgrade response too long");
        }
    }
    return NULL;
}

K net_ws_connect(const char *url, int timeout_ms, const K req) {
    NetUrl u;
    if (req->t != KC)
        return kerr("type");
    if (!net_parse_url(url, "ws", &u))
        return kerr("url");
    bool local;
    int fd = net_connect_to(u.host, u.port, timeout_ms, &local);
    if (fd < 0) {
        char msg[300];
        snprintf(msg, sizeof msg, "%s: cannot connect", u.host);
        return kerr(msg);
    }
    if (net_is_self_connection(fd)) { /* this loop would wait on its own 101 */
        close(fd);
        return kerr("hop: own listener");
    }
    Conn *c = net_conn_new(fd, true);
    if (!c)
        return kerr("limit");
    c->local = local;
    int64_t deadline = net_now_ms() + (timeout_ms > 0 ? timeout_ms : net_cfg()->handshake_ms);
    G raw[16];
    K key = getrandom(raw, sizeof raw, 0) == (ssize_t)sizeof raw ? prim_btoa(obj_strn((const char *)raw, sizeof raw)) : NULL;
    char keytext[32] = "";
    if (key && key->t == KC && key->n < (J)sizeof keytext)
        memcpy(keytext, kC(key), (size_t)key->n);
    r0(key);
    K out = keytext[0] ? upgrade_request(req, keytext, u.auth) : NULL;
    K head = NULL;
    if (!out)
        kerr("wsfull");
    else if (u.tls && !net_tls_connect(c, u.host, (int)(deadline - net_now_ms())))
        ; /* kerr set */
    else if (!net_io_send_all(c, kG(out), (size_t)out->n, deadline))
        kerr("conn");
    else
        head = read_head(c, deadline);
    r0(out);
    if (!head) {
        net_conn_close(c);
        return NULL;
    }
    size_t vn;
    K want = accept_value(keytext, strlen(keytext));
    const char *v = want && head->n > 12 && !memcmp(kC(head), "HTTP/1.1 101", 12)
                        ? net_http_field((const char *)kC(head), (size_t)head->n, "Sec-WebSocket-Accept", &vn)
                        : NULL;
    bool switched = v && vn == (size_t)want->n && !memcmp(v, kC(want), vn);
    r0(want);
    kerr_clear();
    if (!switched) {
        net_conn_close(c);
        return knk(2, ki(ni), head);
    }
    c->kind = CONN_WS;
    return knk(2, ki(fd), head);
}
