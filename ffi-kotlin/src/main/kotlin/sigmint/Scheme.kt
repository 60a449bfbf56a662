package sigmint

import com.sun.jna.Memory
import com.sun.jna.Pointer
import sigmint.SigmintLibrary.Companion.lib
import java.io.Closeable

/** How a [Scheme]'s secret is written (`SIGMINT_SECRET_ENCODING_*`). */
enum class SecretEncoding(internal val value: Int) {
    /** The secret's bytes are the key (GitHub, Slack, Stripe, Shopify, Binance). */
    RAW(0),

    /** Base64, either alphabet, padding optional (Fonbnk, Coinbase). */
    BASE64(1),

    /** Hex, either case. */
    HEX(2)
}

/** How a [Scheme] writes its tag (`SIGMINT_TAG_ENCODING_*`). */
enum class TagEncoding(internal val value: Int) {
    /** Standard base64 with padding, 44 characters (Fonbnk, Coinbase, Shopify). */
    BASE64(0),

    /** URL-safe base64 without padding, 43 characters. */
    BASE64URL(1),

    /** Lower-case hex, 64 characters (GitHub, Slack, Stripe, Binance); either case verifies. */
    HEX(2)
}

/**
 * An HMAC-SHA256 request-signing scheme (`sigmint_scheme`): what is signed, a template of
 * literal text and request parts (`{timestamp}`, `{method}`, `{path}`, `{query}`, `{body}`,
 * `{body_sha256}`; `{{` and `}}` for braces), how the secret is written ([key]), how the tag is
 * written ([encoding]), and the text before the tag ([prefix], such as `sha256=`). The partners'
 * own are [preset]s.
 *
 * ```
 * val coinbase = Scheme.preset("coinbase")
 * val signature = coinbase.sign(secretBase64.toByteArray(), timestamp = "1700000000",
 *     method = "POST", path = "/orders", body = body)
 * val mine = Scheme("{method}\n{path}\n{body_sha256}", SecretEncoding.HEX, TagEncoding.HEX, "v1=")
 * ```
 *
 * A part a template signs must be given (`MISSING_PART` otherwise); a part it does not sign is
 * not looked at. Every rule (the template's syntax, which bytes a part may hold, the encodings)
 * is core's, checked in C: the refusals are [SigmintException]s with C's result names.
 *
 * A scheme holds no secret: each call takes the secret, makes the key in native memory for it
 * and wipes it after (the caller's [ByteArray] is left as it is). Schemes are immutable: any
 * number of threads may use one at once.
 *
 * @throws SigmintException `MALFORMED_TEMPLATE` (empty, an unclosed `{`, a lone `}`),
 *   `UNKNOWN_TEMPLATE_FIELD`, `INVALID_PART` for a prefix longer than 32 bytes or not visible
 *   ASCII, `INVALID_UTF8` (an unpaired surrogate).
 */
class Scheme private constructor(internal val native: NativeScheme) {
    /** A scheme of its template text, encodings and prefix (`sigmint_scheme_init`). */
    @JvmOverloads
    constructor(
        template: String,
        key: SecretEncoding = SecretEncoding.RAW,
        encoding: TagEncoding = TagEncoding.BASE64,
        prefix: String = ""
    ) : this(NativeScheme.custom(template, key, encoding, prefix))

    /**
     * The signature of a request's parts: the prefix, then the HMAC-SHA256 tag (under [secret],
     * decoded as the scheme says) of the string the template makes of them, in the scheme's
     * encoding (`sigmint_scheme_sign`). Each part is exactly as sent: [timestamp] in the scheme's
     * units, [method] upper-case, [path] with its query, [query] without its `?`, [body] raw.
     *
     * @throws SigmintException `MISSING_PART` for a part the template signs that is null,
     *   `INVALID_PART` for a method, query or timestamp that cannot go on the wire as given,
     *   `ENDPOINT_NOT_ABSOLUTE` or `ENDPOINT_INVALID_CHAR` for such a path, `EMPTY_KEY`,
     *   `INVALID_BASE64` or `INVALID_HEX` for the secret.
     */
    @JvmOverloads
    fun sign(
        secret: ByteArray,
        timestamp: String? = null,
        method: String? = null,
        path: String? = null,
        query: String? = null,
        body: ByteArray = ByteArray(0)
    ): String = withKey(secret) { key ->
        NativeParts(timestamp, method, path, query, body).use { parts ->
            val out = ByteArray(SIGNATURE_MAX_LEN)
            val len = SizeTRef()
            checkResult(native.use { lib.sigmint_scheme_sign(it, key.memory, parts.struct, out, SizeT(out.size), len) })
            String(out, 0, len.value, Charsets.US_ASCII)
        }
    }

    /**
     * Checks, in constant time, that [signature] (as received: the prefix, then the tag; hex in
     * either case) is the signature of these parts under [secret] (`sigmint_scheme_verify`).
     * Returns normally when it is.
     *
     * @throws SigmintException `INVALID_SIGNATURE` when it does not match, lacks the prefix or
     *   is not one encoding of 32 bytes; before that, the refusals of [sign].
     */
    @JvmOverloads
    fun verify(
        secret: ByteArray,
        signature: String,
        timestamp: String? = null,
        method: String? = null,
        path: String? = null,
        query: String? = null,
        body: ByteArray = ByteArray(0)
    ): Unit = withKey(secret) { key ->
        NativeParts(timestamp, method, path, query, body).use { parts ->
            val bytes = Utf8.encode(signature)
            checkResult(native.use { lib.sigmint_scheme_verify(it, key.memory, parts.struct, bytes, SizeT(bytes.size)) })
        }
    }

