/* http.c -- HTTP/1.1 on the q port, as kdb+ serves it: a connection whose first bytes are
 * "GET " or "POST " is HTTP (an IPC handshake never starts so).  The parser is a pure
 * function over the bytes received (bounded: HTTP_HEAD_MAX for the head, HTTP_BODY_MAX for
 * a Content-Length body; anything else is 400 and close).  Each request is checked by .z.ac
 * when defined, else with the IPC handshake's rules (-u/-U, .z.pw, from Basic credentials),
 * then handed to .z.ph (GET), .z.pp (POST) or .z.pm (other methods) as (text; headers); the
 * string a hook returns is the whole response.  Without .z.ph the query page (.h.zph in doth.q) answers.  A GET
 * with "Upgrade: websocket" becomes a WebSocket (ws.c).  Connections are kept alive unless
 * the request or the response says "Connection: close" (or the request is HTTP/1.0). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../lang/lang.h"
#include "../prim/primint.h"
#include "../prim/prims.h"
#include "netint.h"

/* ---- the parser ------------------------------------------------------------------------------ */

int net_http_sniff(const G *p, size_t n) {
    static const char *const methods[] = {"GET ", "POST "};
    bool maybe = false;
    for (size_t i = 0; i < ARRAY_LEN(methods); i++) {
        size_t len = strlen(methods[i]);
        size_t k = n < len ? n : len;
        if (memcmp(p, methods[i], k) == 0) {
            if (n >= len)
                return 1;
            maybe = true;
        }
    }
    return maybe ? -1 : 0;
}

/* RFC 9110's token characters (method and field names) */
static bool is_tchar(G ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           (ch && strchr("!#$%&'*+-.^_`|~", ch));
}

/* the end of the line starting at `at` (the offset of its '\n'), or n when none yet */
static size_t line_end(const G *p, size_t at, size_t n) {
    const G *nl = memchr(p + at, '\n', n - at);
    return nl ? (size_t)(nl - p) : n;
}

static int64_t bad(HttpRequest *r, int status) {
    r->status = status;
    return -1;
}

/* request-line = method SP request-target SP "HTTP/1." digit */
static bool parse_request_line(const G *p, size_t len, HttpRequest *r) {
    size_t i = 0;
    while (i < len && i < 16 && p[i] >= 'A' && p[i] <= 'Z')
        i++;
    if (i == 0 || i >= len || p[i] != ' ')
        return false;
    r->method_len = i;
    r->method = i == 3 && !memcmp(p, "GET", 3) ? HTTP_GET : i == 4 && !memcmp(p, "POST", 4) ? HTTP_POST : HTTP_OTHER;
    r->target = ++i;
    while (i < len && p[i] > ' ' && p[i] < 127)
        i++;
    r->target_len = i - r->target;
    if (r->target_len == 0 || p[r->target] != '/' || len - i != 9 || p[i] != ' ')
        return false;
    if (memcmp(p + i + 1, "HTTP/1.", 7) != 0 || p[i + 8] < '0' || p[i + 8] > '9')
        return false;
    r->minor = p[i + 8] - '0';
    return true;
}

/* field-line = field-name ":" OWS field-value OWS (no obsolete line folding) */
static bool parse_field(const G *p, size_t at, size_t len, HttpField *f) {
    size_t i = 0;
    while (i < len && is_tchar(p[at + i]))
        i++;
    if (i == 0 || i >= len || p[at + i] != ':')
        return false;
    f->name = at;
    f->name_len = i++;
    while (i < len && (p[at + i] == ' ' || p[at + i] == '\t'))
        i++;
    size_t end = len;
    while (end > i && (p[at + end - 1] == ' ' || p[at + end - 1] == '\t'))
        end--;
    for (size_t k = i; k < end; k++)
        if ((p[at + k] < ' ' && p[at + k] != '\t') || p[at + k] == 127)
            return false;
    f->value = at + i;
    f->value_len = end - i;
    return true;
}

static bool name_is(const G *p, const HttpField *f, const char *name) {
    return f->name_len == strlen(name) && strncasecmp((const char *)p + f->name, name, f->name_len) == 0;
}

