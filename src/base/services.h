/* services.h -- what a lower layer needs from a higher one, in one table.
 *
 * The layers (docs/internals.md) call only downward. Where a lower layer must reach a higher
 * one -- the value model dropping a primitive's index, a primitive applying a function or
 * reading a global, the evaluator writing to a handle -- it calls through this table, RT->svc
 * (runtime.h), which the higher layer fills when it starts (prim_init, lang_init, net_init,
 * py_register_namespace, the console); a runtime reset keeps it. An
 * entry left NULL means that layer is not linked or not started: callers say what then
 * happens (usually 'nyi, or the plain behaviour without it). Nothing else crosses upward:
 * tests/contracts/layers.py fails on an upward include, an upward call or a weak symbol. */
#ifndef OPENQ_SERVICES_H
#define OPENQ_SERVICES_H

#include <stdbool.h>

#include "../../include/k.h"

typedef struct Services {
    /* ---- filled by src/prim (prim_init) ---- */
    /* a u# or g# list is freed or changed in place: drop the hash index kept for it */
    void (*forget_index)(const K x);

    /* ---- filled by src/lang (lang_init) ---- */
    /* f applied to args (consumed); NULL + error */
    K (*apply)(K f, K *args, int n);
    /* the global named (new reference), or NULL with 'name pending */
    K (*global_get)(S name);
    /* the names in namespace ns (` : the namespaces, `. : the root) */
    K (*global_names)(S ns);
    /* `name set v in the current context: v, or NULL ('noupdate when read-only) */
    K (*assign_global)(S name, K v);
    /* store v (consumed) under the full name; < 0 on failure */
    int (*set_global)(S name, K v);
    /* the plain global named, its reference moved to the caller (the entry holds :: until
     * set again), so an owner may append to it in place; NULL without error when there is
     * no such value or updates are refused */
    K (*global_take)(S name);
    /* the -T deadline or Ctrl-C has passed: long loops stop with 'stop */
    bool (*past_deadline)(void);
    /* count of a partitioned table, -1 when t is not one */
    J (*part_count)(const K t);
    /* rows (a long vector in ascending order, consumed) of partitioned table t (consumed) */
    K (*part_rows)(K t, K rows);
    /* the primitive object keyword `name` (n bytes) names, or NULL (no error) when none does:
     * -9! of a function q.k defines, sent as its definition or its name (PROTOCOL.md 4.8) */
    K (*keyword)(const char *name, size_t n);

    /* ---- filled by src/net (net_init) ---- */
    K (*handle_call)(J handle, K msg);   /* h msg (sync) or neg[h] msg (async); msg consumed */
    K (*handle_wait)(J handle);          /* h[]: the next async message or response on h */
    bool (*is_handle)(J handle);         /* an open connection */
    /* peach with \s < 0: msgs[i] to the processes of handles (borrowed), replies in order */
    K (*peach)(const K handles, K msgs);
    K (*deferred)(K x);                  /* -30!x: a deferred reply */
    void (*set_timer)(J ms);             /* \t: the .z.ts period changed */
    K (*port)(const char *arg, size_t n);/* \p with an argument: listen there */
    K (*hopen)(K spec, int timeout_ms);  /* hopen of a host:port or unix socket (consumed) */
    K (*hclose)(J handle);               /* NULL without error when handle is no connection */
    /* `:host:port msg, `::[(spec;timeout);msg]: open, one sync request, close (both consumed);
     * `:ws://host:port "GET ...": a WebSocket opened as a client, (handle;response) */
    K (*oneshot)(K spec, K msg);
    K (*handles)(bool sizes);            /* .z.H (s# handles) or .z.W (handles!bytes queued) */
    K (*tls_info)(J handle);             /* .z.e, -26!h: a connection's TLS details (()!() if plain) */
    K (*tls_settings)(void);             /* (-26!)[]: the process's TLS settings */
    /* .Q.hg (ctype NULL) and .Q.hp: url's body by HTTP[S] GET or POST (all borrowed) */
    K (*http_fetch)(const K url, const K ctype, const K body);

    /* ---- filled by src/py (py_ensure) ---- */
    /* \l of path: NULL without error when this layer does not handle it */
    K (*load)(const char *path);

    /* ---- filled by the console (app/console.c) ---- */
    /* an error leaving a lambda: the q)) debugger at that frame */
    void (*suspend)(const char *msg, K lambda);
} Services;

#endif
