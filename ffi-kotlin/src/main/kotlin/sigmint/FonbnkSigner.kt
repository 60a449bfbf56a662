package sigmint

import sigmint.SigmintLibrary.Companion.lib

/**
 * Signs Fonbnk requests for one client: `x-signature` = base64(HMAC-SHA256(base64-decode(
 * [clientSecret]), "{timestampMs}:{endpoint}")), with the key prepared once, in native memory.
 *
 * ```
 * val signer = FonbnkSigner("my-client-id", "bXktY2xpZW50LXNlY3JldA==")
 * try {
 *     val endpoint = Fonbnk.endpoint("/api/v2/orders", listOf("status" to "pending"))
 *     val headers = signer.headers(endpoint, System.currentTimeMillis())
 * } finally {
 *     signer.close()
 * }
 * ```
 *
 * Threads: any number of threads may call [sign] and [headers] on one signer at once (the
 * key is immutable once made). [close] must come after every such call has returned: a call
 * racing it may fail with `KEY_NOT_INITIALIZED` or return a wrong signature, but never
 * touches freed memory, because the key's memory is only wiped, and freed by the garbage
 * collector once the signer is unreachable. A signer dropped without [close] is wiped by its
 * finalizer before that memory is freed; close it anyway, so the secret does not wait for the
 * collector.
 *
 * The secret is kept only in native memory; the text given is not kept, and no message or
 * `toString()` shows it.
 *
 * @param clientId the `x-client-id` value, checked by [headers] (visible ASCII, 1 to 128 bytes).
 * @param clientSecret the client secret, base64 (standard or URL-safe alphabet, padded or not).
 * @throws SigmintException `INVALID_BASE64`, `EMPTY_KEY` (empty, or decodes to no bytes) or
 *   `INVALID_UTF8` (an unpaired surrogate) for the secret.
 */
class FonbnkSigner(clientId: String, clientSecret: String) : AutoCloseable {
    private val clientId = Utf8.encode(clientId)
    private val key = NativeKey.fromBase64(clientSecret)

    /**
     * The `x-signature` value (`sigmint_fonbnk_sign`, 44 base64 characters) for a request to
     * [endpoint], the path and query as [Fonbnk.endpoint] builds them, at [timestampMs] (Unix
     * milliseconds, sent as `x-timestamp`; sigmint reads no clock).
     *
     * @throws IllegalArgumentException when [timestampMs] is negative (C takes an unsigned one).
     * @throws SigmintException `ENDPOINT_NOT_ABSOLUTE`, `ENDPOINT_INVALID_CHAR` or
     *   `INVALID_UTF8` for the endpoint, `KEY_NOT_INITIALIZED` once closed.
     */
    fun sign(endpoint: String, timestampMs: Long): String {
        require(timestampMs >= 0) { "timestampMs is negative" }
        val bytes = Utf8.encode(endpoint)
        val out = ByteArray(SIGNATURE_LEN)
        val len = SizeTRef()
        checkResult(key.use { lib.sigmint_fonbnk_sign(it, timestampMs, bytes, SizeT(bytes.size), out, SizeT(out.size), len) })
        return String(out, 0, len.value, Charsets.US_ASCII)
    }

    /**
     * The three headers of a signed request to [endpoint] at [timestampMs]
     * (`sigmint_fonbnk_sign_headers`), in this order: `x-client-id`, `x-timestamp` (decimal)
     * and `x-signature`. The body is not signed.
     *
     * @throws IllegalArgumentException when [timestampMs] is negative.
     * @throws SigmintException `INVALID_CLIENT_ID` (empty, over 128 bytes, or holding a byte
     *   that is not visible ASCII), `INVALID_UTF8`, the endpoint errors of [sign],
     *   `KEY_NOT_INITIALIZED` once closed.
     */
    fun headers(endpoint: String, timestampMs: Long): Map<String, String> {
        require(timestampMs >= 0) { "timestampMs is negative" }
        val bytes = Utf8.encode(endpoint)
        val out = FonbnkHeaders()
        checkResult(
            key.use {
                lib.sigmint_fonbnk_sign_headers(
                    it, clientId, SizeT(clientId.size), timestampMs, bytes, SizeT(bytes.size), out
                )
            }
        )
        // JNA read the struct back after the call; the texts are ASCII, as C checked.
        return linkedMapOf(
            "x-client-id" to String(out.clientId, 0, out.clientIdLen.toInt(), Charsets.US_ASCII),
            "x-timestamp" to String(out.timestamp, 0, out.timestampLen.toInt(), Charsets.US_ASCII),
            "x-signature" to String(out.signature, 0, out.signatureLen.toInt(), Charsets.US_ASCII)
        )
    }

    /**
     * Wipes the key (`sigmint_key_clear`). Idempotent; afterwards [sign] and [headers] throw
     * [SigmintException] with code `KEY_NOT_INITIALIZED`. Call it only once no other thread is
     * using the signer (see the class notes).
     */
    override fun close() = key.clear()

    private companion object {
        /** `SIGMINT_FONBNK_SIGNATURE_LEN`. */
        const val SIGNATURE_LEN = 44
    }
}