int64_t net_http_parse(const G *p, size_t n, int64_t body_max, HttpRequest *r) {
    memset(r, 0, offsetof(HttpRequest, field)); /* the fields are filled as they are read */
    r->body = r->body_len = 0;
    r->status = 0;
    size_t lim = n < HTTP_HEAD_MAX ? n : HTTP_HEAD_MAX;
    size_t eol = line_end(p, 0, lim);
    if (eol == lim)
        return n >= HTTP_LINE_MAX ? bad(r, 414) : n >= HTTP_HEAD_MAX ? bad(r, 431) : 0;
    size_t len = eol > 0 && p[eol - 1] == '\r' ? eol - 1 : eol;
    if (eol >= HTTP_LINE_MAX || !parse_request_line(p, len, r))
        return bad(r, eol >= HTTP_LINE_MAX ? 414 : 400);
    bool have_length = false;
    uint64_t length = 0;
    size_t at = eol + 1;
    for (;;) {
        eol = line_end(p, at, lim);
        if (eol == lim)
            return n >= HTTP_HEAD_MAX ? bad(r, 431) : 0;
        len = eol > at && p[eol - 1] == '\r' ? eol - 1 - at : eol - at;
        if (len == 0)
            break; /* the empty line ends the head */
        if (r->nfields == HTTP_HEADERS_MAX)
            return bad(r, 431);
        HttpField *f = &r->field[r->nfields];
        if (!parse_field(p, at, len, f))
            return bad(r, 400);
        r->nfields++;
        if (name_is(p, f, "Transfer-Encoding"))
            return bad(r, 501); /* chunked bodies are not read */
        if (name_is(p, f, "Content-Length")) {
            uint64_t v = 0;
            if (f->value_len == 0 || f->value_len > 18)
                return bad(r, f->value_len ? 413 : 400);
            for (size_t k = 0; k < f->value_len; k++) {
                G d = p[f->value + k];
                if (d < '0' || d > '9')
                    return bad(r, 400);
                v = v * 10 + (uint64_t)(d - '0');
            }
            if (have_length && v != length)
                return bad(r, 400);
            have_length = true;
            length = v;
        }
        at = eol + 1;
    }
    if (length > (uint64_t)body_max)
        return bad(r, 413);
    r->body = eol + 1;
    r->body_len = (size_t)length;
    if (n - r->body < r->body_len)
        return 0;
    return (int64_t)(r->body + r->body_len);
}

/* ---- answering --------------------------------------------------------------------------------- */

/* a field's value by name, or NULL (its length in *len) */
static const char *field_value(const G *p, const HttpRequest *r, const char *name, size_t *len) {
    for (int i = 0; i < r->nfields; i++)
        if (name_is(p, &r->field[i], name)) {
            *len = r->field[i].value_len;
            return (const char *)p + r->field[i].value;
        }
    return NULL;
}

/* does the comma-separated list v[0..n) hold the token tok (case-insensitive)? */
static bool has_token(const char *v, size_t n, const char *tok) {
    size_t tl = strlen(tok);
    for (size_t i = 0; i < n;) {
        while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == ','))
            i++;
        size_t j = i;
        while (j < n && v[j] != ',')
            j++;
        size_t e = j;
        while (e > i && (v[e - 1] == ' ' || v[e - 1] == '\t'))
            e--;
        if (e - i == tl && strncasecmp(v + i, tok, tl) == 0)
            return true;
        i = j;
    }
    return false;
}

/* a short response of our own (errors, refusals), then close */
static void answer_and_close(Conn *c, const char *status, const char *extra, const char *body) {
    char head[512];
    int k = snprintf(head, sizeof head,
                     "HTTP/1.1 %s\r\nContent-Type: text/plain\r\n%sConnection: close\r\n"
                     "Content-Length: %zu\r\n\r\n",
                     status, extra, strlen(body));
    if (net_conn_send(c, (const G *)head, (size_t)k))
        net_conn_send(c, (const G *)body, strlen(body));
    net_conn_close_after_write(c);
}

static const char *status_text(int status) {
    switch (status) {
    case 413: return "413 Payload Too Large";
    case 414: return "414 URI Too Long";
    case 431: return "431 Request Header Fields Too Large";
    case 501: return "501 Not Implemented";
    default: return "400 Bad Request";
    }
}

/* Basic credentials of the request (or none: empty), checked as the handshake's */
static bool authorised(Conn *c, const G *p, const HttpRequest *r) {
    size_t alen = 0;
    const char *auth = field_value(p, r, "Authorization", &alen);
    if (!auth || alen < 6 || strncasecmp(auth, "Basic ", 6) != 0)
        return net_login(c, "", 0, "", 0);
    K cred = prim_atob(obj_strn(auth + 6, alen - 6));
    if (!cred) {
        kerr_clear();
        return false;
    }
    const char *s = (const char *)kG(cred);
    size_t n = (size_t)cred->n;
    const char *colon = memchr(s, ':', n);
    size_t ulen = colon ? (size_t)(colon - s) : n;
    bool ok = net_login(c, s, ulen, colon ? colon + 1 : "", colon ? n - ulen - 1 : 0);
    r0(cred);
    return ok;
}

