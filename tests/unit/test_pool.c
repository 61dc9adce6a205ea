/* test_pool.c -- the secondary threads' pool (base/pool.h): every part runs exactly once,
 * whatever the thread count, jobs follow one another, and the workers stop and restart. */
#include <stdatomic.h>
#include <string.h>

#include "base/pool.h"
#include "base/runtime.h"
#include "unit.h"

#define PARTS 1000

typedef struct {
    atomic_int runs[PARTS]; /* how often each part ran */
    int64_t value[PARTS];   /* what each part wrote (its own slot only) */
} Job;

static void square_part(void *ctx, int64_t part) {
    Job *j = ctx;
    atomic_fetch_add(&j->runs[part], 1);
    j->value[part] = part * part;
}

static bool job_ok(const Job *j, int64_t parts) {
    for (int64_t i = 0; i < parts; i++)
        if (atomic_load(&j->runs[i]) != 1 || j->value[i] != i * i)
            return false;
    return true;
}

static Job job;

TEST(pool_runs_every_part_once_for_any_thread_count) {
    int before = pool_setting();
    static const int counts[] = {0, 1, 2, 3, 8, 2, 0};
    for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
        pool_set(counts[c]);
        for (int64_t parts = 0; parts <= PARTS; parts += parts < 4 ? 1 : 331) {
            for (int round = 0; round < 20; round++) {
                memset(&job, 0, sizeof job);
                pool_run(square_part, &job, parts);
                CHECK(job_ok(&job, parts));
            }
        }
        CHECK(RT->pool.started <= (counts[c] > 0 ? 8 : 8));
    }
    pool_set(3);
    memset(&job, 0, sizeof job);
    pool_run(square_part, &job, PARTS);
    CHECK(RT->pool.started == 8); /* the pool never shrinks until stopped */
    pool_stop();
    CHECK(RT->pool.started == 0 && !RT->pool.ready);
    memset(&job, 0, sizeof job);
    pool_run(square_part, &job, PARTS); /* restarted on demand */
    CHECK(job_ok(&job, PARTS) && RT->pool.started == 3);
    pool_set(-4); /* processes: no threads */
    CHECK(pool_threads() == 0);
    memset(&job, 0, sizeof job);
    pool_run(square_part, &job, PARTS);
    CHECK(job_ok(&job, PARTS));
    pool_stop();
    pool_set(before);
}
