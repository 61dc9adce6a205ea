/* tls.c -- TLS on the q port with OpenSSL, as kdb+'s -E: 0 plain only (a TLS client hello
 * is refused by closing), 1 plain and TLS on the same port, 2 TLS only.  A new accepted
 * connection's first byte decides (0x16 starts a TLS record, which no IPC handshake or HTTP
 * request does), peeked before anything is read.  The TLS handshake runs inside SSL_read
 * on a non-blocking socket, so it never stalls the loop; the connection stays half-open
 * (under the handshake deadline) until the IPC handshake or the first HTTP request inside
 * TLS is complete.  Every read and write of a connection goes through net_io_recv and
 * net_io_send, which take the TLS path when the connection has one.  Settings from the
 * environment, as kdb+'s: KX_SSL_CERT_FILE, KX_SSL_KEY_FILE (required for -E 1 and 2),
 * KX_SSL_CIPHER_LIST, KX_SSL_CA_CERT_FILE with KX_SSL_VERIFY_CLIENT=YES (client
 * certificates). */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../lang/cmdline.h"
#include "../lang/lang.h"
#include "netint.h"

#ifdef OPENQ_HAVE_TLS
#include <openssl/err.h>
#include <openssl/ssl.h>


/* an OpenSSL failure as a q error: what, then OpenSSL's reason */
static int tls_fail(const char *what) {
    char msg[256];
    unsigned long e = ERR_get_error();
    snprintf(msg, sizeof msg, "%s: %s", what, e ? ERR_reason_error_string(e) : "failed");
    ERR_clear_error();
    kerr(msg);
    return -1;
}

void net_tls_release(void) {
    SSL_CTX_free(net_st()->tls_ctx);
    net_st()->tls_ctx = NULL;
}

int net_tls_configure(void) {
    const char *mode = cmdline_option('E');
    net_cfg()->tls_mode = mode ? atoi(mode) : 0;
    if (net_cfg()->tls_mode < 0 || net_cfg()->tls_mode > 2) {
        kerr("-E");
        return -1;
    }
    if (net_cfg()->tls_mode == 0 || net_st()->tls_ctx)
        return 0;
    const char *cert = getenv("KX_SSL_CERT_FILE"), *key = getenv("KX_SSL_KEY_FILE");
    if (!cert || !key) {
        kerr("-E needs KX_SSL_CERT_FILE and KX_SSL_KEY_FILE");
        return -1;
    }
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx)
        return tls_fail("tls");
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    const char *ciphers = getenv("KX_SSL_CIPHER_LIST");
    const char *ca = getenv("KX_SSL_CA_CERT_FILE");
    const char *verify = getenv("KX_SSL_VERIFY_CLIENT");
    if (SSL_CTX_use_certificate_chain_file(ctx, cert) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1 || SSL_CTX_check_private_key(ctx) != 1 ||
        (ciphers && SSL_CTX_set_cipher_list(ctx, ciphers) != 1) ||
        (ca && SSL_CTX_load_verify_locations(ctx, ca, NULL) != 1)) {
        SSL_CTX_free(ctx);
        return tls_fail(cert);
    }
    if (verify && strcmp(verify, "YES") == 0)
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
    signal(SIGPIPE, SIG_IGN); /* OpenSSL writes with write(2), not send(MSG_NOSIGNAL) */
    net_st()->tls_ctx = ctx;
    return 0;
}

bool net_tls_sniff(Conn *c) {
    if (c->tls_checked || c->outbound || c->sink || c->state != CONN_HANDSHAKE)
        return true;
    G first;
    ssize_t n = recv(c->fd, &first, 1, MSG_PEEK);
    if (n <= 0)
        return true; /* nothing yet, or the read that follows sees the end or the error */
    c->tls_checked = true;
    bool tls = first == 0x16;
    if (tls != (net_cfg()->tls_mode == 2) && net_cfg()->tls_mode != 1) {
        net_conn_close(c); /* TLS to a plain port, or plain to a TLS-only one */
        return false;
    }
    if (!tls)
        return true;
    SSL *ssl = net_st()->tls_ctx ? SSL_new(net_st()->tls_ctx) : NULL;
    if (!ssl || SSL_set_fd(ssl, c->fd) != 1) {
        SSL_free(ssl);
        ERR_clear_error();
        net_conn_close(c);
        return false;
    }
    SSL_set_accept_state(ssl);
    c->tls = ssl;
    return true;
}

void net_tls_free(Conn *c) {
    if (!c->tls)
        return;
    SSL *ssl = c->tls;
    if (SSL_is_init_finished(ssl))
        SSL_shutdown(ssl); /* close_notify, once and without waiting for the answer */
    SSL_free(ssl);
    ERR_clear_error();
    c->tls = NULL;
}

/* an SSL_read/SSL_write failure as recv/send would report it */
static ssize_t tls_errno(SSL *ssl, int r) {
    int e = SSL_get_error(ssl, r);
    ERR_clear_error();
    if (e == SSL_ERROR_ZERO_RETURN)
        return 0;
    errno = e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE ? EAGAIN : ECONNRESET;
    return -1;
}

/* TLS reads until the buffer is full or the socket is drained: bytes OpenSSL decrypted but
 * did not hand over would wake no epoll event */
ssize_t net_io_recv(Conn *c, G *buf, size_t n) {
    if (!c->tls)
        return recv(c->fd, buf, n, 0);
    size_t got = 0;
    while (got < n) {
        int r = SSL_read(c->tls, buf + got, (int)(n - got < INT_MAX ? n - got : INT_MAX));
        if (r <= 0) {
            ssize_t e = tls_errno(c->tls, r);
            return got ? (ssize_t)got : e;
        }
        got += (size_t)r;
    }
    return (ssize_t)got;
}

ssize_t net_io_send(Conn *c, const G *p, size_t n) {
    if (!c->tls)
        return send(c->fd, p, n, MSG_NOSIGNAL);
    int r = SSL_write(c->tls, p, (int)(n < INT_MAX ? n : INT_MAX));
    return r > 0 ? r : tls_errno(c->tls, r);
}

#else /* built without OpenSSL: -E 1 and 2 are refused, a TLS hello is closed */

void net_tls_release(void) {}


int net_tls_configure(void) {
    const char *mode = cmdline_option('E');
    net_cfg()->tls_mode = mode ? atoi(mode) : 0;
    if (net_cfg()->tls_mode != 0) {
        kerr("-E: built without TLS");
        return -1;
    }
    return 0;
}

bool net_tls_sniff(Conn *c) {
    if (c->tls_checked || c->outbound || c->sink || c->state != CONN_HANDSHAKE)
        return true;
    G first;
    if (recv(c->fd, &first, 1, MSG_PEEK) <= 0)
        return true;
    c->tls_checked = true;
    if (first == 0x16) {
        net_conn_close(c);
        return false;
    }
    return true;
}

void net_tls_free(Conn *c) { (void)c; }

ssize_t net_io_recv(Conn *c, G *buf, size_t n) { return recv(c->fd, buf, n, 0); }

ssize_t net_io_send(Conn *c, const G *p, size_t n) { return send(c->fd, p, n, MSG_NOSIGNAL); }

#endif
