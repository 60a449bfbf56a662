package sigmint

import com.sun.jna.Memory
import com.sun.jna.Pointer
import sigmint.SigmintLibrary.Companion.lib

/**
 * Inbound webhooks of GitHub, Slack, Stripe and Shopify, verified as their providers document
 * (`sigmint_webhook_verify`), and signed as they sign them (`sigmint_webhook_sign`), for tests
 * and for services that send webhooks. Provider names are lower case: `github`, `slack`,
 * `stripe`, `shopify`.
 *
 * ```
 * val keyIndex = Webhooks.verify("stripe", listOf(newSecret, oldSecret), request.headers,
 *     request.body, System.currentTimeMillis() / 1000, replay = stripeReplays)
 * ```
 *
 * Secrets are the raw bytes each provider hands out (Stripe's `whsec_...` as is); they are
 * copied into native memory for the call and wiped after it, and the caller's arrays are left
 * as they are. Clocks are the caller's: sigmint reads none.
 */
object Webhooks {
    /**
     * How far, in seconds, a signed timestamp may be from `nowSeconds`, either side, unless the
     * provider says otherwise: the 5 minutes Slack and Stripe document
     * (`SIGMINT_WEBHOOK_DEFAULT_TOLERANCE_S`, core's `DEFAULT_TOLERANCE`).
     */
    const val DEFAULT_TOLERANCE_SECONDS = 300L

    /**
     * The headers [provider] would send with [body] signed with [secret] at [timestampSeconds]
     * (Unix seconds; ignored by the providers that sign no timestamp), in the order to send
     * them: Slack's `X-Slack-Request-Timestamp` first, then the signature header.
     *
     * @throws SigmintException `UNKNOWN_SCHEME` for another provider, `INVALID_PART` for a
     *   negative timestamp where one is signed, `EMPTY_KEY`.
     */
    @JvmStatic
    fun sign(provider: String, secret: ByteArray, body: ByteArray, timestampSeconds: Long): Map<String, String> {
        val name = Utf8.encode(provider)
        val key = NativeKey.fromBytes(secret)
        try {
            // Asked with no room first: C gives the number of headers and the bytes of their values.
            val count = SizeTRef()
            val len = SizeTRef()
            val call = { headers: Pointer?, cap: Int, values: Memory?, room: Int ->
                lib.sigmint_webhook_sign(
                    name, SizeT(name.size), key.memory, body, SizeT(body.size), timestampSeconds,
                    headers, SizeT(cap), count, values, SizeT(room), len
                )
            }
            val asked = call(null, 0, null, 0)
            if (asked != RESULT_BUFFER_TOO_SMALL) {
                checkResult(asked)
                return emptyMap() // OK with no room: no headers.
            }
            val headers = HttpHeader().toArray(count.value).map { it as HttpHeader }
            val values = Memory(len.value.toLong())
            try {
                checkResult(call(headers[0].pointer, headers.size, values, len.value))
                val sent = LinkedHashMap<String, String>()
                for (header in headers.take(count.value)) {
                    header.read()
                    // Names and values are ASCII (header names, digits, encoded tags).
                    sent[ascii(header.name, header.nameLen)] = ascii(header.value, header.valueLen)
                }
                return sent
            } finally {
                values.close()
            }
        } finally {
            key.destroy()
        }
    }

