/* netint.h -- what the files of src/net share: the connection record and helpers. */
#ifndef OPENQ_NETINT_H
#define OPENQ_NETINT_H

#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "net.h"

#define NET_HANDSHAKE_MAX 1024 /* bytes of credentials before the NUL, at most */
#define NET_IN_FIRST 2048      /* first input buffer: room for any handshake */
#define NET_IN_READ ((size_t)1 << 20) /* bytes read per readiness event beyond the frame awaited */
#define NET_OUT_COPY 4096      /* a message shorter than this is copied into the queue's tail */

enum { CONN_HANDSHAKE, CONN_READY };
/* what a connection speaks, decided from its first bytes (http.c: net_http_sniff) */
enum { CONN_IPC, CONN_HTTP, CONN_WS };

/* one piece of a connection's output queue: bytes written from their own memory */
typedef struct OutChunk OutChunk;
struct OutChunk {
    OutChunk *next;    /* the next piece to write, NULL for the tail */
    K buf;             /* the bytes: a vector's items (owned; a byte vector, or a piece of a
                          message from ipc_encode_parts) */
    size_t len, off;   /* how many bytes, and how many of them were written */
    bool copied;       /* a buffer of the queue's own (small sends copied): may take more */
};

typedef struct Conn Conn;
struct Conn {
    int fd;            /* socket; also the q handle */
    int state;         /* CONN_HANDSHAKE until the NUL arrives, then CONN_READY */
    int capability;    /* negotiated capability byte (0..6) */
    bool outbound;     /* opened by us (hopen), not accepted */
    bool read_only_hopen; /* outbound, opened by a read-only query: one may close it */
    bool local;        /* loopback or unix socket peer: never compress */
    bool closing;      /* close requested; freed once no hook protects it */
    int protect;       /* hooks running for this connection */
    S user;            /* the user name from the handshake (interned only once accepted) */
    uint32_t addr;     /* peer IPv4 address (host order), 127.0.0.1 for unix sockets */
    K in;              /* received bytes (KG, owned; NULL when empty) */
    size_t in_at;      /* the bytes of `in` before this were consumed (net_in_*) */
    size_t want;       /* length of the frame being received, 0 if unknown */
    OutChunk *out_head, *out_tail; /* the output queue, oldest first (NULL when empty) */
    size_t out_bytes;  /* queued and not yet written */
    bool paused;       /* input unread and unparsed until out_bytes falls below max_queued */
    uint32_t events;   /* what the loop watches on fd (net_conn_watch) */
    bool fed;          /* net_feed's: driven by the fuzz seam, never watched by the loop */
    int64_t opened_ms; /* when accepted */
    int64_t last_ms;   /* last time bytes arrived */
    Conn *half_prev;   /* half-open list (accepted, handshake pending), oldest first */
    Conn *half_next;   /* next younger half-open connection */
    bool deferred;     /* the sync request being handled called -30!(::): reply later */
    K reply;           /* outbound: the response that arrived (owned) */
    bool reply_ready;  /* `reply` holds the answer to our request */
    int awaiting;      /* our sync requests on it being waited for (await_reply) */
    bool take_async;   /* the innermost of them is h[]: an async message answers it */
    int kind;          /* CONN_IPC, CONN_HTTP or CONN_WS (an upgraded HTTP connection) */
    bool close_after_write; /* close once `out` is written; input is ignored meanwhile */
    int ws_opcode;     /* WebSocket: opcode of the fragmented message being gathered, 0: none */
    K ws_msg;          /* WebSocket: the fragments gathered so far (KG, owned; NULL if none) */
    void *tls;         /* the connection's SSL (tls.c), NULL when plain */
    bool tls_checked;  /* the first byte was seen: TLS or plain is decided */
};

