/* auth.c -- server options and the guards around client queries: -u/-U password files
 * (user:password, user:md5(password) or user:sha1(password) per line, as q reads them),
 * -b read-only, -T query timeout. */
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <time.h>

#include "../lang/cmdline.h"
#include "../lang/lang.h"
#include "../prim/primint.h"
#include "../prim/prims.h"
#include "netint.h"

/* \p: the port listened on; \p N: listen on N instead (0 stops listening) */
static K port_command(const char *arg, size_t n) {
    if (!n)
        return ki(net_port());
    char spec[256];
    snprintf(spec, sizeof spec, "%.*s", (int)n, arg);
    if (!strcmp(spec, "0")) {
        net_unlisten();
        return obj_identity();
    }
    return net_listen(spec) < 0 ? NULL : obj_identity();
}

/* what the evaluator asks of the server (src/base/services.h) */
void net_init(void) {
    RT->svc.handle_call = net_handle_call;
    RT->svc.handle_wait = net_handle_wait;
    RT->svc.peach = net_peach;
    RT->svc.is_handle = net_is_handle;
    RT->svc.deferred = net_deferred;
    RT->svc.set_timer = net_set_timer;
    RT->svc.port = port_command;
    RT->svc.hopen = net_hopen;
    RT->svc.hclose = net_hclose;
    RT->svc.oneshot = net_oneshot;
    RT->svc.handles = net_handles;
    RT->svc.tls_info = net_tls_info;
    RT->svc.tls_settings = net_tls_settings;
    RT->svc.http_fetch = net_http_fetch;
}

int net_configure(void) {
    net_init();
    const char *users = cmdline_option('U') ? cmdline_option('U') : cmdline_option('u');
    if (users && strcmp(users, "1") != 0) { /* -u 1 only blocks system commands */
        net_cfg()->users_file = users;
        FILE *fp = fopen(users, "r");
        if (!fp) {
            kerr(users);
            return -1;
        }
        fclose(fp);
    }
    if (cmdline_option('b'))
        net_cfg()->read_only = true;
    if (net_tls_configure() < 0)
        return -1;
    const char *timeout = cmdline_option('T');
    if (timeout)
        net_cfg()->query_timeout_s = atoi(timeout);
    return 0;
}

/* digest(password) as lowercase hex digits in out (2 * bytes + 1 long); false when it could
 * not be computed (the temporary string is released before returning) */
static bool digest_hex(K (*digest)(K), const char *password, size_t plen, char *out, int bytes) {
    K pw = obj_strn(password, plen);
    K d = pw ? digest(pw) : NULL;
    bool ok = d && d->t == KG && d->n == bytes;
    for (int i = 0; ok && i < bytes; i++)
        snprintf(out + 2 * i, 3, "%02x", kG(d)[i]);
    if (!d)
        kerr_clear();
    r0(d);
    return ok;
}

/* Compares the raw handshake bytes with each user:password line (ref basics/cmdline.md -U):
 * the password as text, or its MD5 or SHA-1 as hex digits (either case).  A line too long
 * to be a credential is skipped whole.  The user name is not interned: an unauthenticated
 * peer must leave nothing behind. */
bool net_auth_check(const char *user, size_t ulen, const char *password, size_t plen) {
    if (!net_cfg()->users_file)
        return true;
    FILE *fp = fopen(net_cfg()->users_file, "r");
    if (!fp)
        return false;
    char line[1024], md5[33] = "", sha1[41] = "";
    bool have_md5 = digest_hex(prim_md5, password, plen, md5, 16);
    bool have_sha1 = digest_hex(prim_sha1, password, plen, sha1, 20);
    bool ok = false, rest = false; /* rest: inside the tail of a line too long for `line` */
    while (!ok && fgets(line, sizeof line, fp)) {
        size_t len = strcspn(line, "\r\n");
        bool whole = line[len] != 0 || feof(fp);
        bool skip = rest || !whole;
        rest = !whole;
        line[len] = 0;
        char *colon = strchr(line, ':');
        if (skip || !colon || (size_t)(colon - line) != ulen || memcmp(line, user, ulen) != 0)
            continue;
        const char *want = colon + 1;
        size_t wn = strlen(want);
        ok = (wn == plen && memcmp(want, password, plen) == 0) ||
             (have_md5 && wn == 32 && strcasecmp(want, md5) == 0) ||
             (have_sha1 && wn == 40 && strcasecmp(want, sha1) == 0);
    }
    fclose(fp);
    return ok;
}

NetGuards net_query_begin(void) {
    NetGuards saved = {RT->lang.read_only, RT->lang.deadline_ms};
    RT->lang.read_only = saved.read_only || net_cfg()->read_only;
    if (net_cfg()->query_timeout_s) { /* the earlier deadline wins */
        int64_t mine = net_now_ms() + net_cfg()->query_timeout_s * 1000LL;
        if (!RT->lang.deadline_ms || mine < RT->lang.deadline_ms)
            RT->lang.deadline_ms = mine;
    }
    return saved;
}

void net_query_end(NetGuards saved) {
    RT->lang.read_only = saved.read_only;
    RT->lang.deadline_ms = saved.deadline_ms;
}

K zts_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return ktj(-KP, ((J)ts.tv_sec - 946684800LL) * 1000000000LL + ts.tv_nsec);
}