/* the request's header fields as a dictionary: names as symbols, values as strings */
static K header_dict(const G *p, const HttpRequest *r) {
    K keys = ktn(KS, r->nfields), vals = ktn(0, r->nfields);
    if (!keys || !vals) {
        r0(keys);
        r0(vals);
        return NULL;
    }
    for (int i = 0; i < r->nfields; i++) {
        kS(keys)[i] = sym_intern((const char *)p + r->field[i].name, r->field[i].name_len);
        kK(vals)[i] = obj_strn((const char *)p + r->field[i].value, r->field[i].value_len);
        if (!kK(vals)[i]) {
            vals->n = i;
            r0(keys);
            r0(vals);
            return NULL;
        }
    }
    return xD(keys, vals);
}

/* does the response's head say "Connection: close"? (borrowed bytes) */
static bool response_closes(const G *p, size_t n) {
    const G *end = n >= 4 ? memmem(p, n, "\r\n\r\n", 4) : NULL;
    size_t head = end ? (size_t)(end - p) : n;
    for (size_t i = 0; i + 11 <= head; i++) {
        if ((p[i] == '\n') && strncasecmp((const char *)p + i + 1, "connection:", 11) == 0) {
            size_t v = i + 12, e = v;
            while (e < head && p[e] != '\r' && p[e] != '\n')
                e++;
            return has_token((const char *)p + v, e - v, "close");
        }
    }
    return false;
}

/* Run the hook for one request (its pieces copied out of the buffer first: the hook may
 * read more bytes into it).  The hook's string is the response. */
static void serve(Conn *c, int method, S verb, K text, K headers, bool close) {
    S name = ss(method == HTTP_GET ? ".z.ph" : method == HTTP_POST ? ".z.pp" : ".z.pm");
    K f = lang_get(name);
    if (!f && method == HTTP_GET)
        f = lang_get(ss(".h.zph")); /* kdb+'s default query page */
    if (!f) {
        r0(text);
        r0(headers);
        answer_and_close(c, method == HTTP_POST ? "404 Not Found" : "501 Not Implemented", "",
                         method == HTTP_POST ? "'.z.pp\n" : "'.z.pm\n");
        return;
    }
    K arg;
    if (method == HTTP_OTHER) {
        K v = obj_atom(-KS);
        if (v)
            v->s = verb;
        arg = v ? knk(3, v, text, headers) : NULL;
        if (!v) {
            r0(text);
            r0(headers);
        }
    } else {
        arg = knk(2, text, headers);
    }
    if (!arg) {
        r0(f);
        kerr_clear();
        answer_and_close(c, "500 Internal Server Error", "", "'wsfull\n");
        return;
    }
    K r = net_apply_guarded(c, f, &arg, 1);
    if (!c->closing) {
        if (r && (r->t == KC || r->t == KG)) {
            bool ok = net_conn_send_k(c, r1(r)); /* queued as itself, not copied */
            if (!ok)
                net_conn_close(c);
            else if (close || response_closes(kG(r), (size_t)r->n))
                net_conn_close_after_write(c);
        } else {
            char msg[256];
            snprintf(msg, sizeof msg, "'%s\n", r ? "type" : kerr_msg() ? kerr_msg() : "error");
            answer_and_close(c, "500 Internal Server Error", "", msg);
        }
    }
    if (!r)
        kerr_clear();
    r0(r);
    net_release_protect(c);
}

/* the text a hook is given: the target without its '/'; a POST's body follows it after a
 * blank (a new string) */
static K request_text(const G *p, const HttpRequest *r) {
    size_t tl = r->target_len - 1, bl = r->method == HTTP_POST ? r->body_len : 0;
    K text = obj_reserve(KC, (J)(tl + (bl ? 1 + bl : 0)));
    if (text) {
        memcpy(kC(text), p + r->target + 1, tl);
        if (bl) {
            kC(text)[tl] = ' ';
            memcpy(kC(text) + tl + 1, p + r->body, bl);
        }
        text->n = (J)(tl + (bl ? 1 + bl : 0));
    }
    return text;
}

enum { AC_REFUSE, AC_ACCEPT, AC_ANSWERED, AC_BASIC };

/* .z.ac (ref/dotz.md) decides instead of Basic credentials when defined: it is given
 * (text; headers) and answers (0;"") to refuse with the default 401, (1;"user") to accept
 * as that user (.z.u), (2;"response") to send that response in place of the request's, or
 * (4;"") to fall back to Basic.  Anything else, an error included, refuses. */
