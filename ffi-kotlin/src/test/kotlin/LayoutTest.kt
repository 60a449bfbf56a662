package sigmint

import com.sun.jna.Native
import com.sun.jna.Structure
import java.io.File

// What a C compiler makes of sigmint.h (src/test/c/layout.c), against JNA's layout of each
// mirror in Structs.kt: a wrong size_t, a missing field or a field out of order shows here
// rather than as memory C reads wrongly.

private val mirrors = mapOf(
    "sigmint_str" to { Str() },
    "sigmint_query_param" to { QueryParam() },
    "sigmint_jwt_validation" to { JwtValidation() },
    "sigmint_fonbnk_headers" to { FonbnkHeaders() },
    "sigmint_parts" to { Parts() },
    "sigmint_http_header" to { HttpHeader() }
)

// Structure.fieldOffset is protected: the tests read it through reflection.
private val fieldOffset = Structure::class.java.getDeclaredMethod("fieldOffset", String::class.java)
    .apply { isAccessible = true }

// A field's size as JNA lays it out: inline arrays and structs by their length, the rest
// (Pointer, Long, Int, SizeT) by their native type.
private fun nativeSize(mirror: Structure, field: String): Int = when (val value = mirror.javaClass.getField(field).get(mirror)) {
    is ByteArray -> value.size
    is Structure -> value.size()
    else -> Native.getNativeSize(mirror.javaClass.getField(field).type)
}

private fun camelCase(cName: String) = cName.split('_').let { words ->
    words[0] + words.drop(1).joinToString("") { Character.toUpperCase(it[0]) + it.substring(1) }
}

/** Sizes and offsets of the struct mirrors, and the key's size, as C has them. */
fun layoutTests(checks: Checks, layoutFile: File) {
    val c = layoutFile.readLines().filter { it.isNotBlank() }.map { it.split(' ') }
    for ((struct, make) in mirrors) {
        val mirror = make()
        val lines = c.filter { it[0] == struct }
        checks.check("layout: C knows $struct", lines.isNotEmpty())
        val cFields = lines.filter { it[1] != "sizeof" }.map { Triple(camelCase(it[1]), it[2].toInt(), it[3].toInt()) }
        val jnaFields = mirror.javaClass.getAnnotation(Structure.FieldOrder::class.java).value.toList()
        checks.equal("layout: $struct fields", cFields.map { it.first }, jnaFields)
        for ((field, offset, size) in cFields) {
            if (field in jnaFields) {
                checks.equal("layout: $struct.$field offset", offset, fieldOffset.invoke(mirror, field) as Int)
                checks.equal("layout: $struct.$field size", size, nativeSize(mirror, field))
            }
        }
        checks.equal("layout: sizeof $struct", lines.single { it[1] == "sizeof" }[2].toInt(), mirror.size())
    }
    val key = NativeKey.fromBytes(byteArrayOf(1))
    try {
        checks.equal("layout: sizeof sigmint_key", c.single { it[0] == "sigmint_key" }[2].toLong(), key.memory.size())
    } finally {
        key.destroy()
    }
    // The opaque structs the binding allocates, and the constants it mirrors.
    fun cSize(struct: String) = c.single { it[0] == struct && it[1] == "sizeof" }[2].toLong()
    fun cConst(name: String) = c.single { it[0] == "const" && it[1] == name }[2].toLong()
    checks.equal("layout: sizeof sigmint_scheme", cSize("sigmint_scheme"), Scheme.preset("github").native.memory.size())
    checks.equal("layout: sizeof sigmint_replay", cSize("sigmint_replay"), ReplayGuard(1).memory.size())
    checks.equal("layout: sizeof sigmint_seen", cSize("sigmint_seen"), ReplayGuard.SEEN_SIZE)
    checks.equal("layout: SIGMINT_SCHEME_SIGNATURE_MAX_LEN", cConst("SIGMINT_SCHEME_SIGNATURE_MAX_LEN"),
        Scheme.SIGNATURE_MAX_LEN.toLong())
    checks.equal("layout: SIGMINT_WEBHOOK_DEFAULT_TOLERANCE_S", cConst("SIGMINT_WEBHOOK_DEFAULT_TOLERANCE_S"),
        Webhooks.DEFAULT_TOLERANCE_SECONDS)
    for (encoding in SecretEncoding.values()) {
        checks.equal("layout: SIGMINT_SECRET_ENCODING_$encoding", cConst("SIGMINT_SECRET_ENCODING_$encoding"),
            encoding.value.toLong())
    }
    for (encoding in TagEncoding.values()) {
        checks.equal("layout: SIGMINT_TAG_ENCODING_$encoding", cConst("SIGMINT_TAG_ENCODING_$encoding"),
            encoding.value.toLong())
    }
}
