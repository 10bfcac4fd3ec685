/*
 * Forced into every compile of the native module (native.mjs). Debian 12 has glibc 2.36; a module linked
 * here would ask for symbol versions that 统信 UOS 20 and 银河麒麟 V10 (glibc 2.28) lack and fail to load.
 * - dl* and pthread_* got new versions when libdl and libpthread were merged into libc (2.34), the math
 *   functions new ones in 2.29: each is bound to its version from before, which glibc still exports.
 * - stat64/lstat64/fstat64 became real functions in 2.33; before, they were wrappers around __xstat64 and
 *   friends. The link wraps them (-Wl,--wrap, native.mjs) to call those, which every glibc exports.
 * - libstdc++ 3.4.29 (GCC 11) added std::__throw_bad_array_new_length, which GCC 12's headers call; the
 *   systems above have GCC 8's libstdc++. A weak definition here keeps the module from asking for it.
 * test/dist checks the finished module asks for nothing newer than GLIBC_2.28 and GLIBCXX_3.4.25.
 */
#if defined(__x86_64__)
#define SANBAN_OLD_GLIBC "GLIBC_2.2.5"
#define SANBAN_STAT_VER 1
#elif defined(__aarch64__)
#define SANBAN_OLD_GLIBC "GLIBC_2.17"
#define SANBAN_STAT_VER 0
#endif
#ifdef SANBAN_OLD_GLIBC
#define SANBAN_OLD(name) __asm__(".symver " #name "," #name "@" SANBAN_OLD_GLIBC)
SANBAN_OLD(dlopen); SANBAN_OLD(dlsym); SANBAN_OLD(dlclose); SANBAN_OLD(dlerror);
SANBAN_OLD(pthread_create); SANBAN_OLD(pthread_join); SANBAN_OLD(pthread_key_create); SANBAN_OLD(pthread_once);
SANBAN_OLD(pthread_mutex_trylock); SANBAN_OLD(pthread_mutexattr_init); SANBAN_OLD(pthread_mutexattr_settype);
SANBAN_OLD(pthread_mutexattr_destroy);
SANBAN_OLD(exp); SANBAN_OLD(log); SANBAN_OLD(log2); SANBAN_OLD(pow);
SANBAN_OLD(__xstat64); SANBAN_OLD(__lxstat64); SANBAN_OLD(__fxstat64);
#ifndef __cplusplus
struct stat64;
extern int __xstat64(int, const char *, struct stat64 *);
extern int __lxstat64(int, const char *, struct stat64 *);
extern int __fxstat64(int, int, struct stat64 *);
__attribute__((weak, used)) int __wrap_stat64(const char *p, struct stat64 *b) { return __xstat64(SANBAN_STAT_VER, p, b); }
__attribute__((weak, used)) int __wrap_lstat64(const char *p, struct stat64 *b) { return __lxstat64(SANBAN_STAT_VER, p, b); }
__attribute__((weak, used)) int __wrap_fstat64(int fd, struct stat64 *b) { return __fxstat64(SANBAN_STAT_VER, fd, b); }
#endif
#ifdef __cplusplus
namespace std {
// The module is compiled without exceptions (-fno-exceptions), so an impossible array size ends the process.
__attribute__((weak, noreturn)) void __throw_bad_array_new_length() { __builtin_abort(); }
}
#endif
#endif