static int access_hook(Conn *c, const HttpRequest *r) {
    K ac = lang_get(ss(".z.ac"));
    if (!ac)
        return AC_BASIC;
    K text = request_text(net_in_ptr(c), r), headers = header_dict(net_in_ptr(c), r);
    K arg = text && headers ? knk(2, text, headers) : NULL;
    if (!arg) {
        if (!text || !headers) {
            r0(text);
            r0(headers);
        }
        r0(ac);
        kerr_clear();
        return AC_REFUSE;
    }
    K v = net_apply_guarded(c, ac, &arg, 1);
    int verdict = AC_REFUSE;
    K code = NULL, s = NULL;
    if (v && v->t == 0 && v->n == 2) {
        code = kK(v)[0];
        s = kK(v)[1];
    }
    bool string = s && (s->t == KC || (s->t == 0 && s->n == 0));
    int64_t n = code && code->t == -KJ ? code->j : code && code->t == -KI ? code->i
              : code && code->t == -KH ? code->h : code && code->t == -KG ? code->g : -1;
    if (string && n == 1) {
        c->user = sym_intern(s->t == KC ? (const char *)kC(s) : "", (size_t)s->n);
        verdict = AC_ACCEPT;
    } else if (string && n == 2) {
        if (!c->closing && !net_conn_send(c, s->t == KC ? kG(s) : (const G *)"", (size_t)s->n))
            net_conn_close(c);
        else if (s->t == KC && response_closes(kG(s), (size_t)s->n))
            net_conn_close_after_write(c);
        verdict = AC_ANSWERED;
    } else if (n == 4) {
        verdict = AC_BASIC;
    }
    if (!v)
        kerr_clear();
    r0(v);
    c->protect--; /* the release (closing included) is the caller's */
    return verdict;
}

/* one complete request of `total` bytes at the head of c's buffer */
static void request(Conn *c, HttpRequest *r, int64_t total) {
    int verdict = access_hook(c, r);
    bool ok = verdict == AC_ACCEPT || (verdict == AC_BASIC && !c->closing && authorised(c, net_in_ptr(c), r));
    if (verdict == AC_ANSWERED && !c->closing) {
        net_in_consume(c, (size_t)total);
        return;
    }
    if (!ok || c->closing) {
        if (!c->closing)
            answer_and_close(c, "401 Unauthorized", "WWW-Authenticate: Basic realm=\"openq\"\r\n",
                             "'access\n");
        else if (c->protect == 0)
            net_conn_free(c); /* a hook closed it */
        return;
    }
    const G *p = net_in_ptr(c); /* after the hooks, which may have read into the buffer */
    if (c->state == CONN_HANDSHAKE) {
        if (net_st()->nconns - net_st()->guard.nhalf >= net_cfg()->max_connections) {
            answer_and_close(c, "503 Service Unavailable", "", "'limit\n");
            return;
        }
        net_conn_ready(c);
    }
    size_t vlen = 0;
    const char *conn = field_value(p, r, "Connection", &vlen);
    bool close = conn ? has_token(conn, vlen, "close") || (r->minor == 0 && !has_token(conn, vlen, "keep-alive"))
                      : r->minor == 0;
    size_t ulen = 0, klen = 0;
    const char *up = field_value(p, r, "Upgrade", &ulen);
    const char *key = field_value(p, r, "Sec-WebSocket-Key", &klen);
    if (r->method == HTTP_GET && up && key && has_token(up, ulen, "websocket")) {
        char k[64];
        size_t n = klen < sizeof k ? klen : sizeof k;
        memcpy(k, key, n);
        net_in_consume(c, (size_t)total);
        net_ws_accept(c, k, n);
        return;
    }
    K text = request_text(p, r);
    K headers = header_dict(p, r);
    S verb = r->method == HTTP_OTHER ? sym_intern((const char *)p, r->method_len) : sym_null;
    net_in_consume(c, (size_t)total); /* text and headers are copies */
    if (!text || !headers) {
        r0(text);
        r0(headers);
        kerr_clear();
        answer_and_close(c, "500 Internal Server Error", "", "'wsfull\n");
        return;
    }
    serve(c, r->method, verb, text, headers, close);
}

bool net_http_input(Conn *c) {
    int fd = c->fd;
    while (net_in_len(c) && !c->closing) {
        if (c->close_after_write) {
            net_in_consume(c, net_in_len(c)); /* nothing more is read from a connection about to close */
            return true;
        }
        if (c->kind == CONN_WS)
            return net_ws_input(c);
        if (net_out_full(c))
            return true; /* pipelined requests wait until the responses drain */
        int64_t body_max = HTTP_BODY_MAX < net_cfg()->max_message ? HTTP_BODY_MAX : net_cfg()->max_message;
        HttpRequest r;
        int64_t total = net_http_parse(net_in_ptr(c), net_in_len(c), body_max, &r);
        if (total == 0)
            return true;
        if (total < 0) {
            net_in_consume(c, net_in_len(c));
            answer_and_close(c, status_text(r.status), "", "'badmsg\n");
            return net_st()->conns[fd] == c && !c->closing;
        }
        request(c, &r, total);
        if (net_st()->conns[fd] != c || c->closing)
            return false;
    }
    return true;
}
