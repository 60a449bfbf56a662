//! Prints the signed headers for Fonbnk's `POST /api/v2/user/tokens`, as `make demo` shows them.
//!
//! Reads `FONBNK_CLIENT_ID`, `FONBNK_CLIENT_SECRET` (base64) and `FONBNK_TIMESTAMP_MS` from the
//! environment, so the secret never appears on a command line.

use sigmint_core::providers::fonbnk::{self, Signer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let var = |name: &str| std::env::var(name).map_err(|_| format!("{name} is not set"));
    let signer = Signer::new(&var("FONBNK_CLIENT_ID")?, &var("FONBNK_CLIENT_SECRET")?)?;
    let timestamp_ms: u64 = var("FONBNK_TIMESTAMP_MS")?.parse()?;

    let mut buf = [0u8; 64];
    let none: [(&str, &str); 0] = [];
    let endpoint = fonbnk::write_endpoint("/api/v2/user/tokens", none, &mut buf)?;
    for (name, value) in signer.headers(timestamp_ms, endpoint)?.pairs() {
        println!("[rust]   {name}: {value}");
    }
    Ok(())
}
