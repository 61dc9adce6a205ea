/* net.h -- the q server: listening sockets, connections, handshake, dispatch to the .z
 * hooks, and outbound handles (hopen).  One epoll loop; see docs/internals.md. */
#ifndef OPENQ_NET_H
#define OPENQ_NET_H

#include "../obj/obj.h"

/* server settings (command-line flags) */
typedef struct NetConfig {
    int64_t max_message;   /* largest message accepted, bytes (default 2^40, q's limit) */
    int max_connections;   /* live (handshake done) client connections at most */
    int max_halfopen;      /* accepted connections still in the handshake at most; the oldest
                            * is dropped to admit a new one */
    int handshake_ms;      /* a client must finish its handshake within this; also how long
                            * hopen waits for a server's handshake reply without a timeout */
    int idle_ms;           /* close connections silent this long (0: never) */
    int max_queued;        /* queued output bytes past which an accepted connection is paused */
    bool read_only;        /* -b: writes refused with 'noupdate */
    int query_timeout_s;   /* -T: 'stop after this many seconds (0: none) */
    const char *users_file;/* -u/-U: user:password file (plain or md5) */
    int tls_mode;          /* -E: 0 plain, 1 plain and TLS, 2 TLS only (tls.c) */
    bool pw_symbols;       /* .z.pw gets the password as a symbol, :: when none was sent (PyKX's
                            * Python server); else as a string, kdb+'s convention */
} NetConfig;

/* the settings, in the runtime's net record (RT->net, allocated on first use) */
NetConfig *net_cfg(void);

/* take the server's options (-u -U -b -T) from the parsed command line (src/lang/cmdline.h)
 * and install \p; -1 + kerr on a bad value */
/* the server's part of src/base/services.h (net_configure calls it; so does any embedder) */
void net_init(void);
int net_configure(void);
/* the port listened on (0: none) */
int net_port(void);
/* listen on "port" or "host:port" (TCP) and the abstract unix socket @/tmp/kx.PORT;
 * returns the port bound (0 picks an ephemeral one), or -1 with the error pending */
int net_listen(const char *spec);
/* stop listening (connections stay) */
void net_unlisten(void);
/* one turn of the loop: wait at most timeout_ms (-1: forever) for events and handle them;
 * returns the number of events handled, or -1 */
int net_poll(int timeout_ms);
/* the loop's epoll descriptor: readable when net_poll has work (for asyncio's add_reader) */
int net_fd(void);
/* serve until exit is requested (stdin is read as the console until it ends) */
int net_run(void);
/* ask net_run to return after the current turn (\\, Ctrl-D at the console) */
void net_request_quit(void);
/* The console on stdin when the binary drives it (a terminal: line editing, the prompt).
 * Set before net_run; without it the loop reads stdin lines and runs them itself. */
typedef struct NetConsole {
    void (*readable)(void);    /* stdin has input: read and handle it */
    void (*interrupted)(void); /* Ctrl-C (base/intr.h) woke the loop while it waited */
} NetConsole;
void net_set_console(const NetConsole *console);
/* close every connection and the listeners and release the network state (RT->net): the
 * layer's teardown at runtime_free */
void net_free(void);

/* h x for a connection handle: h>0 sync request (returns the reply), h<0 async send */
K net_handle_call(J handle, K msg);
/* h[]: the next async message (or response) on connection h, blocking */
K net_handle_wait(J handle);
/* peach over the processes of .z.pd: msgs[i] to the next free handle, sync; replies in order
 * (handles borrowed, msgs consumed) */
K net_peach(const K handles, K msgs);
/* is h an open connection's handle (-25! checks every handle before sending)? */
bool net_is_handle(J handle);
/* hopen: "`:host:port[:user:password]", a port number, or (handle spec; timeout) */
K net_open(K spec, int timeout_ms);
/* -30!x: defer the current sync reply ((::)) or send a deferred one ((h;iserror;msg)) */
K net_deferred(K x);
/* hclose */
K net_close_handle(J handle);
/* RT->svc.hopen / hclose: a connection opened; closed (NULL without error: not one) */
K net_hopen(K spec, int timeout_ms);
K net_hclose(J handle);
/* RT->svc.oneshot: `:host:port msg, `::[(spec;timeout);msg], `:ws://... "GET ..." */
K net_oneshot(K spec, K msg);
/* RT->svc.handles: .z.H (the open IPC and WebSocket handles, s#) or .z.W (handles!bytes) */
K net_handles(bool sizes);
/* .z.e and -26!h: the TLS details of connection h (()!() when plain or no connection) */
K net_tls_info(J handle);
/* (-26!)[]: the TLS settings (SSLEAY_VERSION and the SSL_* values) as a dict */
K net_tls_settings(void);
/* .Q.hg / .Q.hp (fetch.c): GET url, or POST body as ctype when ctype is not NULL; the reply's
 * body as a string; url is `:http[s]://[user:pass@]host[:port][/path] (all borrowed) */
K net_http_fetch(const K url, const K ctype, const K body);
/* the number of open client connections */
int net_connection_count(void);

#endif