    /**
     * Verifies an inbound webhook of [provider]: its [headers] as received (names in any case)
     * and raw [body], against any of [secrets] (several while one is rotated), at the receiver's
     * clock [nowSeconds] (Unix seconds). The signature is compared in constant time and checked
     * before the timestamp (Slack's, Stripe's), which must be within [toleranceSeconds] of
     * [nowSeconds], either side. With [replay], a request accepted before is refused, and one
     * accepted now is remembered.
     *
     * Returns the index in [secrets] of the first that matched: while a secret is rotated, it
     * tells when the old one stops being used.
     *
     * @throws IllegalArgumentException when [toleranceSeconds] is negative (C takes an unsigned one).
     * @throws SigmintException `INVALID_SIGNATURE`, `MISSING_HEADER` and `MALFORMED_HEADER`
     *   (with [SigmintException.header] naming the header), `TIMESTAMP_OUT_OF_WINDOW`,
     *   `REPLAYED`, `EMPTY_KEY` (no secret, or an empty one), `UNKNOWN_SCHEME`,
     *   `BUFFER_TOO_SMALL` for a [ReplayGuard] of no slots.
     */
    @JvmStatic
    @JvmOverloads
    fun verify(
        provider: String,
        secrets: List<ByteArray>,
        headers: Map<String, String>,
        body: ByteArray,
        nowSeconds: Long,
        toleranceSeconds: Long = DEFAULT_TOLERANCE_SECONDS,
        replay: ReplayGuard? = null
    ): Int {
        require(toleranceSeconds >= 0) { "toleranceSeconds is negative" }
        val name = Utf8.encode(provider)
        val entries = headers.entries.toList()
        val texts = NativeTexts(entries.flatMap { (n, v) -> listOf(Utf8.encode(n), Utf8.encode(v)) })
        try {
            val array = cArray(HttpHeader(), entries.size) { header, i ->
                header.name = texts.pointer(2 * i)
                header.nameLen = texts.length(2 * i)
                header.value = texts.pointer(2 * i + 1)
                header.valueLen = texts.length(2 * i + 1)
            }
            val keys = NativeKeys.fromBytes(secrets)
            try {
                val keyIndex = SizeTRef()
                val refused = Str()
                val call = {
                    lib.sigmint_webhook_verify(
                        name, SizeT(name.size), keys.memory, SizeT(keys.count), array, SizeT(entries.size),
                        body, SizeT(body.size), nowSeconds, toleranceSeconds, replay?.memory, keyIndex, refused
                    )
                }
                // C writes the store: one call at a time per store.
                val result = if (replay == null) call() else synchronized(replay) { call() }
                // C names the header of a MISSING_HEADER or MALFORMED_HEADER (a static text).
                checkResult(result, refused.ptr?.let { ascii(it, refused.len) })
                return keyIndex.value
            } finally {
                keys.destroy()
            }
        } finally {
            texts.close()
        }
    }

    private fun ascii(ptr: Pointer?, len: SizeT): String =
        if (ptr == null) "" else String(ptr.getByteArray(0, len.toInt()), Charsets.US_ASCII)
}

/**
 * A replay store (`sigmint_replay` over [capacity] `sigmint_seen` slots of native memory): the
 * webhooks [Webhooks.verify] accepted, so that each is accepted once. Requests are told apart
 * by their tag: keep one per endpoint (GitHub's and Shopify's tags of one body under one secret
 * are the same).
 *
 * A slot is reused once its request is older than the tolerance. When every slot holds a
 * request still within the window, the oldest is forgotten, and from then on a signed timestamp
 * no newer than it is refused as replayed: the store fails closed, so size it for the requests a
 * window brings. Threads may share one: [Webhooks.verify] uses it under its lock.
 *
 * @throws IllegalArgumentException when [capacity] is negative.
 */
class ReplayGuard(
    /** How many requests it can remember. */
    val capacity: Int
) {
    /** The `sigmint_replay *` to hand to C. */
    internal val memory = Memory(REPLAY_SIZE)

    /** The slots; null for none (JNA allocates no empty memory). */
    private val slots: Memory?

    init {
        require(capacity >= 0) { "capacity is negative" }
        check(Pointer.nativeValue(memory) % 8 == 0L) { "sigmint_replay memory is not 8-byte aligned" }
        slots = if (capacity == 0) null else Memory(SEEN_SIZE * capacity)
        slots?.let { check(Pointer.nativeValue(it) % 8 == 0L) { "sigmint_seen memory is not 8-byte aligned" } }
        checkResult(lib.sigmint_replay_init(memory, slots, SizeT(capacity)))
    }

    internal companion object {
        /** `SIGMINT_REPLAY_SIZE`. */
        const val REPLAY_SIZE = 64L

        /** `SIGMINT_SEEN_SIZE`. */
        const val SEEN_SIZE = 64L
    }
}
