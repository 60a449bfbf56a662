//! Python bindings for sigmint (skeleton).
