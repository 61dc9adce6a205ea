/* runtime.h -- every piece of the engine's mutable state, in one record.
 *
 * The engine keeps no state in file-level variables: what it remembers between calls lives
 * in a Runtime, one sub-record per layer in layer order, and code reaches it through RT.
 * Today RT is one process-wide pointer to a default instance; because nothing else holds
 * state, a later step can make it thread-local or one per interpreter without touching the
 * code that uses it.  New state goes here, in its layer's sub-record, never in a static.
 *
 * The record is plain C: types owned by a higher layer appear as pointers to incomplete
 * structs (their layout stays in that layer), or as the plain C types they are made of, so
 * this header includes nothing above src/base.
 *
 * Lifetime.  The default instance starts initialised, so the k.h API and the tests work
 * without a call.  runtime_free() releases what the runtime holds: each layer above base
 * that created state registered its teardown (runtime_on_free) when it did, and those run
 * from the top layer down; then the record is left empty.  runtime_init() gives an empty
 * record its start-up values; runtime_reset() is both (test isolation: a fresh interpreter).
 * Three records outlive a reset: the allocator's (mem: pools, counters, limit, failure
 * injection), because blocks still alive belong to it, the service table (svc: the layers'
 * wiring, filled once at start-up), and the Python bridge's (py), because the CPython it
 * refers to cannot be restarted in the process.
 *
 * Not here, on purpose (tests/contracts/globals.py lists them): the SIGINT request
 * (intr.h: written by a signal handler, so a volatile sig_atomic_t of its own), the stack
 * floor (stack.h: a property of the calling thread, not of a runtime). */
#ifndef OPENQ_RUNTIME_H
#define OPENQ_RUNTIME_H

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "mem.h"
#include "pool.h"
#include "services.h"

struct k0;
typedef struct k0 *K; /* as obj.h (include/k.h) defines it */

/* the layers that keep state, lowest first: the order teardowns run in, reversed */
enum { RT_OBJ, RT_PRIM, RT_LANG, RT_NET, RT_PY, RT_LAYERS };

#define RT_ENUM_DOMAINS 57     /* enumeration types 20..76 (obj.h: KENUM..KENUM_LAST) */
#define RT_TRACE_FRAMES 64     /* lambda frames an error trace keeps */
#define RT_WHERE_BYTES 2048    /* the failing script statement's text */
#define RT_FILE_HANDLES 65536  /* file handles hopen may give out (one bit each) */

/* an error trace's frame (eval.c): the lambdas an error unwound through */
struct RtTraceFrame {
    K lambda;         /* the lambda (a reference) */
    const void *node; /* where in it the error arose */
    int depth;        /* its call depth: [1] is called from the console */
};

/* a console input while it runs (toplevel.c, on its C stack): the backtrace's frame [0] */
struct RtInput {
    const char *src;       /* its text (borrowed) */
    size_t n;              /* its length */
    long at;               /* the offset of the application in progress at top level, or -1 */
    struct RtInput *outer; /* the input it runs inside (a q)) prompt's), or NULL */
};

/* the loaded database (part.c; one per runtime, as q keeps one per process) */
struct RtHdb {
    char *pf;    /* partition field: `date `month `year `int (a symbol); NULL when none */
    K pv;        /* partition values in order (.Q.PV): a date, month or int vector */
    K dirs;      /* each partition's directory (char vectors, absolute), conformant to pv */
    K roots;     /* each partition's root (symbols `:root), conformant to pv (.Q.PD) */
    K inview;    /* booleans conformant to pv: the partitions .Q.view leaves to queries */
    K pt;        /* the partitioned tables' names */
    K protos;    /* each table's prototype (see the head of part.c), conformant to pt */
    K counts;    /* each table's rows per partition (longs, nj until counted) */
    K vp;        /* .Q.vp: table name -> prototype of the tables .Q.bv lets miss partitions */
    K seen;      /* the tables .Q.bv found in each partition (symbols; :: until scanned) */
    bool first;  /* .Q.bv[`]: .Q.vp's prototypes come from the first partition, not the last */
    char *base;  /* the database's directory, absolute: where .Q.li looks */
    char *label; /* the name .Q.PD gives the database's own root (`:. or the path given) */
};

/* the display settings (fmt.h's FmtSettings) */
struct FmtSettings {
    int precision;    /* \P: significant digits for floats, 0 = maximum (17); default 7 */
    int console_rows; /* \c rows (default 25) */
    int console_cols; /* \c columns (default 80) */
};

