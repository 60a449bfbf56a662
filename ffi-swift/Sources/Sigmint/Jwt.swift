// HS256 token verification with PyJWT's default checks.
#if canImport(CSigmint)
import CSigmint
#else
import sigmint // the C module of an XCFramework (docs/swift.md)
#endif

/// HS256 JSON Web Tokens (`sigmint_jwt_verify`).
public enum Jwt {
    /// Verifies `token` with the HMAC key `key` and validates its claims at `nowSeconds`
    /// (Unix seconds, from your clock: the library reads none), with PyJWT's defaults:
    /// `exp`, `nbf` and `iat` checked without leeway, a token carrying an `aud` refused, `iss`
    /// not checked, HS256 only. Returns the claims JSON, exactly as the token carries it.
    ///
    /// The key is prepared in memory allocated for this call and wiped before it returns.
    ///
    /// - Throws: `SigmintError`, for example with code `INVALID_SIGNATURE`, `EXPIRED`,
    ///   `NOT_YET_VALID`, `ISSUED_IN_FUTURE`, `INVALID_AUDIENCE`, `MALFORMED_TOKEN`,
    ///   `UNSUPPORTED_ALGORITHM`, or `EMPTY_KEY` for an empty key.
    public static func decode(token: String, key: [UInt8], nowSeconds: Int64) throws -> String {
        let cKey = UnsafeMutablePointer<sigmint_key>.allocate(capacity: 1)
        cKey.initialize(to: sigmint_key())
        defer {
            _ = sigmint_key_clear(cKey)
            cKey.deinitialize(count: 1)
            cKey.deallocate()
        }
        try check(key.withUnsafeBufferPointer { secret in
            sigmint_key_init(cKey, secret.baseAddress, secret.count)
        })
        var validation = sigmint_jwt_validation() // zeroed: PyJWT's defaults
        validation.now = nowSeconds
        return try withCText(token) { tokenChars, tokenLength in
            // The scratch needs the decoded header and payload, the claims the payload: the
            // library reports the size on BUFFER_TOO_SMALL (the token's length is only a first
            // guess, and always enough, since decoding shrinks base64url).
            try readText(capacity: tokenLength) { out, capacity, length -> sigmint_result in
                var scratch = [UInt8](repeating: 0, count: capacity)
                return scratch.withUnsafeMutableBufferPointer { scratchBuffer in
                    sigmint_jwt_verify(
                        cKey, tokenChars, tokenLength, &validation,
                        scratchBuffer.baseAddress, scratchBuffer.count,
                        out, capacity, length)
                }
            }
        }
    }
}
