package sigmint

import com.sun.jna.Pointer
import sigmint.SigmintLibrary.Companion.lib

/** HS256 JSON Web Tokens: verified, then validated as PyJWT's `jwt.decode` does by default. */
object Jwt {
    /**
     * Verifies the HS256 signature of [token] with [key] and validates its claims with PyJWT's
     * default checks against the clock [nowSeconds] (Unix seconds; sigmint reads no clock):
     * `exp`, `nbf` and `iat` with no leeway, registered claims type-checked, and a token that
     * has an `aud` refused, since no audience is expected (see the overload with audiences).
     * Returns the claims, the token's payload JSON text as received.
     *
     * ```
     * val claims = Jwt.decode(token, key, System.currentTimeMillis() / 1000)
     * ```
     *
     * The key bytes are copied to native memory for the call and wiped after it; [key] itself
     * is the caller's to wipe.
     *
     * @throws SigmintException `MALFORMED_TOKEN`, `UNSUPPORTED_ALGORITHM` (`none`, RS256, ...),
     *   `INVALID_SIGNATURE`, `EXPIRED`, `NOT_YET_VALID`, `ISSUED_IN_FUTURE`,
     *   `INVALID_AUDIENCE`, `INVALID_CLAIM_TYPE`, `INVALID_JSON`, `EMPTY_KEY` and the other
     *   refusals of `sigmint_jwt_verify`.
     */
    @JvmStatic
    fun decode(token: String, key: ByteArray, nowSeconds: Long): String =
        decode(token, key, nowSeconds, emptyList())

    /**
     * As [decode] without audiences, but the token must have an `aud` (a string or an array
     * of strings) that contains one of [audiences] (`INVALID_AUDIENCE`; no `aud` at all is
     * `MISSING_CLAIM`), as PyJWT's `audience=` asks. None: a token with an `aud` is refused.
     *
     * @throws SigmintException as [decode], and `LIST_TOO_LONG` for more than 16 audiences.
     */
    @JvmStatic
    fun decode(token: String, key: ByteArray, nowSeconds: Long, audiences: List<String>): String {
        val tokenBytes = Utf8.encode(token)
        val texts = NativeTexts(audiences.map { Utf8.encode(it) })
        try {
            val validation = JwtValidation()
            validation.now = nowSeconds
            validation.audiences = strs(texts, audiences.size)
            validation.audiencesLen = SizeT(audiences.size)
            val nativeKey = NativeKey.fromBytes(key)
            try {
                // C tells the size first asked for, the scratch's (the decoded header and
                // payload), which is enough for the claims too.
                return negotiate { out, cap, len ->
                    val scratch = out?.let { ByteArray(it.size) }
                    lib.sigmint_jwt_verify(
                        nativeKey.memory, tokenBytes, SizeT(tokenBytes.size), validation, scratch, cap, out, cap, len
                    )
                }
            } finally {
                nativeKey.destroy()
            }
        } finally {
            texts.close()
        }
    }

    // One sigmint_str per text.
    private fun strs(texts: NativeTexts, count: Int): Pointer? =
        cArray(Str(), count) { str, i ->
            str.ptr = texts.pointer(i)
            str.len = texts.length(i)
        }
}
