/* bench_net.c -- the server's round trip and async throughput as ratios to a raw C TCP
 * ping-pong measured in the same run.  Usage: bench_net OPENQ_BINARY (one core: run under
 * taskset -c 1; "two" as a second argument pins the server and the client to cores 0 and 1). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <stdbool.h>
#include <time.h>
#include <unistd.h>

#include "k.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void pin(int core) {
    if (core < 0)
        return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(core, &set);
    sched_setaffinity(0, sizeof set, &set);
}

static int listen_any(int *port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    bind(fd, (struct sockaddr *)&a, sizeof a);
    listen(fd, 4);
    socklen_t l = sizeof a;
    getsockname(fd, (struct sockaddr *)&a, &l);
    *port = ntohs(a.sin_port);
    return fd;
}

static int connect_to(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    for (int i = 0; i < 200 && connect(fd, (struct sockaddr *)&a, sizeof a) < 0; i++)
        usleep(10000);
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

static void full(int fd, char *p, size_t n, bool rd) {
    while (n) {
        ssize_t r = rd ? read(fd, p, n) : write(fd, p, n);
        if (r <= 0)
            exit(1);
        p += r;
        n -= (size_t)r;
    }
}

/* raw ping-pong: the same message sizes as `1+1` (22 bytes) and its reply (17 bytes) */
static double raw_round_trips(int n, int server_core, int client_core) {
    int port, lfd = listen_any(&port);
    pid_t pid = fork();
    if (pid == 0) {
        pin(server_core);
        int one = 1, c = accept(lfd, NULL, NULL);
        setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        char buf[64];
        for (;;) {
            ssize_t r = read(c, buf, 22);
            if (r <= 0)
                _exit(0);
            if (r < 22)
                full(c, buf + r, (size_t)(22 - r), true);
            full(c, buf, 17, false);
        }
    }
    close(lfd);
    pin(client_core);
    int fd = connect_to(port);
    char buf[64] = {0};
    double t0 = now();
    for (int i = 0; i < n; i++) {
        full(fd, buf, 22, false);
        full(fd, buf, 17, true);
    }
    double t = now() - t0;
    close(fd);
    waitpid(pid, NULL, 0);
    return t;
}

int main(int argc, char **argv) {
    const char *binary = argc > 1 ? argv[1] : "build/openq";
    bool two = argc > 2 && !strcmp(argv[2], "two");
    int sc = two ? 0 : -1, cc = two ? 1 : -1;
    int n = 50000;
    double raw = raw_round_trips(n, sc, cc);
    int port, lfd = listen_any(&port);
    close(lfd);
    pid_t pid = fork();
    if (pid == 0) {
        pin(sc);
        char ps[16];
        snprintf(ps, sizeof ps, "%d", port);
        int devnull = open("/dev/null", 0);
        dup2(devnull, 0);
        execl(binary, binary, "-p", ps, (char *)NULL);
        _exit(1);
    }
    pin(cc);
    I h = 0;
    for (int i = 0; i < 200 && h <= 0; i++) {
        h = khp("127.0.0.1", port);
        if (h <= 0)
            usleep(10000);
    }
    if (h <= 0) {
        fprintf(stderr, "bench_net: cannot connect\n");
        kill(pid, SIGKILL);
        return 1;
    }
    for (int i = 0; i < 1000; i++)
        r0(k(h, "1+1", (K)0));
    double t0 = now();
    for (int i = 0; i < n; i++)
        r0(k(h, "1+1", (K)0));
    double ours = now() - t0;
    const char *mode = two ? "two cores" : "one core";
    printf("sync round trip 1+1 (%s)         %6.1f us   raw ping-pong %6.1f us   ratio %.2f\n", mode,
           ours / n * 1e6, raw / n * 1e6, raw / ours);
    int m = 200000;
    t0 = now();
    for (int i = 0; i < m; i++)
        r0(k(-h, "a:1", (K)0));
    r0(k(h, "", (K)0)); /* a sync barrier: every async message was handled */
    double async_t = now() - t0;
    printf("async messages a:1 (%s)          %8.0f msg/s  (raw round trips %8.0f /s)  ratio %.2f\n", mode,
           m / async_t, n / raw, (m / async_t) / (n / raw));
    /* a 1 GB table (two float columns) from the server, against memcpy of the same bytes */
    r0(k(h, "t:([]a:67108864?1.0;b:67108864?1.0)", (K)0));
    t0 = now();
    K t = k(h, "t", (K)0);
    double tt = now() - t0;
    size_t bytes = (size_t)67108864 * 16;
    char *src = malloc(bytes), *dst = malloc(bytes);
    for (size_t i = 0; i < bytes; i += 4096)
        src[i] = (char)(i >> 12), dst[i] = 0; /* touch every page of both */
    t0 = now();
    memcpy(dst, src, bytes);
    double mc = now() - t0;
    if (dst[bytes / 2] != src[bytes / 2]) /* keeps the copy from being optimised away */
        fprintf(stderr, "memcpy check failed\n");
    printf("1 GB table transfer (%s)         %6.0f ms   memcpy %6.0f ms   ratio %.2f   (%s)\n", mode, tt * 1e3,
           mc * 1e3, mc / tt, t && t->t == XT ? "ok" : "failed");
    r0(t);
    free(src);
    free(dst);
    kclose(h);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    return 0;
}
