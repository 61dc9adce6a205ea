/* zvals.c -- the .z values computed when read: clocks (.z.p .z.t ...), the process and the
 * host (.z.i .z.h .z.o .z.K .z.k .z.l), the command line (.z.x .z.f .z.q), the connections
 * (.z.H .z.W, from the server), views' dependencies (.z.b), blocked updates (.z.r).  Values
 * the server sets per
 * connection (.z.w .z.u .z.a) are ordinary globals it assigns. */
#include <math.h>
#include <pwd.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "lang_int.h"

/* set .z.x and .z.X (both consumed) and .z.f (cmdline.c) */
void zvals_set_args(K x, K raw, const char *script) {
    r0(RT->lang.z_args);
    r0(RT->lang.z_raw);
    RT->lang.z_args = x;
    RT->lang.z_raw = raw;
    RT->lang.z_script = script ? ss((S)script) : sym_null;
}

void zvals_free(void) {
    r0(RT->lang.z_args);
    r0(RT->lang.z_raw);
    RT->lang.z_args = RT->lang.z_raw = NULL;
}

/* nanoseconds since 2000.01.01, UTC or local */
static J now_ns(bool local) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    J ns = ((J)ts.tv_sec - 946684800LL) * 1000000000LL + ts.tv_nsec;
    if (local) {
        struct tm tm;
        time_t t = ts.tv_sec;
        localtime_r(&t, &tm);
        ns += (J)tm.tm_gmtoff * 1000000000LL;
    }
    return ns;
}

static J floor_day(J ns) { return ns >= 0 ? ns / NS_PER_DAY : (ns - NS_PER_DAY + 1) / NS_PER_DAY; }

K zvals_get(S name) {
    if (strncmp(name, ".z.", 3) != 0 || !name[3] || name[4])
        return NULL;
    char c = name[3];
    bool local = c >= 'A' && c <= 'Z';
    char lc = local ? (char)(c - 'A' + 'a') : c;
    J ns = now_ns(local);
    switch (lc) {
    case 'p': return ktj(-KP, ns);
    case 'n': return ktj(-KN, ns - floor_day(ns) * NS_PER_DAY);
    case 'd': return kd((I)floor_day(ns));
    case 't': return kt((I)((ns - floor_day(ns) * NS_PER_DAY) / 1000000));
    case 'z': return kz((F)ns / NS_PER_DAY);
    }
    if (local && c != 'K' && c != 'P' && c != 'X' && c != 'H' && c != 'W')
        return NULL;
    switch (c) {
    case 'K': return kf(OPENQ_Q_VERSION_NUM);
    case 'k': return kd(ymd(2026, 11, 24));
    case 'o': return ks("l64");
    case 'i': return ki((I)getpid());
    case 'h': {
        char host[256] = "localhost";
        gethostname(host, sizeof host - 1);
        return ks(host);
    }
    case 'u': { /* the OS user (a client's user is a global the server sets) */
        const struct passwd *pw = getpwuid(geteuid());
        const char *u = pw ? pw->pw_name : getenv("USER");
        return ks((S)(u ? u : ""));
    }
    case 'a': return ki(0);
    case 'w': return ki(0);
    case 'e': { /* the current connection's TLS details (.z.w, which the server sets) */
        K w = env_get(ss(".z.w"));
        J h = w && w->t == -KI ? w->i : 0;
        r0(w);
        kerr_clear();
        return RT->svc.tls_info ? RT->svc.tls_info(h) : xD(ktn(0, 0), ktn(0, 0));
    }
    case 'x': return RT->lang.z_args ? r1(RT->lang.z_args) : ktn(0, 0);
    case 'X': return RT->lang.z_raw ? r1(RT->lang.z_raw) : ktn(0, 0);
    case 'f': { K s = obj_atom(-KS); if (s) s->s = RT->lang.z_script ? RT->lang.z_script : sym_null; return s; }
    case 'c': return ki((I)sysconf(_SC_NPROCESSORS_ONLN));
    case 'b': return env_view_dependencies();
    case 'l': return ktn(0, 0); /* no licence: q's answer for its free edition */
    case 'q': return kb(RT->lang.cmd.value['q'] != NULL);
    case 'r': /* an update here would be blocked: -b, reval, a peach body */
        return kb(RT->lang.read_only || RT->lang.cmd.value['b'] != NULL || RT->lang.peach_depth > 0);
    case 'H': /* the open connections' handles, s# (ref/dotz.md) */
    case 'W': /* handles!bytes queued to each, I!J as q 4.1 */
        if (RT->svc.handles)
            return RT->svc.handles(c == 'W');
        return c == 'W' ? xD(ktn(KI, 0), ktn(KJ, 0)) : ktn(KI, 0);
    }
    return NULL;
}

/* ---- gtime ltime: between local time and UTC --------------------------------------------- */

/* the local zone's offset from UTC in seconds at the instant ns (since 2000.01.01 UTC) */
static J zone_offset(J ns) {
    time_t t = (time_t)(ns / 1000000000LL + 946684800LL);
    struct tm tm;
    localtime_r(&t, &tm);
    return (J)tm.tm_gmtoff;
}

/* shift a timestamp or datetime (atom or vector; other types unchanged) to or from UTC */
static K shift_zone(K x, int dir) {
    int t = x->t < 0 ? -x->t : x->t;
    if (t != KP && t != KZ) {
        r0(x);
        return kerr("type");
    }
    x = obj_own(x);
    if (!x)
        return NULL;
    J n = x->t < 0 ? 1 : x->n;
    for (J i = 0; i < n; i++) {
        if (t == KP) {
            J *p = x->t < 0 ? &x->j : &kJ(x)[i];
            if (*p == nj || *p > wj - NS_PER_DAY || *p < -wj + NS_PER_DAY) /* nulls, the ends */
                continue;
            /* gtime: the offset at the UTC instant is found from the local reading */
            J off = zone_offset(dir > 0 ? *p : *p - zone_offset(*p) * 1000000000LL);
            *p += dir * off * 1000000000LL;
        } else {
            F *p = x->t < 0 ? &x->f : &kF(x)[i];
            if (!(fabs(*p) < 1e5)) /* nulls, infinities, beyond 2273: no zone to apply */
                continue;
            J ns = (J)(*p * (F)NS_PER_DAY);
            J off = zone_offset(dir > 0 ? ns : ns - zone_offset(ns) * 1000000000LL);
            *p += dir * (F)off / 86400.0;
        }
    }
    return x;
}

K prim_ltime(K x) {
    PRIM_ARGS1(x);
    return shift_zone(x, 1);
}
K prim_gtime(K x) {
    PRIM_ARGS1(x);
    return shift_zone(x, -1);
}
