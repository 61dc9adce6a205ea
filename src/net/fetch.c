/* fetch.c -- outbound HTTP for .Q.hg (GET) and .Q.hp (POST): one request on a connection of
 * its own ("Connection: close"), plain or through the TLS client (https://), Basic auth from
 * user:pass@ in the URL; the reply's body (by Content-Length, chunked, or up to the close)
 * is returned as a string, whatever the status.  The call blocks the loop, as in kdb+; the
 * connect and the TLS handshake are bounded by the handshake timeout. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../lang/lang.h"
#include "../prim/primint.h"
#include "netint.h"

bool net_parse_url(const char *s, const char *scheme, NetUrl *u) {
    if (*s == ':')
        s++;
    size_t k = strlen(scheme);
    if (strncmp(s, scheme, k))
        return false;
    s += k;
    u->tls = *s == 's';
    s += u->tls;
    if (strncmp(s, "://", 3))
        return false;
    s += 3;
    const char *end = s + strcspn(s, "/?");
    u->path = *end == '/' ? end : *end ? NULL : "/";
    if (!u->path)
        return false; /* a query right after the host: not one q sends */
    const char *at = memchr(s, '@', (size_t)(end - s));
    u->auth[0] = 0;
    if (at) {
        if ((size_t)(at - s) >= sizeof u->auth)
            return false;
        snprintf(u->auth, sizeof u->auth, "%.*s", (int)(at - s), s);
        s = at + 1;
    }
    const char *colon = memchr(s, ':', (size_t)(end - s));
    const char *hend = colon ? colon : end;
    if (hend == s || (size_t)(hend - s) >= sizeof u->host)
        return false;
    snprintf(u->host, sizeof u->host, "%.*s", (int)(hend - s), s);
    u->port = colon ? atoi(colon + 1) : u->tls ? 443 : 80;
    return u->port > 0 && u->port < 65536;
}

/* the text of a symbol or string (borrowed) as a C string in buf; false when neither */
static bool arg_text(const K x, char *buf, size_t n) {
    if (x->t == -KS)
        snprintf(buf, n, "%s", x->s);
    else if (x->t == KC && (size_t)x->n < n)
        snprintf(buf, n, "%.*s", (int)x->n, kC(x));
    else
        return false;
    return true;
}

K net_put_basic_auth(K s, const char *auth) {
    if (!auth[0])
        return s;
    K b64 = prim_btoa(obj_strn(auth, strlen(auth)));
    s = net_puts(s, "Authorization: Basic ");
    if (b64 && b64->t == KC) {
        s = net_put(s, (const char *)kC(b64), (size_t)b64->n);
    } else {
        r0(s);
        s = NULL;
    }
    r0(b64);
    return net_puts(s, "\r\n");
}

/* the request's head and body as bytes */
static K request_text(const NetUrl *u, const K ctype, const K body) {
    K s = obj_strn("", 0);
    s = net_puts(s, ctype ? "POST " : "GET ");
    s = net_puts(net_puts(net_puts(s, u->path), " HTTP/1.1\r\nHost: "), u->host);
    char port[16];
    snprintf(port, sizeof port, ":%d", u->port);
    s = net_puts(net_puts(s, port), "\r\nConnection: close\r\nUser-Agent: openq\r\nAccept: */*\r\n");
    s = net_put_basic_auth(s, u->auth);
    if (ctype) {
        char len[48];
        snprintf(len, sizeof len, "Content-Length: %lld\r\n", (long long)body->n);
        s = net_put(net_puts(s, "Content-Type: "), (const char *)kC(ctype), (size_t)ctype->n);
        s = net_puts(net_puts(s, "\r\n"), len);
    }
    s = net_puts(s, "\r\n");
    if (ctype)
        s = net_put(s, (const char *)kC(body), (size_t)body->n);
    return s;
}

const char *net_http_field(const char *head, size_t n, const char *name, size_t *len) {
    size_t nl = strlen(name);
    for (const char *p = memchr(head, '\n', n); p && (size_t)(p + 1 - head) < n; p = memchr(p + 1, '\n', n - (size_t)(p + 1 - head))) {
        const char *line = p + 1;
        if ((size_t)(head + n - line) > nl && !strncasecmp(line, name, nl) && line[nl] == ':') {
            const char *b = line + nl + 1, *e = b;
            while (e < head + n && *e != '\r' && *e != '\n')
                e++;
            while (b < e && (*b == ' ' || *b == '\t'))
                b++;
            *len = (size_t)(e - b);
            return b;
        }
    }
    return NULL;
}

