//! Integration tests for sigmint live in `tests/`; this library only anchors them.
