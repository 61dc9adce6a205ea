/* net.h -- the q server: listening sockets, connections, handshake, dispatch to .z hooks,
 * and outbound handles (hopen).  One epoll loop; see docs/internals.md. */
#ifndef OPENQ_NET_H
#define OPENQ_NET_H

#include "../obj/obj.h"

int net_init(void);
void net_free(void);
/* listen on "port" or "host:port" (TCP) and the abstract unix socket @/tmp/kx.PORT;
 * returns the port bound (useful with 0: an ephemeral port), or -1 with the error pending */
int net_listen(const char *spec);
/* one turn of the loop: wait at most timeout_ms for events and handle them; returns the
 * number of events handled or -1 */
int net_poll(int timeout_ms);
/* serve until exit is requested */
int net_run(void);

#endif
