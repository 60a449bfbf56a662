package sigmint

import com.sun.jna.Pointer
import com.sun.jna.Structure

// The C structs this binding passes, field for field as sigmint.h lays them out. JNA places
// fields with the platform's natural alignment, as C does; the tests compare every offset and
// size with what a C compiler makes of the header. Field names are the C names in camelCase.

/** `sigmint_str`: a UTF-8 text, `len` bytes at `ptr` (NULL only when `len` is 0). */
@Structure.FieldOrder("ptr", "len")
internal class Str : Structure() {
    @JvmField var ptr: Pointer? = null
    @JvmField var len = SizeT()
}

/** `sigmint_query_param`: one `name=value` pair of texts. */
@Structure.FieldOrder("name", "nameLen", "value", "valueLen")
internal class QueryParam : Structure() {
    @JvmField var name: Pointer? = null
    @JvmField var nameLen = SizeT()
    @JvmField var value: Pointer? = null
    @JvmField var valueLen = SizeT()
}

/**
 * `sigmint_jwt_validation`. Left as constructed (all zero) but for `now`, it asks for PyJWT's
 * default checks.
 */
@Structure.FieldOrder(
    "now", "leeway", "skip", "required", "requiredLen", "audiences", "audiencesLen",
    "issuers", "issuersLen", "typ", "tokenType", "maxTokenLen", "maxDepth", "subject",
    "strictAudience"
)
internal class JwtValidation : Structure() {
    @JvmField var now: Long = 0
    @JvmField var leeway: Long = 0 // uint64_t
    @JvmField var skip: Int = 0 // uint32_t
    @JvmField var required: Pointer? = null // const sigmint_str *
    @JvmField var requiredLen = SizeT()
    @JvmField var audiences: Pointer? = null // const sigmint_str *
    @JvmField var audiencesLen = SizeT()
    @JvmField var issuers: Pointer? = null // const sigmint_str *
    @JvmField var issuersLen = SizeT()
    @JvmField var typ = Str()
    @JvmField var tokenType = Str()
    @JvmField var maxTokenLen = SizeT()
    @JvmField var maxDepth = SizeT()
    @JvmField var subject = Str()
    @JvmField var strictAudience: Byte = 0 // uint8_t
}

/**
 * `sigmint_fonbnk_headers`: three NUL-terminated fixed arrays (`SIGMINT_FONBNK_*_SIZE` bytes),
 * each with its length.
 */
@Structure.FieldOrder("clientId", "clientIdLen", "timestamp", "timestampLen", "signature", "signatureLen")
internal class FonbnkHeaders : Structure() {
    @JvmField var clientId = ByteArray(129) // SIGMINT_FONBNK_CLIENT_ID_SIZE
    @JvmField var clientIdLen = SizeT()
    @JvmField var timestamp = ByteArray(21) // SIGMINT_FONBNK_TIMESTAMP_SIZE
    @JvmField var timestampLen = SizeT()
    @JvmField var signature = ByteArray(45) // SIGMINT_FONBNK_SIGNATURE_SIZE
    @JvmField var signatureLen = SizeT()
}

/**
 * A C array of [count] structs of [prototype]'s type, each filled by [fill] with its index;
 * NULL for none. The first element's memory is the whole array's (`toArray` allocates it
 * contiguously), so that is the pointer C gets.
 */
internal inline fun <reified T : Structure> cArray(prototype: T, count: Int, fill: (T, Int) -> Unit): Pointer? {
    if (count == 0) return null
    val array = prototype.toArray(count)
    array.forEachIndexed { i, element ->
        val item = element as T
        fill(item, i)
        item.write()
    }
    return array[0].pointer
}

/**
 * `sigmint_parts`: pointer and length per part; a NULL pointer is a part not given, a non-NULL
 * one with length 0 a part given empty. [NativeParts] fills it.
 */
@Structure.FieldOrder(
    "timestamp", "timestampLen", "method", "methodLen", "path", "pathLen", "query", "queryLen",
    "body", "bodyLen"
)
internal class Parts : Structure() {
    @JvmField var timestamp: Pointer? = null
    @JvmField var timestampLen = SizeT()
    @JvmField var method: Pointer? = null
    @JvmField var methodLen = SizeT()
    @JvmField var path: Pointer? = null
    @JvmField var pathLen = SizeT()
    @JvmField var query: Pointer? = null
    @JvmField var queryLen = SizeT()
    @JvmField var body: Pointer? = null // const uint8_t *
    @JvmField var bodyLen = SizeT()
}

/** `sigmint_http_header`: a header's name and value, bytes plus a length each. */
@Structure.FieldOrder("name", "nameLen", "value", "valueLen")
internal class HttpHeader : Structure() {
    @JvmField var name: Pointer? = null
    @JvmField var nameLen = SizeT()
    @JvmField var value: Pointer? = null
    @JvmField var valueLen = SizeT()
}