/* a Content-Length value's digits (UINT64_MAX when there are none or too many) */
static uint64_t content_length(const char *v, size_t n) {
    uint64_t x = 0;
    size_t i = 0;
    for (; i < n && i < 19 && v[i] >= '0' && v[i] <= '9'; i++)
        x = x * 10 + (uint64_t)(v[i] - '0');
    return i ? x : UINT64_MAX;
}

/* a chunked body p[0..n) decoded in place (the decoded bytes never outrun the encoded
 * ones): its length, or -1 when malformed */
static int64_t unchunk(G *p, size_t n) {
    size_t i = 0, out = 0;
    for (;;) {
        const G *lf = i < n ? memchr(p + i, '\n', n - i) : NULL;
        if (!lf)
            return -1;
        uint64_t len = 0;
        size_t k = i;
        for (; k < (size_t)(lf - p); k++) { /* hex digits, then an extension or CR */
            int d = p[k] >= '0' && p[k] <= '9' ? p[k] - '0' : (p[k] | 32) >= 'a' && (p[k] | 32) <= 'f' ? (p[k] | 32) - 'a' + 10 : -1;
            if (d < 0)
                break;
            if (len >> 60)
                return -1;
            len = len * 16 + (uint64_t)d;
        }
        if (k == i)
            return -1;
        i = (size_t)(lf - p) + 1;
        if (len == 0)
            return (int64_t)out;
        if (len > n - i)
            return -1;
        memmove(p + out, p + i, (size_t)len);
        out += (size_t)len;
        i += (size_t)len + 2; /* the chunk's CRLF */
        if (i > n)
            return -1;
    }
}

int64_t net_http_reply_body(G *p, size_t n, size_t *at) {
    const char *t = (const char *)p, *hend = n >= 4 ? memmem(t, n, "\r\n\r\n", 4) : NULL;
    if (n < 12 || strncmp(t, "HTTP/1.", 7) || !hend)
        return -1;
    size_t head = (size_t)(hend + 4 - t), len;
    *at = head;
    const char *te = net_http_field(t, head - 2, "Transfer-Encoding", &len);
    const char *cl = net_http_field(t, head - 2, "Content-Length", &len);
    if (te && len >= 7 && !strncasecmp(te, "chunked", 7))
        return unchunk(p + head, n - head);
    uint64_t want = cl ? content_length(cl, len) : UINT64_MAX;
    return (int64_t)(want < n - head ? want : n - head);
}

/* everything the server sends up to its close, with the Content-Length's end as a stop */
static K read_reply(Conn *c) {
    K in = ktn(KG, 0);
    G buf[16384];
    for (;;) {
        ssize_t r = net_io_recv_some(c, buf, sizeof buf, 0);
        if (r < 0) {
            r0(in);
            return kerr("conn");
        }
        if (r == 0)
            return in;
        in = obj_push_items(in, buf, (J)r);
        if (!in)
            return NULL;
        const char *t = (const char *)kG(in), *hend = memmem(t, (size_t)in->n, "\r\n\r\n", 4);
        size_t len;
        const char *cl = hend ? net_http_field(t, (size_t)(hend - t) + 2, "Content-Length", &len) : NULL;
        uint64_t want = cl ? content_length(cl, len) : UINT64_MAX;
        if (want != UINT64_MAX && (uint64_t)in->n - (uint64_t)(hend + 4 - t) >= want)
            return in;
    }
}

K net_http_fetch(const K url, const K ctype, const K body) {
    char text[4096];
    NetUrl u;
    if ((url->t != -KS && url->t != KC) || (ctype && (ctype->t != KC || body->t != KC)))
        return kerr("type");
    if (!arg_text(url, text, sizeof text))
        return kerr("url"); /* longer than any URL q sends */
    if (!net_parse_url(text, "http", &u))
        return kerr("url");
    bool local;
    int fd = net_connect_to(u.host, u.port, net_cfg()->handshake_ms, &local);
    if (fd < 0)
        return kerr("conn");
    if (net_is_self_connection(fd)) {
        close(fd);
        return kerr("conn: own listener");
    }
    Conn c = {.fd = fd, .outbound = true}; /* not registered: the loop never sees it */
    K reply = NULL;
    if (!u.tls || net_tls_connect(&c, u.host, net_cfg()->handshake_ms)) {
        K req = request_text(&u, ctype, body);
        if (req && net_io_send_all(&c, kG(req), (size_t)req->n, 0))
            reply = read_reply(&c);
        else if (req)
            kerr("conn");
        r0(req);
    }
    net_tls_free(&c);
    close(fd);
    if (!reply)
        return NULL;
    size_t at;
    int64_t len = net_http_reply_body(kG(reply), (size_t)reply->n, &at);
    K r = len < 0 ? kerr("conn: not an HTTP reply") : obj_strn((const char *)kG(reply) + at, (J)len);
    r0(reply);
    return r;
}