/* The loop's state, one record (loop.c creates it): what the files of src/net share. */
struct ssl_ctx_st;               /* OpenSSL's SSL_CTX (tls.c) */
typedef struct NetState {
    int epfd;                    /* the loop */
    struct ssl_ctx_st *tls_ctx;  /* -E: the listener's TLS settings (tls.c), or NULL */
    struct ssl_ctx_st *tls_client_ctx; /* tcps:// and https://: the client's settings, or NULL */
    int listen_tcp;              /* TCP listener */
    int listen_uds;              /* abstract unix socket listener */
    int listen_port;             /* the port bound */
    Conn *conns[65536];          /* by fd (= q handle) */
    int nconns;                  /* accepted connections open (half-open included) */
    bool stdin_open;             /* stdin is part of the loop (the console) */
    J timer_ms;                  /* \t: .z.ts period, 0 = off */
    int64_t timer_next;          /* when .z.ts fires next (ms, monotonic) */
    bool quit_requested;         /* \\ at the console */
    const NetConsole *console_hooks; /* the binary's console on stdin, or NULL */
    char *console_buf;           /* console.c: the stdin line being gathered */
    size_t console_len, console_cap;
    struct {                     /* the guards against hostile peers */
        Conn *half_oldest;       /* half-open list head: the next handshake deadline */
        Conn *half_youngest;     /* half-open list tail: where accepted connections join */
        int nhalf;               /* connections on the half-open list */
        int reserve_fd;          /* a spare descriptor given up to shed a connection (EMFILE) */
        int64_t accept_paused_until; /* listeners unwatched until then (0: watched) */
        int64_t emfile_logged_ms;    /* when "out of descriptors" was last logged (0: never) */
        int64_t idle_next;       /* no idle deadline falls before this (0: sweep now) */
    } guard;
    NetConfig config;            /* the settings (net.h) */
    Conn *current_sync;          /* conn.c: the connection whose sync request is being handled */
} NetState;

/* the runtime's NetState (RT->net), allocated on first use (net_free releases it) */
NetState *net_state_new(void);
static inline NetState *net_st(void) { return RT->net ? RT->net : net_state_new(); }

/* loop.c */
bool net_ensure_loop(void);                      /* the epoll instance, created once */
void net_set_nonblocking(int fd);
void net_watch(int fd, uint32_t events, bool add); /* add fd to the loop, or change its events */
/* listen.c */
bool net_peer_is_local(const struct sockaddr_storage *a); /* loopback or unix socket */
void net_watch_listeners(bool on);
void net_accept_on(int lfd);                    /* accept what is pending on listener lfd */
/* console.c */
void net_console_read(void);                    /* stdin is readable */
/* conn.c */
void net_conn_free(Conn *c);                    /* now, whatever protects it */
/* f applied to args (consumed) for connection c's event as a hook runs: c protected, .z.w
 * .z.u .z.a set, the -b and -T guards on; the caller then calls net_release_protect */
K net_apply_guarded(Conn *c, K f, K *args, int n);
/* the end of a hook's protection: c is freed if it was closed meanwhile (true then) */
bool net_release_protect(Conn *c);
void net_flush_out(Conn *c);                    /* write what is pending; writable again */
/* the loop watches c for what it needs: input unless paused, writability while output is
 * queued (add: the first registration) */
void net_conn_watch(Conn *c, bool add);
/* the backpressure rule: true (and c paused) when an accepted connection's queued output is
 * past max_queued (net.h), so its next request waits until the queue drains */
bool net_out_full(Conn *c);
/* the unconsumed input: it starts at net_in_ptr and is net_in_len bytes long */
static inline G *net_in_ptr(const Conn *c) { return kG(c->in) + c->in_at; }
static inline size_t net_in_len(const Conn *c) { return c->in ? (size_t)c->in->n - c->in_at : 0; }
/* n bytes of input consumed (no copy: the rest moves down once, before the next read) */
void net_in_consume(Conn *c, size_t n);
/* the hook `name` applied to args (consumed); *defined says whether it exists */
K net_run_hook(S name, K *args, int n, bool *defined);

Conn *net_conn(int fd);
Conn *net_conn_new(int fd, bool outbound);
/* send the pieces of a message (ipc_encode_parts: consumed) one after another, each from its
 * own memory; false when the connection failed */
bool net_conn_send_parts(Conn *c, K parts);
void net_conn_close(Conn *c);
/* queue bytes and try to write them now (p borrowed, copied if they cannot all be written);
 * false when the connection failed */
bool net_conn_send(Conn *c, const G *p, size_t n);
/* the same for the bytes of vector m (consumed): what is not written at once is queued as m
 * itself, never copied (small ones are); false when the connection failed */
bool net_conn_send_k(Conn *c, K m);
bool net_conn_read(Conn *c);
bool net_send_value(Conn *c, const K x, int msgtype);
void net_send_error(Conn *c, const char *msg);
void net_set_caller(Conn *c);
int64_t net_now_ms(void);
socklen_t net_uds_addr(struct sockaddr_un *a, int port);
void net_set_timer(J ms);
void net_request_quit(void);

/* client.c: a TCP (or, for host "" / "unix", abstract unix) connection within timeout_ms
 * (0: none), non-blocking; *local when the peer is loopback.  -1 when it failed. */
