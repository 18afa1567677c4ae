// The one place that names the platform's C library: every edge target imports SystemIO and gets it.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Darwin)
@_exported import Darwin
#endif
