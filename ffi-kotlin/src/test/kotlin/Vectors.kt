package sigmint

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import java.io.File

/** The shared vectors in `tests/vectors/`, the same files the Rust, C and Python tests read. */
class Vectors(private val dir: File) {
    /** The top-level JSON value of [name]. */
    fun read(name: String): JsonElement = JsonParser.parseString(File(dir, name).readText(Charsets.UTF_8))
}

/** The string member [name] of this object. */
fun JsonObject.text(name: String): String = get(name).asString

/** Bytes from hex text. */
fun hexBytes(hex: String): ByteArray = ByteArray(hex.length / 2) { hex.substring(2 * it, 2 * it + 2).toInt(16).toByte() }