int net_connect_to(const char *host, int port, int timeout_ms, bool *local);
/* c's bytes p[0..n) all written, or exactly n bytes read into p, waiting with poll until
 * the deadline (net_now_ms() clock, 0: none); false at the end, on error or at the deadline */
bool net_io_send_all(Conn *c, const G *p, size_t n, int64_t deadline);
bool net_io_recv_exact(Conn *c, G *p, size_t n, int64_t deadline);
/* the bytes that are there (at least one, waiting as above): count, 0 at the end, -1 */
ssize_t net_io_recv_some(Conn *c, G *p, size_t n, int64_t deadline);

/* true when fd is a connection to one of our own listeners (hopen of our own port): the
 * handshake would wait for ourselves.  fd is a connected socket (borrowed). */
bool net_is_self_connection(int fd);
/* the fuzz seam: a connection on one end of a socket pair (with a small send buffer, so
 * replies are queued and written in pieces) is fed `n` bytes (in chunks of `chunk`, 0: all
 * at once) exactly as if they arrived from a client; after each chunk the other end is
 * drained and the queue flushed, as the loop would.  Everything it sent is returned as one
 * byte vector.  The connection is closed at the end (.z.pc runs). */
K net_feed(const G *p, size_t n, size_t chunk);

/* the handshake's checks on credentials (raw bytes, borrowed): -u/-U, then .z.pw; on success
 * c->user is set (interned).  False when refused or when c was closed by the hook. */
bool net_login(Conn *c, const char *user, size_t ulen, const char *pass, size_t plen);
/* an accepted connection leaves the half-open list: its first request was complete */
void net_conn_ready(Conn *c);
/* send what is queued, then close (at once when nothing is queued) */
void net_conn_close_after_write(Conn *c);

/* ---- http.c: HTTP/1.1 on the q port -------------------------------------------------------- */

#define HTTP_HEAD_MAX 16384   /* request line and headers together, bytes */
#define HTTP_LINE_MAX 8192    /* the request line, bytes */
#define HTTP_HEADERS_MAX 64   /* header fields in one request */
#define HTTP_BODY_MAX ((int64_t)64 << 20) /* a request body, bytes (and at most -max_message) */

enum { HTTP_GET = 1, HTTP_POST, HTTP_OTHER };
typedef struct HttpField {
    size_t name, name_len;   /* offset and length of the field name in the request */
    size_t value, value_len; /* of its value, surrounding blanks removed */
} HttpField;
typedef struct HttpRequest {
    int method;              /* HTTP_GET, HTTP_POST or HTTP_OTHER */
    size_t method_len;       /* the method token starts the request */
    size_t target, target_len; /* the request target ("/..."), offset and length */
    int minor;               /* HTTP/1.minor */
    int nfields;             /* header fields in `field` */
    HttpField field[HTTP_HEADERS_MAX];
    size_t body, body_len;   /* the body (Content-Length bytes after the head) */
    int status;              /* when malformed: the status to answer (400, 413, 431, 501) */
} HttpRequest;
/* 1: the first bytes of a connection start an HTTP request ("GET ", "POST "); 0: they do
 * not (an IPC handshake); -1: too few bytes to tell */
int net_http_sniff(const G *p, size_t n);
/* Parse one request from p[0..n) (borrowed; nothing is allocated).  Returns the bytes it
 * takes (head and body), 0 when more bytes are needed, -1 when malformed (r->status says
 * why).  Bodies longer than body_max, heads past HTTP_HEAD_MAX are malformed. */
int64_t net_http_parse(const G *p, size_t n, int64_t body_max, HttpRequest *r);
/* act on the complete requests (or WebSocket frames) in c's buffer; false when c closed */
bool net_http_input(Conn *c);
/* fetch.c: what the HTTP and WebSocket clients share.  A URL [:]scheme[s]://[user:pass@]
 * host[:port][/path] ("http" or "ws"; the 's' asks for TLS): false when s is not one. */
typedef struct NetUrl {
    bool tls;          /* https:// or wss:// */
    char host[256];    /* the host name or address */
    int port;          /* the port, 80 or 443 when none is given */
    char auth[256];    /* user:pass before '@', or "" */
    const char *path;  /* from the first '/' (inside the caller's text), or "/" */
} NetUrl;
bool net_parse_url(const char *s, const char *scheme, NetUrl *u);
/* the value of field `name` in the head h[0..n) (borrowed, blanks around it dropped), its
 * length in *len; NULL when there is none */
