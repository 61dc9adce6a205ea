/* auth.c -- server options and the guards around client queries: -u/-U password files
 * (user:password or user:md5(password) per line, as q reads them), -b read-only, -T query
 * timeout. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../lang/lang.h"
#include "../prim/prims.h"
#include "netint.h"

extern bool lang_read_only;       /* src/lang: refuse global writes ('noupdate) */
extern int64_t lang_deadline_ms;  /* src/lang: 'stop after this monotonic time (0: none) */

int net_configure(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((!strcmp(a, "-u") || !strcmp(a, "-U")) && i + 1 < argc) {
            net_config.users_file = argv[++i];
            FILE *fp = fopen(net_config.users_file, "r");
            if (!fp) {
                kerr(net_config.users_file);
                return -1;
            }
            fclose(fp);
        } else if (!strcmp(a, "-b")) {
            net_config.read_only = true;
        } else if (!strcmp(a, "-T") && i + 1 < argc) {
            net_config.query_timeout_s = atoi(argv[++i]);
        }
    }
    return 0;
}

/* md5 of the password as 32 lowercase hex digits, via the md5 primitive when present (the
 * temporary string is released before returning) */
static bool md5_hex(const char *password, size_t plen, char out[33]) {
    K pw = obj_strn(password, plen);
    K d = pw ? prim_md5(pw) : NULL;
    if (!d) {
        kerr_clear();
        return false;
    }
    for (int i = 0; i < 16 && i < d->n; i++)
        snprintf(out + 2 * i, 3, "%02x", kG(d)[i]);
    r0(d);
    return true;
}

/* Compares the raw handshake bytes with each user:password line.  The user name is not
 * interned: an unauthenticated peer must leave nothing behind. */
bool net_auth_check(const char *user, size_t ulen, const char *password, size_t plen) {
    if (!net_config.users_file)
        return true;
    FILE *fp = fopen(net_config.users_file, "r");
    if (!fp)
        return false;
    char line[1024];
    bool ok = false;
    char digest[33] = "";
    bool have_digest = md5_hex(password, plen, digest);
    while (!ok && fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\r\n")] = 0;
        char *colon = strchr(line, ':');
        if (!colon)
            continue;
        if ((size_t)(colon - line) != ulen || memcmp(line, user, ulen) != 0)
            continue;
        const char *want = colon + 1;
        if (strlen(want) == plen && memcmp(want, password, plen) == 0)
            ok = true;
        else if (have_digest && strlen(want) == 32 && strcmp(want, digest) == 0)
            ok = true;
    }
    fclose(fp);
    return ok;
}

void net_query_begin(void) {
    lang_read_only = net_config.read_only;
    lang_deadline_ms = net_config.query_timeout_s ? net_now_ms() + net_config.query_timeout_s * 1000LL : 0;
}

void net_query_end(void) {
    lang_read_only = false;
    lang_deadline_ms = 0;
}

K zts_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return ktj(-KP, ((J)ts.tv_sec - 946684800LL) * 1000000000LL + ts.tv_nsec);
}
