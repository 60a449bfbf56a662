// Fonbnk request signing with a key prepared once.
#if canImport(CSigmint)
import CSigmint
#else
import sigmint // the C module of an XCFramework (docs/swift.md)
#endif

/// Signs Fonbnk requests for one client: `x-signature` = base64(HMAC-SHA256(base64-decode(
/// clientSecret), "{timestampMs}:{endpoint}")).
///
/// The secret is decoded once, into a `sigmint_key` in memory this object owns (allocated on
/// the heap, so it is never copied); `close()` wipes it, and so does `deinit`. The secret
/// appears in no `description`, `debugDescription` or mirror (`dump`).
///
/// Threads: `sign` and `headers` only read the key, so any number of threads may call them
/// at once. `close()` writes it: call it only once every such call has returned (racing them
/// is a data race on the key; the memory itself is freed only by `deinit`, when no call can
/// be running). The type is not marked `Sendable` for that reason.
public final class FonbnkSigner: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Initialized by `init`, wiped by `close()`, wiped and freed by `deinit`.
    private let key: UnsafeMutablePointer<sigmint_key>
    /// The `x-client-id` value (not a secret). Checked by the library when headers are made.
    private let clientId: String

    /// Prepares the key for `clientSecret`, the base64 client secret Fonbnk issues (standard
    /// or URL-safe alphabet, padded or not).
    ///
    /// - Throws: `SigmintError` with code `INVALID_BASE64` or `EMPTY_KEY`.
    public init(clientId: String, clientSecret: String) throws {
        let key = UnsafeMutablePointer<sigmint_key>.allocate(capacity: 1)
        key.initialize(to: sigmint_key()) // zeroed: a valid "not initialized" key
        let result = withCText(clientSecret) { chars, count in
            sigmint_key_init_base64(key, chars, count)
        }
        guard result == CResult.ok else {
            _ = sigmint_key_clear(key) // on failure the key was left as it was (zero)
            key.deinitialize(count: 1)
            key.deallocate()
            throw SigmintError(result: result)
        }
        self.key = key
        self.clientId = clientId
    }

    deinit {
        _ = sigmint_key_clear(key)
        key.deinitialize(count: 1)
        key.deallocate()
    }

    /// The `x-signature` value for a request to `endpoint` (path plus query, as
    /// `Fonbnk.endpoint` builds it) at `timestampMs` (Unix milliseconds, the `x-timestamp`
    /// value; the library reads no clock).
    ///
    /// - Throws: `SigmintError` with code `ENDPOINT_NOT_ABSOLUTE`, `ENDPOINT_INVALID_CHAR`,
    ///   or `KEY_NOT_INITIALIZED` after `close()`.
    public func sign(endpoint: String, timestampMs: UInt64) throws -> String {
        let key = self.key
        return try withCText(endpoint) { endpointChars, endpointLength in
            // The header's signature length is only the first guess: negotiation still applies.
            try readText(capacity: Int(SIGMINT_FONBNK_SIGNATURE_LEN)) { out, capacity, length in
                sigmint_fonbnk_sign(key, timestampMs, endpointChars, endpointLength, out, capacity, length)
            }
        }
    }

    /// The three headers of a signed request to `endpoint` at `timestampMs`:
    /// `x-client-id`, `x-timestamp` and `x-signature` (`sigmint_fonbnk_sign_headers`).
    ///
    /// - Throws: `SigmintError` with code `INVALID_CLIENT_ID` (an empty client id, one over
    ///   128 bytes or with a byte that is not visible ASCII), the endpoint codes of
    ///   `sign(endpoint:timestampMs:)`, or `KEY_NOT_INITIALIZED` after `close()`.
    public func headers(endpoint: String, timestampMs: UInt64) throws -> [String: String] {
        let key = self.key
        var out = sigmint_fonbnk_headers() // zeroed; written by the library only on success
        let result = withCText(clientId) { idChars, idLength in
            withCText(endpoint) { endpointChars, endpointLength in
                sigmint_fonbnk_sign_headers(
                    key, idChars, idLength, timestampMs, endpointChars, endpointLength, &out)
            }
        }
        try check(result)
        // Fixed char arrays with their lengths (each is NUL-terminated too; the length is used).
        return [
            "x-client-id": text(of: out.client_id, length: out.client_id_len),
            "x-timestamp": text(of: out.timestamp, length: out.timestamp_len),
            "x-signature": text(of: out.signature, length: out.signature_len),
        ]
    }

    /// Wipes the key (`sigmint_key_clear`); later calls throw `KEY_NOT_INITIALIZED`. Calling
    /// it again is harmless. Not safe while another thread is signing with this signer.
    public func close() {
        _ = sigmint_key_clear(key)
    }

    /// `FonbnkSigner(clientId: "...")`: never the secret.
    public var description: String { "FonbnkSigner(clientId: \(String(reflecting: clientId)))" }

    /// As `description`.
    public var debugDescription: String { description }

    /// Shows the client id only, so `dump` prints no key memory.
    public var customMirror: Mirror {
        Mirror(self, children: ["clientId": clientId], displayStyle: .class)
    }
}
