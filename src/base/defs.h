/* defs.h -- the few macros and attributes every openq source file may use. */
#ifndef OPENQ_DEFS_H
#define OPENQ_DEFS_H

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

/* openq's version (CMakeLists.txt's project VERSION, the one source of it) and the q it follows */
#ifndef OPENQ_VERSION
#define OPENQ_VERSION "unknown"
#endif
#define OPENQ_Q_VERSION "4.1"
#define OPENQ_Q_VERSION_NUM 4.1

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define UNUSED(x) (void)(x)

/* ASSERT(x): an invariant the code relies on, stated where it is owned.  Checked when NDEBUG
 * is not defined (the Debug and ASan builds `make test` runs: a broken invariant aborts with
 * file and line); compiled out of release builds, where x is not evaluated.  Only cheap
 * conditions on hot paths, and none that user input can make false (that is an error). */
#ifdef NDEBUG
#define ASSERT(x) ((void)0)
#else
#define ASSERT(x) assert(x)
#endif

#if defined(__GNUC__)
#define OQ_EXPORT __attribute__((visibility("default")))
#define OQ_NOINLINE __attribute__((noinline))
#else
#define OQ_EXPORT
#define OQ_NOINLINE
#endif

#endif
