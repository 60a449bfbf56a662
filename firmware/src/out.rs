//! Text to the host's standard output through semihosting (QEMU prints it on its stdout).

/// The host's standard output; writes are dropped when there is no host to take them.
pub struct Out {
    #[cfg(target_arch = "arm")]
    stream: Option<cortex_m_semihosting::hio::HostStream>,
}

impl Default for Out {
    fn default() -> Self {
        Self::new()
    }
}

impl Out {
    /// Opens the host's standard output.
    #[must_use]
    pub fn new() -> Self {
        Out {
            #[cfg(target_arch = "arm")]
            stream: cortex_m_semihosting::hio::hstdout().ok(),
        }
    }

    /// Writes `text`.
    pub fn put(&mut self, text: &str) -> &mut Self {
        self.bytes(text.as_bytes())
    }

    /// Writes raw bytes.
    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        #[cfg(target_arch = "arm")]
        if let Some(stream) = &mut self.stream {
            // A failed write only loses output: the exit status still reports the result.
            let _ = stream.write_all(bytes);
        }
        #[cfg(not(target_arch = "arm"))]
        let _ = bytes;
        self
    }

    /// Writes `n` in decimal.
    pub fn num(&mut self, n: u64) -> &mut Self {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            if let Some(d) = digits.get_mut(at) {
                // n % 10 < 10: the cast cannot truncate.
                *d = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 || at == 0 {
                break;
            }
        }
        let text = digits.get(at..).unwrap_or(&[]);
        self.bytes(text)
    }

    /// Writes a core error: its name with the `error-text` feature, else `error N` (its code).
    pub fn error(&mut self, error: sigmint_core::Error) -> &mut Self {
        #[cfg(feature = "error-text")]
        return self.put(error.name());
        #[cfg(not(feature = "error-text"))]
        self.put("error ").num(u64::from(error.code()))
    }
}
