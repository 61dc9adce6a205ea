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
 * certificates).  The client side (hopen `:tcps://, .Q.hg of https://) checks the server's
 * certificate unless KX_SSL_VERIFY_SERVER=NO, against KX_SSL_CA_CERT_FILE / _PATH or the
 * system's store; HOSTIP also checks the host name or IP address against it.  .z.e and -26!
 * report a connection's TLS details and the settings. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>

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
    SSL_CTX_free(net_st()->tls_client_ctx);
    net_st()->tls_ctx = net_st()->tls_client_ctx = NULL;
}

/* a setting from the environment, KX_SSL_x before SSL_x (kb/ssl.md); NULL when unset */
static const char *tls_env(const char *name) {
    char kx[64];
    snprintf(kx, sizeof kx, "KX_%s", name);
    const char *v = getenv(kx);
    return v ? v : getenv(name);
}

/* the client's settings, made on the first outbound TLS connection and kept */
static SSL_CTX *client_ctx(void) {
    if (net_st()->tls_client_ctx)
        return net_st()->tls_client_ctx;
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx) {
        tls_fail("conn");
        return NULL;
    }
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    const char *verify = tls_env("SSL_VERIFY_SERVER");
    const char *ca = tls_env("SSL_CA_CERT_FILE"), *capath = tls_env("SSL_CA_CERT_PATH");
    const char *ciphers = tls_env("SSL_CIPHER_LIST");
    bool ok = ca || capath ? SSL_CTX_load_verify_locations(ctx, ca, capath) == 1
                           : SSL_CTX_set_default_verify_paths(ctx) == 1;
    if (!ok || (ciphers && SSL_CTX_set_cipher_list(ctx, ciphers) != 1)) {
        SSL_CTX_free(ctx);
        tls_fail("conn");
        return NULL;
    }
    /* a client certificate for servers that ask (SSL_VERIFY_CLIENT), when one is configured */
    const char *cert = tls_env("SSL_CERT_FILE"), *key = tls_env("SSL_KEY_FILE");
    if (cert && key && (SSL_CTX_use_certificate_chain_file(ctx, cert) != 1 ||
                        SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1))
        ERR_clear_error(); /* unreadable: go on without one, as a server that does not ask */
    SSL_CTX_set_verify(ctx, verify && !strcmp(verify, "NO") ? SSL_VERIFY_NONE : SSL_VERIFY_PEER, NULL);
    signal(SIGPIPE, SIG_IGN);
    net_st()->tls_client_ctx = ctx;
    return ctx;
}

static bool is_ip(const char *host) {
    for (const char *p = host; *p; p++)
        if (!(*p == '.' || (*p >= '0' && *p <= '9')))
            return false;
    return *host != 0;
}

bool net_tls_connect(Conn *c, const char *host, int timeout_ms) {
    SSL_CTX *ctx = client_ctx();
    if (!ctx)
        return false;
    SSL *ssl = SSL_new(ctx);
    if (!ssl || SSL_set_fd(ssl, c->fd) != 1) {
        SSL_free(ssl);
        tls_fail("conn");
        return false;
    }
    if (!is_ip(host))
        SSL_set_tlsext_host_name(ssl, host);
    const char *verify = tls_env("SSL_VERIFY_SERVER");
    if (verify && !strcmp(verify, "HOSTIP")) {
        if (is_ip(host))
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host);
        else
            SSL_set1_host(ssl, host);
    }
    SSL_set_connect_state(ssl);
    int64_t deadline = net_now_ms() + (timeout_ms > 0 ? timeout_ms : 1);
    for (;;) {
        int r = SSL_connect(ssl);
        if (r == 1)
            break;
        int e = SSL_get_error(ssl, r);
        int64_t left = deadline - net_now_ms();
        struct pollfd pf = {.fd = c->fd, .events = e == SSL_ERROR_WANT_WRITE ? POLLOUT : POLLIN};
        if ((e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) || left <= 0 ||
            (poll(&pf, 1, (int)left) <= 0 && errno != EINTR)) {
            char msg[256];
            long v = SSL_get_verify_result(ssl);
            if (v != X509_V_OK)
                snprintf(msg, sizeof msg, "conn: %s", X509_verify_cert_error_string(v));
            else
                snprintf(msg, sizeof msg, "conn: %s", left <= 0 || e == SSL_ERROR_WANT_READ ||
                         e == SSL_ERROR_WANT_WRITE ? "timeout" : "TLS handshake failed");
            SSL_free(ssl);
            ERR_clear_error();
            kerr(msg);
            return false;
        }
    }
    c->tls = ssl;
    return true;
}

/* a dict of symbol keys (names, n of them) and values (a general list, consumed) */
static K name_dict(const char *const *names, int n, K vals) {
    K k = ktn(KS, n);
    if (!k || !vals) {
        r0(k);
        r0(vals);
        return kerr("wsfull");
    }
    for (int i = 0; i < n; i++)
        kS(k)[i] = ss((S)names[i]);
    return xD(k, vals);
}

static K empty_dict(void) { return xD(ktn(0, 0), ktn(0, 0)); }

/* an ASN1 time as OpenSSL prints it ("Jul  6 10:08:57 2021 GMT") */
static K asn1_time_text(const ASN1_TIME *t) {
    char buf[64] = "";
    BIO *b = BIO_new(BIO_s_mem());
    if (b) {
        ASN1_TIME_print(b, t);
        int n = BIO_read(b, buf, sizeof buf - 1);
        buf[n > 0 ? n : 0] = 0;
        BIO_free(b);
    }
    return kp(buf);
}

/* the peer's certificate: SUBJECT ISSUER SERIALNUMBER NOTVALIDBEFORE NOTVALIDAFTER VERIFIED
 * VERIFYERROR (x borrowed) */
static K cert_dict(SSL *ssl, X509 *x) {
    static const char *const names[] = {"SUBJECT", "ISSUER", "SERIALNUMBER", "NOTVALIDBEFORE",
                                        "NOTVALIDAFTER", "VERIFIED", "VERIFYERROR"};
    char buf[512];
    K v = ktn(0, 7);
    if (!v)
        return NULL;
    X509_NAME_oneline(X509_get_subject_name(x), buf, sizeof buf);
    kK(v)[0] = kp(buf);
    X509_NAME_oneline(X509_get_issuer_name(x), buf, sizeof buf);
    kK(v)[1] = kp(buf);
    BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get_serialNumber(x), NULL);
    char *dec = bn ? BN_bn2dec(bn) : NULL;
    kK(v)[2] = kp(dec ? dec : "");
    OPENSSL_free(dec);
    BN_free(bn);
    kK(v)[3] = asn1_time_text(X509_get0_notBefore(x));
    kK(v)[4] = asn1_time_text(X509_get0_notAfter(x));
    long res = SSL_get_verify_result(ssl);
    kK(v)[5] = kb(res == X509_V_OK);
    kK(v)[6] = kj(res);
    return name_dict(names, 7, v);
}

K net_tls_info(J handle) {
    Conn *c = handle > 0 && handle < 65536 ? net_conn((int)handle) : NULL;
    if (!c || !c->tls)
        return empty_dict();
    SSL *ssl = c->tls;
    static const char *const names[] = {"CIPHER", "PROTOCOL", "CERT"};
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
    X509 *peer = SSL_get1_peer_certificate(ssl);
#else
    X509 *peer = SSL_get_peer_certificate(ssl);
#endif
    K v = ktn(0, peer ? 3 : 2);
    if (!v) {
        X509_free(peer);
        return NULL;
    }
    kK(v)[0] = ks((S)SSL_get_cipher_name(ssl));
    kK(v)[1] = ks((S)SSL_get_version(ssl));
    if (peer) {
        kK(v)[2] = cert_dict(ssl, peer);
        X509_free(peer);
        if (!kK(v)[2]) {
            r0(v);
            return NULL;
        }
    }
    return name_dict(names, (int)v->n, v);
}

K net_tls_settings(void) {
    static const char *const names[] = {"SSLEAY_VERSION", "SSL_CERT_FILE", "SSL_CA_CERT_FILE",
                                        "SSL_CA_CERT_PATH", "SSL_KEY_FILE", "SSL_CIPHER_LIST",
                                        "SSL_VERIFY_CLIENT", "SSL_VERIFY_SERVER"};
    char dir[512], def[4][600];
    snprintf(dir, sizeof dir, "%s", X509_get_default_cert_area());
    snprintf(def[0], sizeof def[0], "%s/server-crt.pem", dir);
    snprintf(def[1], sizeof def[1], "%s/cacert.pem", dir);
    snprintf(def[2], sizeof def[2], "%s", dir);
    snprintf(def[3], sizeof def[3], "%s/server-key.pem", dir);
    const char *dflt[] = {def[0], def[1], def[2], def[3], "ALL", "NO", "YES"};
    K v = ktn(0, 8);
    if (!v)
        return NULL;
    kK(v)[0] = kp((S)OpenSSL_version(OPENSSL_VERSION));
    for (int i = 1; i < 8; i++) {
        const char *e = tls_env(names[i]);
        kK(v)[i] = kp((S)(e ? e : dflt[i - 1]));
    }
    return name_dict(names, 8, v);
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
    if (c->tls_checked || c->outbound || c->fed || c->state != CONN_HANDSHAKE)
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

static ssize_t plain_sendv(Conn *c, const struct iovec *iov, int n) {
    struct msghdr m = {.msg_iov = (struct iovec *)iov, .msg_iovlen = (size_t)n};
    return sendmsg(c->fd, &m, MSG_NOSIGNAL);
}

ssize_t net_io_sendv(Conn *c, const struct iovec *iov, int n) {
    return c->tls ? net_io_send(c, iov[0].iov_base, iov[0].iov_len) : plain_sendv(c, iov, n);
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
    if (c->tls_checked || c->outbound || c->fed || c->state != CONN_HANDSHAKE)
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

bool net_tls_connect(Conn *c, const char *host, int timeout_ms) {
    (void)c;
    (void)host;
    (void)timeout_ms;
    kerr("conn: built without TLS");
    return false;
}

K net_tls_info(J handle) {
    (void)handle;
    return xD(ktn(0, 0), ktn(0, 0));
}

K net_tls_settings(void) { return kerr("nyi: built without TLS"); }

ssize_t net_io_recv(Conn *c, G *buf, size_t n) { return recv(c->fd, buf, n, 0); }

ssize_t net_io_send(Conn *c, const G *p, size_t n) { return send(c->fd, p, n, MSG_NOSIGNAL); }

static ssize_t plain_sendv(Conn *c, const struct iovec *iov, int n) {
    struct msghdr m = {.msg_iov = (struct iovec *)iov, .msg_iovlen = (size_t)n};
    return sendmsg(c->fd, &m, MSG_NOSIGNAL);
}

ssize_t net_io_sendv(Conn *c, const struct iovec *iov, int n) { return plain_sendv(c, iov, n); }

#endif