typedef struct Runtime {
    /* ---- base: the allocator (outlives a reset) and the teardowns ------------------------ */
    struct RtMem {
        void *free_lists[MEM_MAX_CLASS + 1]; /* per-class reusable blocks (mem.c) */
        MemStats stats;                      /* counters reported by mem_stats */
        int64_t fail_countdown;              /* >0: fail when it reaches 0 */
        int64_t byte_limit;                  /* -w: live bytes allowed, 0 = no limit */
    } mem;
    struct {
        void (*on_free[RT_LAYERS])(void); /* each layer's teardown, registered with its state */
    } base;
    Services svc;                         /* what lower layers call above them (services.h;
                                           * filled at start-up, outlives a reset) */
    struct RtPool {                       /* pool.c: the secondary threads (-s, \s) */
        int setting;                      /* \s: threads parallel work may use; < 0: peach
                                           * over processes (.z.pd) */
        int started;                      /* workers running */
        bool ready;                       /* lock and conditions initialised */
        bool quit;                        /* pool_stop: workers leave */
        bool exit_hooked;                 /* pool_stop is registered with atexit */
        pthread_t tid[POOL_MAX_THREADS];  /* the workers */
        pthread_mutex_t lock;             /* guards the job, generation, active, quit */
        pthread_cond_t wake;              /* a job was posted (or quit) */
        pthread_cond_t idle;              /* active dropped to 0 */
        uint64_t generation;              /* jobs posted: a worker runs each one once */
        int active;                       /* workers inside the current job */
        PoolTask task;                    /* the job: task(ctx, part) for part < parts */
        void *ctx;
        int64_t parts;
        atomic_int_fast64_t next;         /* the next part to claim */
    } pool;

    /* ---- obj: symbols, the pending error, enumeration domains ---------------------------- */
    struct {
        char **slots;          /* open-addressing table of interned symbols; NULL = empty */
        size_t slot_mask;      /* table size - 1 (a power of two) */
        size_t sym_count;      /* symbols interned */
        struct Chunk *chunks;  /* newest arena chunk of symbol texts */
        char *pending_error;   /* malloc'd text of the pending error, NULL when none */
        char *enum_domains[RT_ENUM_DOMAINS]; /* domain name of each enumeration type */
    } obj;

    /* ---- prim: caches and settings of the primitives ------------------------------------- */
    struct {
        struct AttrCache *attr_cache; /* index.c: u#/g# hash indexes kept per list, or NULL */
        uint64_t rng_state;           /* rand.c, \S: the seed (q's at start-up) */
        bool date_dmy;                /* \z 1: dates parse as dd/mm/yyyy */
        int merge_op;                 /* arith.c: the operator a dict merge is combining with */
        bool compare_stopped;         /* sort.c: a comparison sort ran out of time ('stop) */
        uint64_t open_files[RT_FILE_HANDLES / 64]; /* file.c: descriptors hopen gave out */
    } prim;

    /* ---- fmt: console display ------------------------------------------------------------ */
    struct {
        struct FmtSettings settings; /* \P \c */
    } fmt;

    /* ---- lang: the interpreter ----------------------------------------------------------- */
    struct {
        bool initialised;          /* lang_init ran (boot.q loaded) */
        /* env.c: globals */
        struct Namespace **spaces; /* every namespace, root first */
        size_t nspaces;            /* how many */
        char *context;             /* current context (\d), sym_null = root */
        K view_names, view_texts;  /* views' names and source texts */
        /* eval.c: evaluation */
        struct Frame *current_frame; /* the innermost running lambda's frame */
        struct {
            struct Frame *frame;   /* the suspended frame console input sees, or NULL */
            struct Frame *base;    /* the innermost suspended frame (where the error arose), or NULL */
            bool top;              /* the current frame is [0], the console input (frame NULL) */
            const char *msg;       /* the suspended error's text (borrowed from suspend()) */
            char signal[256];      /* 'err typed at q)): the error the frame is cut back with */
            bool signalled;        /* signal is set: the level ends, the frame unwinds with it */
            K resume;              /* :e typed at q)): the level ends, e is the failed operation's result (owned) */
            struct Frame *cut;     /* the frame 'err cut back: it unwinds without suspending again */
            const void *failed;    /* the application node that failed first (borrowed) */
            bool offered;          /* the pending error was offered to the hook already */
        } suspend;                 /* the debug prompt's state (lang_suspend_hook) */
        struct RtInput *input;     /* the console input running now (toplevel.c), or NULL */
        int eval_depth;            /* lambda calls in progress */
        int trap_depth;            /* traps running (@[..] .[..]): errors are caught */
        int peach_depth;           /* peach bodies running as kdb+'s secondary threads would
                                    * (iter.c): they may not store globals ('noupdate) */
        int http_rows, http_cols;  /* \C: the HTTP display size (36 2000) */
        const void *error_node;    /* the head of the application that failed first at top level */
        const void *pattern_fail_node; /* the sub-pattern that failed (the console's caret) */
        long parse_error_at;       /* 1 + the source offset of the parser's last error (its caret), 0 none */
        bool read_only;            /* read-only mode (lang.h): -b client queries, reval */
        int64_t deadline_ms;       /* -T: monotonic ms after which evaluation stops, 0 = none */
        unsigned deadline_tick;    /* eval_past_deadline reads the clock every 256th call */
        struct RtTraceFrame trace[RT_TRACE_FRAMES]; /* the last error's lambda frames */
        int trace_n;               /* frames in trace */
        char *trace_text;          /* eval_trace_text's last result (malloc'd) */
        /* parse.c: side tables */
        struct NodePos *node_pos;  /* positions noted while tracking */
        size_t node_pos_n, node_pos_cap;
        bool track_positions;      /* parse_track_positions was asked for */
        struct LambdaOrigin *origins; /* where each parsed lambda came from */
        size_t origins_n, origins_cap;
        const char *origin_file;   /* the script being parsed (parse_set_origin), or NULL */
        long origin_line;          /* the line its text starts on */
        /* script.c */
        char script_where[RT_WHERE_BYTES]; /* "file:line: statement" of the last failure */
        /* cmdline.c: the command line */
        struct {
            const char *script;      /* the file to load first, or NULL */
            const char *value[128];  /* per letter: its first value, "" for a flag; NULL when absent */
            const char *value2[128]; /* per letter: the second value (-c -C), or NULL */
            bool parsed;             /* cmdline_parse has run */
        } cmd;
        /* zvals.c */
        K z_args;                  /* .z.x: the arguments q does not consume (strings) */
        K z_raw;                   /* .z.X: the whole command line (strings) */
        char *z_script;            /* .z.f: the script file (a symbol) */
        /* sys.c */
        int64_t timer_ms;          /* \t: the .z.ts period as set (the server's loop runs it) */
        /* part.c */
        struct RtHdb hdb;          /* the loaded database */
    } lang;

    /* ---- net: the loop, listeners, connections (netint.h), allocated on first use -------- */
    struct NetState *net;

    /* ---- py: the Python bridge (outlives a reset: CPython, once started, stays) ----------- */
    struct RtPy {
        bool in_extension;        /* openq was imported by a running Python */
        int default_mode;         /* .pykx.setdefault (PYC_*) */
        struct _object *np_mod;   /* numpy, imported on first use */
        struct _object *pd_mod;   /* pandas, imported on first use */
        struct _object *wrap_fn;  /* wraps KRefs into openq.K subclasses (openq/__init__.py) */
        struct _object *qerror;   /* openq.QError */
        struct {
            volatile sig_atomic_t depth; /* nested entries from q into Python (py_interrupt) */
            volatile sig_atomic_t have_timer; /* `timer` was created */
            timer_t timer;        /* the POSIX timer (SIGEV_THREAD) */
            bool armed;           /* a deadline is being enforced for the outermost entry */
            volatile sig_atomic_t interrupt_armed; /* py_interrupt started the timer */
            bool tripped;         /* the deadline or Ctrl-C raised in Python: the error is 'stop */
            unsigned long thread; /* the Python thread id that entered */
        } deadline;               /* pyembed.c: -T inside Python calls (GIL held) */
        atomic_bool deadline_in_flight; /* a timer thread is waiting for the GIL */
    } py;
} Runtime;

/* The runtime code runs against.  The only mutable global of the engine besides the default
 * instance it points to (hidden: a PC-relative load, no GOT). */
extern Runtime *oq_rt __attribute__((visibility("hidden")));
#define RT oq_rt

/* give the (empty) record its start-up values */
void runtime_init(void);
/* release everything the runtime holds, top layer first; the record is left empty */
void runtime_free(void);
/* runtime_free, then runtime_init: a fresh runtime (the allocator's record kept) */
void runtime_reset(void);
/* layer (RT_*) created state that fn releases: fn runs at runtime_free */
static inline void runtime_on_free(int layer, void (*fn)(void)) { RT->base.on_free[layer] = fn; }

#endif