const char *net_http_field(const char *h, size_t n, const char *name, size_t *len);
/* text appended to a string being built (obj_push_items's rules: NULL releases it) */
static inline K net_put(K s, const char *p, size_t n) { return s ? obj_push_items(s, p, (J)n) : NULL; }
static inline K net_puts(K s, const char *p) { return net_put(s, p, strlen(p)); }
/* "Authorization: Basic base64(auth)\r\n" appended when auth (user:pass) is not empty */
K net_put_basic_auth(K s, const char *auth);
/* fetch.c: the body of an HTTP reply p[0..n) (all the server sent, up to its close): its
 * offset in *at and its length (Content-Length's, or the rest), a chunked body decoded in
 * place; -1 when p is not an HTTP reply or its chunks are malformed.  Nothing allocated. */
int64_t net_http_reply_body(G *p, size_t n, size_t *at);

/* ---- ws.c: WebSocket (RFC 6455) on an upgraded HTTP connection ------------------------------ */

typedef struct WsFrame {
    bool fin;                /* the last fragment of a message */
    int opcode;              /* 0 continuation, 1 text, 2 binary, 8 close, 9 ping, 10 pong */
    bool masked;             /* a client's frames must be */
    G mask[4];               /* the masking key */
    size_t payload;          /* offset of the payload in the frame */
    uint64_t len;            /* payload length */
    int close_code;          /* when malformed: the close status to send (1002, 1009) */
} WsFrame;
/* Parse one frame header from p[0..n) (borrowed).  Returns the frame's total length when the
 * whole frame is there, 0 when more bytes are needed, -1 when malformed or longer than max
 * (f->close_code says why).  Only the header is read before the length is checked. */
int64_t net_ws_parse(const G *p, size_t n, uint64_t max, WsFrame *f);
/* answer an upgrade request: the 101 reply for Sec-WebSocket-Key key[0..n), then .z.wo */
bool net_ws_accept(Conn *c, const char *key, size_t n);
/* act on the complete frames in c's buffer; false when c was closed */
bool net_ws_input(Conn *c);
/* neg[h] x on a WebSocket handle: a string as a text frame, bytes as a binary one (x
 * borrowed); NULL + kerr otherwise */
K net_ws_send(Conn *c, const K x);
/* (`$":ws://[user:pass@]host:port") request: a WebSocket client connection (kb/websockets.md):
 * (handle; response head) once upgraded, (0Ni; response) when not; NULL + kerr when no
 * response came (url and req borrowed) */
K net_ws_connect(const char *url, int timeout_ms, const K req);

/* ---- tls.c: TLS with OpenSSL (-E) --------------------------------------------------------- */

/* -E and the KX_SSL_* settings, from the command line and the environment; -1 + kerr */
int net_tls_configure(void);
void net_tls_release(void);   /* the TLS settings released (net_free) */
/* before the first read of an accepted connection: peek at its first byte and start TLS
 * (0x16) or stay plain, as -E allows; false when c was closed (refused) */
bool net_tls_sniff(Conn *c);
void net_tls_free(Conn *c);
/* the client side of TLS on c's connected socket (outbound; c need not be registered): the
 * handshake with host (SNI, and HOSTIP's check), the server's certificate checked as
 * SSL_VERIFY_SERVER says, within timeout_ms; false + kerr */
bool net_tls_connect(Conn *c, const char *host, int timeout_ms);
/* recv/send for a connection, through TLS when it has it (-1 with errno EAGAIN when it
 * would block, 0 at the end) */
ssize_t net_io_recv(Conn *c, G *buf, size_t n);
ssize_t net_io_send(Conn *c, const G *p, size_t n);
/* the same for n pieces at once (sendmsg; through TLS only the first piece is written) */
struct iovec;
ssize_t net_io_sendv(Conn *c, const struct iovec *iov, int n);

/* auth.c: the -u/-U password file check on the raw handshake bytes (nothing is interned or
 * kept); true when no file is configured */
bool net_auth_check(const char *user, size_t ulen, const char *password, size_t plen);
/* The read-only (-b) and timeout (-T) guards around a client's query.  Queries nest (a
 * message that arrives on a handle while a query waits on it is served inside that query),
 * so begin returns the guards it replaced and end puts them back: a query inside a
 * read-only one, or inside reval, stays read-only, and the outer one stays so after it. */
typedef struct NetGuards {
    bool read_only;      /* RT->lang.read_only before the query */
    int64_t deadline_ms; /* RT->lang.deadline_ms before the query */
} NetGuards;
NetGuards net_query_begin(void);
void net_query_end(NetGuards saved);
/* the argument .z.ts receives: the current timestamp */
K zts_now(void);

#endif
