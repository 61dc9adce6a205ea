/* ws.c -- WebSocket (RFC 6455) on the q port: an HTTP GET with "Upgrade: websocket" is
 * answered 101 (Sec-WebSocket-Accept: base64 of SHA-1 of the key and the RFC's GUID), .z.wo
 * runs, and from then on the connection carries frames.  A client's frames must be masked;
 * a message (text: a string, binary: bytes) may come in fragments, gathered up to
 * HTTP_BODY_MAX bytes (and the message limit), then handed to .z.ws.  Pings are answered, a close
 * frame is echoed and the connection closed (.z.wc runs).  A length past the cap (a 2^63
 * one included), an unmasked or malformed frame sends a close frame with 1009 or 1002 and
 * closes.  neg[h] sends a string as a text frame and bytes as a binary one. */
#include <stdio.h>
#include <string.h>

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

/* one frame from us (never masked): header then payload; false when the send failed */
static bool send_frame(Conn *c, int opcode, const G *p, size_t n) {
    G head[10];
    size_t h = 0;
    head[h++] = (G)(0x80 | opcode);
    if (n < 126) {
        head[h++] = (G)n;
    } else if (n < 65536) {
        head[h++] = 126;
        head[h++] = (G)(n >> 8);
        head[h++] = (G)n;
    } else {
        head[h++] = 127;
        for (int i = 7; i >= 0; i--)
            head[h++] = (G)((uint64_t)n >> (8 * i));
    }
    return net_conn_send(c, head, h) && (n == 0 || net_conn_send(c, p, n));
}

/* a close frame with `code`, then close once it is written */
static void close_with(Conn *c, int code) {
    G body[2] = {(G)(code >> 8), (G)code};
    send_frame(c, WS_CLOSE, body, code ? 2 : 0);
    net_conn_close_after_write(c);
}

bool net_ws_accept(Conn *c, const char *key, size_t n) {
    static const char guid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    K k = obj_reserve(KC, (J)(n + sizeof guid - 1));
    if (k) {
        memcpy(kC(k), key, n);
        memcpy(kC(k) + n, guid, sizeof guid - 1);
        k->n = (J)(n + sizeof guid - 1);
    }
    K accept = k ? prim_btoa(prim_sha1(k)) : NULL;
    if (!accept || accept->t != KC) {
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
    while (c->in && c->in->n && !c->closing && !c->close_after_write) {
        uint64_t max = (uint64_t)(HTTP_BODY_MAX < net_cfg()->max_message ? HTTP_BODY_MAX : net_cfg()->max_message);
        WsFrame f;
        int64_t total = net_ws_parse(kG(c->in), (size_t)c->in->n, max, &f);
        if (total == 0)
            return true;
        if (total < 0 || !f.masked) {
            c->in->n = 0;
            close_with(c, total < 0 ? f.close_code : 1002);
            break;
        }
        const G *p = kG(c->in);
        K payload = NULL;
        bool ok = true;
        if (f.opcode == WS_CONT || ((f.opcode == WS_TEXT || f.opcode == WS_BINARY) && !f.fin)) {
            /* a fragment: the first names the type, the last completes the message */
            if ((f.opcode == WS_CONT) != (c->ws_opcode != 0) ||
                (c->ws_msg && (uint64_t)c->ws_msg->n + f.len > max)) {
                c->in->n = 0;
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
                c->in->n = 0;
                close_with(c, 1002);
                break;
            }
            ok = gather(&payload, f.opcode == WS_TEXT ? KC : KG, p, &f);
        } else {
            K body = NULL;
            ok = gather(&body, KG, p, &f);
            if (ok && f.opcode == WS_PING)
                ok = send_frame(c, WS_PONG, kG(body), (size_t)body->n);
            if (ok && f.opcode == WS_CLOSE) {
                /* echo the status code (if any) and close */
                int code = body->n >= 2 ? kG(body)[0] << 8 | kG(body)[1] : 0;
                r0(body);
                c->in->n = 0;
                close_with(c, code);
                break;
            }
            r0(body);
        }
        memmove(kG(c->in), kG(c->in) + total, (size_t)(c->in->n - total));
        c->in->n -= total;
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
    if (!send_frame(c, x->t == KC ? WS_TEXT : WS_BINARY, kG(x), (size_t)x->n)) {
        net_conn_close(c);
        return kerr("close");
    }
    return obj_identity();
}
