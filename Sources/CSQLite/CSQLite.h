// SQLite's C API, from the system library (Debian's libsqlite3-dev), for the Storage target.
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot import: this is it as a value.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

// sqlite3_config is variadic, which Swift cannot call: this turns off SQLite's memory statistics, whose
// global lock every allocation takes. It must run before SQLite is initialized (the first connection).
static inline int csqlite_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
