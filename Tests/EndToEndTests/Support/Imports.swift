// Every end-to-end test file sees the shared test helpers without importing them itself.
@_exported import TestSupport