    /**
     * The string the scheme signs for these parts (`sigmint_scheme_string_to_sign`): its
     * template with each field replaced by its part, the body as it is (so bytes: a body need not
     * be text). To debug a signature mismatch; signing never builds it.
     *
     * @throws SigmintException the part refusals of [sign].
     */
    @JvmOverloads
    fun stringToSign(
        timestamp: String? = null,
        method: String? = null,
        path: String? = null,
        query: String? = null,
        body: ByteArray = ByteArray(0)
    ): ByteArray = NativeParts(timestamp, method, path, query, body).use { parts ->
        negotiateBytes { out, cap, len -> native.use { lib.sigmint_scheme_string_to_sign(it, parts.struct, out, cap, len) } }
    }

    private inline fun <T> withKey(secret: ByteArray, call: (NativeKey) -> T): T {
        val key = NativeKey.forScheme(native, secret)
        try {
            return call(key)
        } finally {
            key.destroy()
        }
    }

    companion object {
        /** `SIGMINT_SCHEME_SIGNATURE_MAX_LEN`: room for any scheme's signature. */
        internal const val SIGNATURE_MAX_LEN = 96

        /**
         * A partner's scheme by its lower-case name (`sigmint_scheme_preset`): `fonbnk`,
         * `coinbase`, `binance`, `github`, `slack`, `stripe`, `shopify`.
         *
         * @throws SigmintException `UNKNOWN_SCHEME` for any other name (`GitHub` included).
         */
        @JvmStatic
        fun preset(name: String): Scheme = Scheme(NativeScheme.preset(name))
    }
}

/**
 * A `sigmint_scheme` (`SIGMINT_SCHEME_SIZE` bytes of native memory) and the template and prefix
 * texts it borrows, which live as long as it does.
 */
internal class NativeScheme private constructor(
    /** Kept reachable from the struct that points into it (see [NativeBlock.use]). */
    @Suppress("unused") private val texts: Memory?
) : NativeBlock(SCHEME_SIZE) {
    companion object {
        /** `SIGMINT_SCHEME_SIZE`. */
        const val SCHEME_SIZE = 128L

        fun custom(template: String, key: SecretEncoding, encoding: TagEncoding, prefix: String): NativeScheme {
            val templateBytes = Utf8.encode(template)
            val prefixBytes = Utf8.encode(prefix)
            val total = templateBytes.size + prefixBytes.size
            val texts = if (total == 0) null else Memory(total.toLong())
            texts?.write(0, templateBytes, 0, templateBytes.size)
            texts?.write(templateBytes.size.toLong(), prefixBytes, 0, prefixBytes.size)
            val scheme = NativeScheme(texts)
            // An empty text is NULL with length 0, which C takes.
            val templatePtr = if (templateBytes.isEmpty()) null else texts?.share(0)
            val prefixPtr = if (prefixBytes.isEmpty()) null else texts?.share(templateBytes.size.toLong())
            checkResult(
                scheme.use {
                    lib.sigmint_scheme_init(
                        it, templatePtr, SizeT(templateBytes.size), key.value, encoding.value,
                        prefixPtr, SizeT(prefixBytes.size)
                    )
                }
            )
            return scheme
        }

        fun preset(name: String): NativeScheme {
            val bytes = Utf8.encode(name)
            val scheme = NativeScheme(null)
            checkResult(scheme.use { lib.sigmint_scheme_preset(it, bytes, SizeT(bytes.size)) })
            return scheme
        }
    }
}

/**
 * A `sigmint_parts` and the bytes it points at, in one block of native memory: a null part is
 * a NULL pointer (not given), a given one points into the block even when empty. Close it once
 * the call that reads it returned.
 */
internal class NativeParts(
    timestamp: String?,
    method: String?,
    path: String?,
    query: String?,
    body: ByteArray
) : Closeable {
    val struct = Parts()
    private val block: Memory

    init {
        val texts = listOf(timestamp, method, path, query).map { it?.let(Utf8::encode) }
        // One spare byte, so that the block is never empty and an empty part has somewhere to
        // point.
        block = Memory(texts.sumBy { it?.size ?: 0 } + body.size + 1L)
        var at = 0L
        val pointers = texts.map { bytes ->
            if (bytes == null) {
                null
            } else {
                block.write(at, bytes, 0, bytes.size)
                val start = block.share(at)
                at += bytes.size
                start
            }
        }
        struct.timestamp = pointers[0]
        struct.timestampLen = SizeT(texts[0]?.size ?: 0)
        struct.method = pointers[1]
        struct.methodLen = SizeT(texts[1]?.size ?: 0)
        struct.path = pointers[2]
        struct.pathLen = SizeT(texts[2]?.size ?: 0)
        struct.query = pointers[3]
        struct.queryLen = SizeT(texts[3]?.size ?: 0)
        block.write(at, body, 0, body.size)
        struct.body = if (body.isEmpty()) null else block.share(at)
        struct.bodyLen = SizeT(body.size)
    }

    override fun close() {
        block.close()
    }
}
