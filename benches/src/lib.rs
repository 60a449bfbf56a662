//! criterion benches of sigmint's hot paths live in `benches/`; run them with `make bench`.
