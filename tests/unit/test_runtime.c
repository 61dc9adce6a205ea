/* test_runtime.c -- the runtime record (base/runtime.h): a reset releases what every layer
 * holds and leaves a fresh interpreter. */
#include <string.h>

#include "lang/lang.h"
#include "net/net.h"
#include "unit.h"

static K run(const char *src) { return lang_eval(src, strlen(src)); }

TEST(runtime_reset_gives_a_fresh_interpreter) {
    CHECK(lang_init() == 0);
    K r = run("a:42\nf:{x+1}\n\\P 3\nb:`u#til 10\nb?3\n\\d .foo\n");
    CHECK(r != NULL);
    r0(r);
    CHECK(RT->fmt.settings.precision == 3);
    CHECK(RT->lang.context != sym_null);
    CHECK(RT->prim.attr_cache != NULL);
    CHECK(net_cfg()->max_connections > 0); /* the network's record exists */
    CHECK(RT->net != NULL);
    kerrn("pending", 7);
    int64_t live = mem_stats().live_blocks;
    runtime_reset();
    CHECK(mem_stats().live_blocks < live); /* the globals' values were released */
    CHECK(!RT->lang.initialised && !RT->net && !RT->prim.attr_cache && !kerr_msg());
    CHECK(RT->obj.slots == NULL && sym_count() == 0);
    CHECK(RT->fmt.settings.precision == 7 && RT->fmt.settings.console_rows == 25);
    CHECK(RT->prim.rng_state == (uint64_t)-314159);
    CHECK(lang_init() == 0);
    r = run("a");
    CHECK(!r && kerr_msg() && !strcmp(kerr_msg(), "a")); /* the old global is gone */
    kerr_clear();
    r = run("1+1");
    CHECK(r && r->t == -KJ && r->j == 2);
    r0(r);
    lang_free();
}

TEST(runtime_free_runs_each_layers_teardown_once) {
    kerrn("x", 1);
    CHECK(RT->base.on_free[RT_OBJ] != NULL);
    runtime_free();
    CHECK(!kerr_msg());
    for (int layer = 0; layer < RT_LAYERS; layer++)
        CHECK(RT->base.on_free[layer] == NULL);
    runtime_free(); /* nothing left: a second free is harmless */
    runtime_init();
    CHECK(RT->fmt.settings.precision == 7);
}
